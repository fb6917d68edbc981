import { describe, expect, it } from 'vitest';
import ar from './ar.js';
import { dictionaries } from './dictionaries.js';
import en from './en.js';
import fr from './fr.js';

describe('the languages loaded one at a time', () => {
  it('each hold every area file of their language', () => {
    expect(fr).toEqual(dictionaries.fr);
    expect(ar).toEqual(dictionaries.ar);
    expect(en).toEqual(dictionaries.en);
  });
});
