import { describe, expect, it, vi } from 'vitest';
import { dictionaries } from './i18n/dictionaries.js';

describe('the web modules', () => {
  it('give every page a title in the browser tab, worded in the three languages', async () => {
    // The pages are loaded as the browser would, with what the language choice reads at start.
    vi.stubGlobal('localStorage', { getItem: () => 'fr', setItem: () => {} });
    vi.stubGlobal('navigator', { languages: ['fr'] });
    vi.stubGlobal('document', { documentElement: {}, addEventListener: () => {}, title: '' });
    const { webModules } = await import('./modules.js');
    const routes = webModules.flatMap((module) => module.routes);
    expect(routes.length).toBeGreaterThan(10);
    const problems = routes.flatMap((route) => {
      const { path, staticData } = route.options as { path?: string; staticData?: { title?: string } };
      const key = staticData?.title;
      if (!key) return [`${path}: no staticData.title`];
      return (['fr', 'ar', 'en'] as const)
        .filter((locale) => !dictionaries[locale][key])
        .map((locale) => `${path}: ${key} missing in ${locale}`);
    });
    expect(problems).toEqual([]);
  });
});
