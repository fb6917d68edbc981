import { describe, expect, it } from 'vitest';
import { messageSources, translate } from './messages.js';

describe('server wording', () => {
  it('has no key defined by two sources (one would silently hide the other)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [source, messages] of Object.entries(messageSources)) {
      for (const key of Object.keys(messages)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${source}`);
        owner.set(key, source);
      }
    }
    expect(twice).toEqual([]);
  });

  it('translates module keys in each language', () => {
    expect(translate('fr', 'validation.ice_format')).toContain('15 chiffres');
    expect(translate('en', 'validation.ice_format')).toContain('15 digits');
    expect(translate('ar', 'validation.ice_format')).toContain('15');
  });
});
