import { describe, expect, it } from 'vitest';
import { modules } from './modules/index.js';
import { installMessages, translate } from './platform/messages.js';
import { installModules } from './platform/module.js';

describe('server wording', () => {
  installModules(modules);

  it('translates the keys of installed modules in each language', () => {
    expect(translate('fr', 'validation.ice_format')).toContain('15 chiffres');
    expect(translate('en', 'validation.ice_format')).toContain('15 digits');
    expect(translate('ar', 'validation.ice_format')).toContain('15');
    expect(translate('ar', 'export.space.code')).not.toBe('export.space.code');
  });

  it('refuses a key that another source already defines (one would silently hide the other)', () => {
    const copy = { en: { 'validation.ice_format': 'x' }, fr: { 'validation.ice_format': 'x' }, ar: { 'validation.ice_format': 'x' } };
    expect(() => installMessages('intruder', copy)).toThrow(/already defined by companies/);
    expect(translate('en', 'validation.ice_format')).toContain('15 digits');
  });

  it('installs the same modules twice without complaint', () => {
    expect(() => installModules(modules)).not.toThrow();
  });
});
