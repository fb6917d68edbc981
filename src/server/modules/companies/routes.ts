import type { App, Deps } from '../../platform/http.js';

export async function registerCompanyRoutes(_app: App, _deps: Deps) {}
