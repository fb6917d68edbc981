import type { App, Deps } from '../../platform/http.js';

export async function registerReviewRoutes(_app: App, _deps: Deps) {}
