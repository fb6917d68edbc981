import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { Layout } from './components/Layout.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { AccountPage } from './routes/account/AccountPage.js';
import { AuditPage } from './routes/admin/AuditPage.js';
import { InvitationsPage } from './routes/admin/InvitationsPage.js';
import { OutboxPage } from './routes/admin/OutboxPage.js';
import { PeoplePage } from './routes/admin/PeoplePage.js';
import { ApplicationAdminPage } from './routes/admissions/ApplicationAdminPage.js';
import { ApplyPage, applySearchSchema } from './routes/admissions/ApplyPage.js';
import { CallApplicationsPage } from './routes/admissions/CallApplicationsPage.js';
import { CallPage } from './routes/admissions/CallPage.js';
import { CallReviewPage } from './routes/admissions/CallReviewPage.js';
import { CallSettingsPage, NewCallPage } from './routes/admissions/CallSettingsPage.js';
import { CallsAdminPage } from './routes/admissions/CallsAdminPage.js';
import { CallsPage } from './routes/admissions/CallsPage.js';
import { MyApplicationsPage } from './routes/admissions/MyApplicationsPage.js';
import { ReviewPage } from './routes/admissions/ReviewPage.js';
import { ReviewsPage } from './routes/admissions/ReviewsPage.js';
import { WaitingListPage } from './routes/admissions/WaitingListPage.js';
import { WaitingListParksPage } from './routes/admissions/WaitingListParksPage.js';
import { ForgotPasswordPage } from './routes/auth/ForgotPasswordPage.js';
import { InvitationPage } from './routes/auth/InvitationPage.js';
import { ResetPasswordPage } from './routes/auth/ResetPasswordPage.js';
import { SignInPage } from './routes/auth/SignInPage.js';
import { CompaniesPage } from './routes/companies/CompaniesPage.js';
import { CompanyImportPage, companyImportSearchSchema } from './routes/companies/CompanyImportPage.js';
import { CompanyPage, companySearchSchema } from './routes/companies/CompanyPage.js';
import { NewCompanyPage } from './routes/companies/NewCompanyPage.js';
import { ReportingStatusPage } from './routes/companies/ReportingStatusPage.js';
import { NetworkPage } from './routes/parks/NetworkPage.js';
import { ParkPage } from './routes/parks/ParkPage.js';

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });
const tokenSearch = z.object({ token: z.string().catch('') });

const routeTree = rootRoute.addChildren([
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: NetworkPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/parks/$park', component: ParkPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/parks/$park/waiting-list', component: WaitingListPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/waiting-list', component: WaitingListParksPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/reviews', component: ReviewsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/reviews/$applicationId', component: ReviewPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/calls/$callId/review', component: CallReviewPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/calls', component: CallsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/calls/$slug', component: CallPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/calls/$slug/apply', component: ApplyPage, validateSearch: applySearchSchema }),
  createRoute({ getParentRoute: () => rootRoute, path: '/my/applications', component: MyApplicationsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/calls', component: CallsAdminPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/calls/new', component: NewCallPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/calls/$callId', component: CallSettingsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/calls/$callId/applications', component: CallApplicationsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/applications/$applicationId', component: ApplicationAdminPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/reset-password', component: ResetPasswordPage, validateSearch: tokenSearch }),
  createRoute({ getParentRoute: () => rootRoute, path: '/invitation', component: InvitationPage, validateSearch: tokenSearch }),
  createRoute({ getParentRoute: () => rootRoute, path: '/account', component: AccountPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/people', component: PeoplePage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/invitations', component: InvitationsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/audit', component: AuditPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/outbox', component: OutboxPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/companies/reporting', component: ReportingStatusPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/companies', component: CompaniesPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/companies/new', component: NewCompanyPage }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/companies/import',
    component: CompanyImportPage,
    validateSearch: companyImportSearchSchema,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/companies/$companyId',
    component: CompanyPage,
    validateSearch: companySearchSchema,
  }),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
