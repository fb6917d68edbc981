import { IconClipboardCheck, IconListNumbers } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { ApplicationAdminPage } from './applications/ApplicationAdminPage.js';
import { ApplyPage, applySearchSchema } from './applications/ApplyPage.js';
import { CallApplicationsPage } from './applications/CallApplicationsPage.js';
import { MyApplicationsPage } from './applications/MyApplicationsPage.js';
import { CallNavLinks } from './calls/CallNavLinks.js';
import { CallPage } from './calls/CallPage.js';
import { CallSettingsPage, NewCallPage } from './calls/CallSettingsPage.js';
import { CallsAdminPage } from './calls/CallsAdminPage.js';
import { CallsPage } from './calls/CallsPage.js';
import { CallReviewPage } from './reviews/CallReviewPage.js';
import { ReviewPage } from './reviews/ReviewPage.js';
import { ReviewsPage } from './reviews/ReviewsPage.js';
import { WaitingListPage } from './waiting-list/WaitingListPage.js';
import { WaitingListParksPage } from './waiting-list/WaitingListParksPage.js';

/** Admissions: public calls and applying, the officers' calls and applications, committee reviews, waiting lists. */
export const admissionsWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/parks/$park/waiting-list',
      staticData: { title: 'title.waitingList' },
      component: WaitingListPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/waiting-list',
      staticData: { title: 'title.waitingLists' },
      component: WaitingListParksPage,
    }),
    createRoute({ getParentRoute: () => rootRoute, path: '/reviews', staticData: { title: 'title.reviews' }, component: ReviewsPage }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/reviews/$applicationId',
      staticData: { title: 'title.review' },
      component: ReviewPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId/review',
      staticData: { title: 'title.callReview' },
      component: CallReviewPage,
    }),
    createRoute({ getParentRoute: () => rootRoute, path: '/calls', staticData: { title: 'title.calls' }, component: CallsPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/calls/$slug', staticData: { title: 'title.call' }, component: CallPage }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/calls/$slug/apply',
      staticData: { title: 'title.apply' },
      component: ApplyPage,
      validateSearch: applySearchSchema,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/my/applications',
      staticData: { title: 'title.myApplications' },
      component: MyApplicationsPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls',
      staticData: { title: 'title.callsAdmin' },
      component: CallsAdminPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/new',
      staticData: { title: 'title.newCall' },
      component: NewCallPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId',
      staticData: { title: 'title.callSettings' },
      component: CallSettingsPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId/applications',
      staticData: { title: 'title.callApplications' },
      component: CallApplicationsPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/applications/$applicationId',
      staticData: { title: 'title.application' },
      component: ApplicationAdminPage,
    }),
  ],
  navigation: [
    { order: 10, component: CallNavLinks },
    { order: 40, to: '/reviews', label: 'reviews.nav', icon: IconClipboardCheck, roles: ['committee_member'] },
    {
      order: 50,
      to: '/waiting-list',
      label: 'waitingList.nav',
      icon: IconListNumbers,
      roles: ['network_admin', 'park_manager', 'program_officer'],
    },
  ],
});
