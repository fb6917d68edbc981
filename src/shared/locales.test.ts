import { describe, expect, it } from 'vitest';
import { pickLocale, textDirection } from './locales.js';

describe('pickLocale', () => {
  it('follows the browser when it asks for one of our languages', () => {
    expect(pickLocale('ar-MA,ar;q=0.9,fr;q=0.8')).toBe('ar');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('de-DE,de;q=0.9,en;q=0.5')).toBe('en');
  });

  it('respects quality weights rather than order', () => {
    expect(pickLocale('en;q=0.4,ar;q=0.8')).toBe('ar');
    expect(pickLocale('fr;q=0,en')).toBe('en');
  });

  it('falls back to French', () => {
    expect(pickLocale(undefined)).toBe('fr');
    expect(pickLocale('')).toBe('fr');
    expect(pickLocale('es-ES,de;q=0.5')).toBe('fr');
  });

  it('writes Arabic right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('fr')).toBe('ltr');
  });
});
