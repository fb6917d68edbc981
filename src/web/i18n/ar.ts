import type { Dictionary } from './dictionaries.js';

/**
 * The Arabic wording of every area but core, in one chunk: loaded with the first page that needs more than the
 * network's page and the menus (`loadPageWords` in index.ts); core.json comes first, on its own.
 */
const words: Dictionary = Object.assign(
  {},
  ...Object.values(import.meta.glob<Dictionary>(['./ar/*.json', '!./ar/core.json'], { eager: true, import: 'default' })),
);
export default words;
