import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The app's own modules `roots` import, statically and transitively (type-only imports aside): what is drawn with them. */
function staticClosure(roots: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/^(import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)\.js'/gms)) {
      const base = join(dirname(file), match[2]);
      const found = [`${base}.tsx`, `${base}.ts`].find((candidate) => existsSync(candidate));
      if (found) stack.push(found);
    }
  }
  return [...seen];
}

/** main.tsx and the pages routed without `lazyPage`: drawn before the words beyond core are loaded. */
function drawnWithCoreWords(): string[] {
  const roots = ['src/web/main.tsx'];
  for (const file of sourceFiles('src/web/routes').filter((name) => name.endsWith('index.tsx'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/lazyRouteComponent\(\(\) => import\('(\.[^']+)\.js'\)/g)) {
      roots.push(`${join(dirname(file), match[1])}.tsx`);
    }
  }
  return staticClosure(roots);
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

  it('give what is drawn before the other areas are loaded (menus, network page) core words only', () => {
    const files = drawnWithCoreWords();
    expect(files).toContain('src/web/routes/parks/NetworkPage.tsx');
    expect(files).toContain('src/web/components/Layout.tsx');
    const core = areaDictionaries.fr.core;
    const outside = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/'([a-zA-Z]\w*\.[\w.]+)'/g)) {
        if (match[1] in fr && !(match[1] in core)) outside.add(`${match[1]} (${file})`);
      }
      for (const match of text.matchAll(/`([a-zA-Z][\w.]*)\.\$\{/g)) {
        const prefix = `${match[1]}.`;
        for (const key of Object.keys(fr)) if (key.startsWith(prefix) && !(key in core)) outside.add(`${key} (${file})`);
      }
    }
    expect([...outside]).toEqual([]);
  });

  it('keep the same placeholders in every language', () => {
    for (const key of Object.keys(fr)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(ar[key]), `ar ${key}`).toEqual(placeholders(fr[key]));
      expect(placeholders(en[key]), `en ${key}`).toEqual(placeholders(fr[key]));
    }
  });
});
