import type { Dictionary } from './dictionaries.js';

/** Every area file of the Arabic wording in one chunk, loaded when the reader reads Arabic (`loadDictionary` in index.ts). */
const words: Dictionary = Object.assign(
  {},
  ...Object.values(import.meta.glob<Dictionary>('./ar/*.json', { eager: true, import: 'default' })),
);
export default words;
