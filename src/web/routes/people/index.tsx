import { IconSend, IconUser, IconUsers } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';

/** People and their roles, invitations, and the reader's own account. */
export const peopleWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/people',
      staticData: { title: 'title.people' },
      component: lazyPage(() => import('./PeoplePage.js'), 'PeoplePage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/invitations',
      staticData: { title: 'title.invitations' },
      component: lazyPage(() => import('./InvitationsPage.js'), 'InvitationsPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/account',
      staticData: { title: 'title.account' },
      component: lazyPage(() => import('./AccountPage.js'), 'AccountPage'),
    }),
  ],
  navigation: [
    { order: 60, section: 'administration', to: '/admin/people', label: 'nav.people', icon: IconUsers, roles: ['network_admin'] },
    { order: 61, section: 'administration', to: '/admin/invitations', label: 'nav.invitations', icon: IconSend, roles: ['network_admin'] },
    { order: 100, to: '/account', label: 'nav.account', icon: IconUser, roles: 'signed-in' },
  ],
});
