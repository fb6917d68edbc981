import { createRouter } from '@tanstack/react-router';
import { webModules } from './modules.js';
import { rootRoute } from './root-route.js';

const routeTree = rootRoute.addChildren(webModules.flatMap((module) => module.routes));

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  context: { navigation: webModules.flatMap((module) => module.navigation ?? []) },
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
