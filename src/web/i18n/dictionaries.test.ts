import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

const dictionaries = { fr, ar, en } as Record<string, Record<string, string>>;

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
      expect(placeholders(ar[key as keyof typeof ar]), `ar ${key}`).toEqual(placeholders(fr[key as keyof typeof fr]));
      expect(placeholders(en[key as keyof typeof en]), `en ${key}`).toEqual(placeholders(fr[key as keyof typeof fr]));
    }
  });
});
