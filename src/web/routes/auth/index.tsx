import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { InvitationPage } from './InvitationPage.js';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { SignInPage } from './SignInPage.js';

const tokenSearch = z.object({ token: z.string().catch('') });

/** Signing in, a forgotten password, and accepting an invitation. */
export const authWeb = defineWebModule({
  routes: [
    createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/reset-password', component: ResetPasswordPage, validateSearch: tokenSearch }),
    createRoute({ getParentRoute: () => rootRoute, path: '/invitation', component: InvitationPage, validateSearch: tokenSearch }),
  ],
});
