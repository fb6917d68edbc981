import { IconClipboardCheck, IconListNumbers } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { applySearchSchema } from './applications/apply-search.js';
import { CallNavLinks } from './calls/CallNavLinks.js';

/** Admissions: public calls and applying, the officers' calls and applications, committee reviews, waiting lists. */
export const admissionsWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/parks/$park/waiting-list',
      staticData: { title: 'title.waitingList' },
      component: lazyPage(() => import('./waiting-list/WaitingListPage.js'), 'WaitingListPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/waiting-list',
      staticData: { title: 'title.waitingLists' },
      component: lazyPage(() => import('./waiting-list/WaitingListParksPage.js'), 'WaitingListParksPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/reviews',
      staticData: { title: 'title.reviews' },
      component: lazyPage(() => import('./reviews/ReviewsPage.js'), 'ReviewsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/reviews/$applicationId',
      staticData: { title: 'title.review' },
      component: lazyPage(() => import('./reviews/ReviewPage.js'), 'ReviewPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId/review',
      staticData: { title: 'title.callReview' },
      component: lazyPage(() => import('./reviews/CallReviewPage.js'), 'CallReviewPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/calls',
      staticData: { title: 'title.calls' },
      component: lazyPage(() => import('./calls/CallsPage.js'), 'CallsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/calls/$slug',
      staticData: { title: 'title.call' },
      component: lazyPage(() => import('./calls/CallPage.js'), 'CallPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/calls/$slug/apply',
      staticData: { title: 'title.apply' },
      component: lazyPage(() => import('./applications/ApplyPage.js'), 'ApplyPage'),
      validateSearch: applySearchSchema,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/my/applications',
      staticData: { title: 'title.myApplications' },
      component: lazyPage(() => import('./applications/MyApplicationsPage.js'), 'MyApplicationsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls',
      staticData: { title: 'title.callsAdmin' },
      component: lazyPage(() => import('./calls/CallsAdminPage.js'), 'CallsAdminPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/new',
      staticData: { title: 'title.newCall' },
      component: lazyPage(() => import('./calls/CallSettingsPage.js'), 'NewCallPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId',
      staticData: { title: 'title.callSettings' },
      component: lazyPage(() => import('./calls/CallSettingsPage.js'), 'CallSettingsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/calls/$callId/applications',
      staticData: { title: 'title.callApplications' },
      component: lazyPage(() => import('./applications/CallApplicationsPage.js'), 'CallApplicationsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/applications/$applicationId',
      staticData: { title: 'title.application' },
      component: lazyPage(() => import('./applications/ApplicationAdminPage.js'), 'ApplicationAdminPage'),
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
