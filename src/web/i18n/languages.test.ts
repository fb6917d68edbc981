import { describe, expect, it } from 'vitest';
import arCore from './ar/core.json';
import ar from './ar.js';
import { areaDictionaries, dictionaries } from './dictionaries.js';
import enCore from './en/core.json';
import en from './en.js';
import frCore from './fr/core.json';
import fr from './fr.js';

describe('the languages loaded one at a time', () => {
  it('each hold, with their core file, every area file of their language, and nothing of core twice', () => {
    for (const [locale, core, pages] of [
      ['fr', frCore, fr],
      ['ar', arCore, ar],
      ['en', enCore, en],
    ] as const) {
      expect({ ...core, ...pages }, locale).toEqual(dictionaries[locale]);
      expect(core, locale).toEqual(areaDictionaries[locale].core);
      expect(
        Object.keys(pages).filter((key) => key in core),
        locale,
      ).toEqual([]);
    }
  });
});
