import { useMatches, useRouterState } from '@tanstack/react-router';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The i18n key of the page's name in the browser's tab, history and bookmarks. */
    title?: string;
  }
}

/** What the page shown names itself (a park, a company, a call), for the address it was named at. */
let named: { pathname: string; name: string } | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function setNamed(value: typeof named) {
  named = value;
  for (const listener of listeners) listener();
}

/** A page about one thing puts its name before the page's kind: "Technopark Rabat · Parc · Technopark". */
export function usePageName(name: string | null | undefined) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useEffect(() => {
    if (!name) return;
    setNamed({ pathname, name });
    return () => setNamed(null);
  }, [name, pathname]);
}

/**
 * Keeps `document.title` on the page shown, in the reader's language: the route's title (its `staticData.title`),
 * the name the page gives itself, the app's name; "Page not found" where no route matches.
 */
export function DocumentTitle() {
  const { t } = useTranslation();
  const matches = useMatches();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const name = useSyncExternalStore(subscribe, () => named);
  const key = [...matches].reverse().find((match) => match.staticData?.title)?.staticData.title;
  const routeTitle = key ? t(key) : t('notFound.title');
  const parts = [name?.pathname === pathname ? name.name : null, routeTitle, 'Technopark'].filter(Boolean);
  const title = parts.join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
