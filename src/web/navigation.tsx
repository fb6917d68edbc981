import { NavLink } from '@mantine/core';
import type { AnyRoute } from '@tanstack/react-router';
import { Link } from '@tanstack/react-router';
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../contracts/roles.js';

/** What a menu entry component receives: where the reader is, and what to call when they follow a link (a phone closes the menu). */
export type NavLinksProps = { pathname: string; onNavigate: () => void };

type Placement = {
  /** Entries are sorted by it: the network first (0), the account last (100). */
  order: number;
  /** Under the "Administration" heading, for network admins. */
  section?: 'administration';
};

/**
 * One entry of the menu: a link shown to the holders of one of `roles` (to everyone without it, to any
 * signed-in person with 'signed-in'), or a component for entries that depend on the reader (one per company
 * they belong to, per park they manage).
 */
export type NavEntry = Placement &
  (
    | {
        to: string;
        /** An i18n key. */
        label: string;
        icon: ComponentType<{ size?: number }>;
        roles?: readonly Role[] | 'signed-in';
        /** When the entry is shown as the current page (default: the path is `to`). */
        activeWhen?: (pathname: string) => boolean;
      }
    | { component: ComponentType<NavLinksProps> }
  );

/** A capability's part of the web app: its pages (routes of the root route) and its menu entries. */
export type WebModule<Routes extends readonly AnyRoute[] = readonly AnyRoute[]> = { routes: Routes; navigation?: NavEntry[] };

export function defineWebModule<const Routes extends readonly AnyRoute[]>(module: WebModule<Routes>): WebModule<Routes> {
  return module;
}

/** A link of the menu. */
export function MenuLink({
  to,
  label,
  icon,
  active,
  onNavigate,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  onNavigate: () => void;
}) {
  return <NavLink component={Link} to={to} label={label} leftSection={icon} active={active} onClick={onNavigate} />;
}
