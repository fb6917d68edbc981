import { Anchor, Button, type ButtonProps } from '@mantine/core';
import { createLink, useRouterState } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

const AnchorLink = createLink(Anchor);
// A link that looks like a button (an `a`, as links are read out as links).
const ButtonLink = createLink(
  forwardRef<HTMLAnchorElement, ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => (
    <Button component="a" ref={ref} {...props} />
  )),
);

/**
 * "Sign in", for a page that needs it: signing in then comes back to this very page (its address with its
 * query), not to the person's start page.
 */
export function SignInLink({ variant }: { variant: 'button' | 'anchor' }) {
  const { t } = useTranslation();
  const here = useRouterState({ select: (state) => state.location.href });
  const Component = variant === 'anchor' ? AnchorLink : ButtonLink;
  return (
    <Component to="/sign-in" search={{ redirect: here }}>
      {t('auth.signIn')}
    </Component>
  );
}
