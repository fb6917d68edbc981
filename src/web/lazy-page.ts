import { lazyRouteComponent } from '@tanstack/react-router';
import { loadPageWords } from './i18n/index.js';

/**
 * A page's component, loaded on the way to it together with the words of every area beyond core
 * (src/web/i18n/index.ts): the page is drawn once both have arrived, never with its keys showing. Every route uses
 * it but the network's page, which is drawn with core words alone (a test checks) so that a first visit loads less.
 */
export function lazyPage<Module extends Record<string, unknown>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazyRouteComponent(() => Promise.all([load(), loadPageWords()]).then(([module]) => module), name);
}
