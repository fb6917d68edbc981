import { createRoute, redirect } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { present, type Search, searchText } from '../../search-params.js';

const tokenSearch = (search: Search) => ({ token: searchText(search.token, Number.POSITIVE_INFINITY) ?? '' });
/** The page that sent the person to sign in (checked to be of this site before use: `landingPage`). */
const signInSearch = (search: Search): { redirect?: string } => present({ redirect: searchText(search.redirect, 2000) });

/** Signing in, a forgotten password, and accepting an invitation. */
export const authWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/sign-in',
      staticData: { title: 'title.signIn' },
      component: lazyPage(() => import('./SignInPage.js'), 'SignInPage'),
      validateSearch: signInSearch,
    }),
    // The address people type or were given elsewhere leads to the sign-in page.
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/login',
      staticData: { title: 'title.signIn' },
      beforeLoad: () => {
        throw redirect({ to: '/sign-in', replace: true });
      },
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/forgot-password',
      staticData: { title: 'title.forgotPassword' },
      component: lazyPage(() => import('./ForgotPasswordPage.js'), 'ForgotPasswordPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/reset-password',
      staticData: { title: 'title.resetPassword' },
      component: lazyPage(() => import('./ResetPasswordPage.js'), 'ResetPasswordPage'),
      validateSearch: tokenSearch,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/invitation',
      staticData: { title: 'title.invitation' },
      component: lazyPage(() => import('./InvitationPage.js'), 'InvitationPage'),
      validateSearch: tokenSearch,
    }),
  ],
});
