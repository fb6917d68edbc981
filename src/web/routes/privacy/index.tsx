import { IconEraser, IconShieldLock } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';

/** Personal data (Law 09-08): the person's own page (data, who read it, password, erasure) and the admins' erasure requests. */
export const privacyWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/account/data',
      staticData: { title: 'nav.myData' },
      component: lazyPage(() => import('./MyDataPage.js'), 'MyDataPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/erasure-requests',
      staticData: { title: 'nav.erasureRequests' },
      component: lazyPage(() => import('./ErasureRequestsPage.js'), 'ErasureRequestsPage'),
    }),
  ],
  navigation: [
    {
      order: 64,
      section: 'administration',
      to: '/admin/erasure-requests',
      label: 'nav.erasureRequests',
      icon: IconEraser,
      roles: ['network_admin'],
    },
    { order: 101, to: '/account/data', label: 'nav.myData', icon: IconShieldLock, roles: 'signed-in' },
  ],
});
