import type { App, Deps } from '../../platform/http.js';

export async function registerCompanyReportRoutes(_app: App, _deps: Deps) {}
