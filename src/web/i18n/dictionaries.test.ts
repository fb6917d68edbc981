import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaDictionaries, dictionaries } from './dictionaries.js';

const { fr, ar, en } = dictionaries;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.tsx') || entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('web dictionaries', () => {
  it('have the same keys in French, Arabic and English, none empty', () => {
    const keys = Object.keys(fr).sort();
    for (const [locale, dictionary] of Object.entries(dictionaries)) {
      expect(Object.keys(dictionary).sort(), locale).toEqual(keys);
      for (const [key, value] of Object.entries(dictionary)) expect(value.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('have the same area files in every language, and no key in two areas', () => {
    const areas = Object.keys(areaDictionaries.fr).sort();
    expect(areas).toContain('core');
    expect(Object.keys(areaDictionaries.ar).sort()).toEqual(areas);
    expect(Object.keys(areaDictionaries.en).sort()).toEqual(areas);
    const seen = new Map<string, string>();
    for (const area of areas) {
      for (const key of Object.keys(areaDictionaries.fr[area])) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('contain every key the pages ask for by name', () => {
    const missing = new Set<string>();
    for (const file of sourceFiles('src/web')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) {
        if (!(match[1] in fr)) missing.add(`${match[1]} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('keep the same placeholders in every language', () => {
    for (const key of Object.keys(fr)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(ar[key]), `ar ${key}`).toEqual(placeholders(fr[key]));
      expect(placeholders(en[key]), `en ${key}`).toEqual(placeholders(fr[key]));
    }
  });
});
