import type { Dictionary } from './dictionaries.js';

/** Every area file of the English wording in one chunk, loaded when the reader reads English (`loadDictionary` in index.ts). */
const words: Dictionary = Object.assign(
  {},
  ...Object.values(import.meta.glob<Dictionary>('./en/*.json', { eager: true, import: 'default' })),
);
export default words;
