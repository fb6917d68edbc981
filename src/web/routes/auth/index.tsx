import { createRoute, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { InvitationPage } from './InvitationPage.js';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { SignInPage } from './SignInPage.js';

const tokenSearch = z.object({ token: z.string().catch('') });
/** The page that sent the person to sign in (checked to be of this site before use: `landingPage`). */
const signInSearch = z.object({ redirect: z.string().max(2000).optional().catch(undefined) });

/** Signing in, a forgotten password, and accepting an invitation. */
export const authWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/sign-in',
      staticData: { title: 'title.signIn' },
      component: SignInPage,
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
      component: ForgotPasswordPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/reset-password',
      staticData: { title: 'title.resetPassword' },
      component: ResetPasswordPage,
      validateSearch: tokenSearch,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/invitation',
      staticData: { title: 'title.invitation' },
      component: InvitationPage,
      validateSearch: tokenSearch,
    }),
  ],
});
