import { createRootRouteWithContext } from '@tanstack/react-router';
import { Layout } from './components/Layout.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import type { NavEntry } from './navigation.js';

/** The root of every page: the layout with the menu the modules contribute (the router's context carries it). */
export const rootRoute = createRootRouteWithContext<{ navigation: NavEntry[] }>()({ component: Layout, notFoundComponent: NotFoundPage });
