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
