import type { Dictionary } from './dictionaries.js';

/** Every area file of the French wording in one chunk, loaded when the reader reads French (`loadDictionary` in index.ts). */
const words: Dictionary = Object.assign(
  {},
  ...Object.values(import.meta.glob<Dictionary>('./fr/*.json', { eager: true, import: 'default' })),
);
export default words;
