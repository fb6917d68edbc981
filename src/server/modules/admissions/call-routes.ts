import type { App, Deps } from '../../platform/http.js';

export async function registerCallRoutes(_app: App, _deps: Deps) {}
