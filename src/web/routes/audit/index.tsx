import { IconHistory, IconMail } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';

/** The platform's records for network admins: who changed what (audit log) and the e-mails sent (outbox). */
export const auditWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/audit',
      staticData: { title: 'title.audit' },
      component: lazyPage(() => import('./AuditPage.js'), 'AuditPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/admin/outbox',
      staticData: { title: 'title.outbox' },
      component: lazyPage(() => import('./OutboxPage.js'), 'OutboxPage'),
    }),
  ],
  navigation: [
    { order: 62, section: 'administration', to: '/admin/audit', label: 'nav.audit', icon: IconHistory, roles: ['network_admin'] },
    { order: 63, section: 'administration', to: '/admin/outbox', label: 'nav.outbox', icon: IconMail, roles: ['network_admin'] },
  ],
});
