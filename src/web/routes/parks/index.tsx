import { IconMap2 } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { ManagedParkLinks } from './ManagedParkLinks.js';

/** The network (map, roadmap, parks) and each park with its buildings and spaces. */
export const parksWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/',
      staticData: { title: 'title.network' },
      // Everyone's first page: drawn with core words alone, without waiting for the other areas' (lazyPage).
      component: lazyRouteComponent(() => import('./NetworkPage.js'), 'NetworkPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/parks/$park',
      staticData: { title: 'title.park' },
      component: lazyPage(() => import('./ParkPage.js'), 'ParkPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/parks/$park/import-spaces',
      staticData: { title: 'title.spaceImport' },
      component: lazyPage(() => import('./space-import/SpaceImportPage.js'), 'SpaceImportPage'),
    }),
  ],
  navigation: [
    { order: 0, to: '/', label: 'nav.network', icon: IconMap2 },
    { order: 5, component: ManagedParkLinks },
  ],
});
