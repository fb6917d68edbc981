import type { App, Deps } from '../../platform/http.js';

export async function registerCompanyImportRoutes(_app: App, _deps: Deps) {}
