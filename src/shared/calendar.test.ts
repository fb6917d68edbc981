import { describe, expect, it } from 'vitest';
import { formatGregorianDate, formatHijriDate, formatInstant, formatInstantHijriDate, hijriParts, localToday } from './calendar.js';

describe('calendar', () => {
  it('gives the Hijri date of a Gregorian day', () => {
    // 1 Ramadan 1447 fell on 18 February 2026 (Umm al-Qura).
    expect(hijriParts('2026-02-18')).toEqual({ year: 1447, month: 9, day: 1 });
    expect(hijriParts('2026-03-20')).toEqual({ year: 1447, month: 10, day: 1 });
  });

  it('writes dates in each language without shifting the day', () => {
    expect(formatGregorianDate('2026-01-11', 'fr')).toBe('11 janvier 2026');
    expect(formatGregorianDate('2026-01-11', 'en')).toBe('11 January 2026');
    expect(formatHijriDate('2026-02-18', 'ar')).toContain('رمضان');
    expect(formatHijriDate('2026-02-18', 'fr')).toMatch(/^1 ramadan 1447/);
  });

  it('shows instants in Casablanca time, UTC+1 most of the year and UTC+0 during Ramadan', () => {
    expect(formatInstant('2026-07-01T10:00:00Z', 'en')).toContain('11:00');
    expect(formatInstant('2026-03-01T10:00:00Z', 'en')).toContain('10:00');
  });

  it('writes an instant on the park’s clock in each language: winter, summer, after 2026-09-20, Ramadan', () => {
    expect(formatInstant('2026-01-15T16:00:00Z', 'fr')).toBe('15 jan. 2026, 17:00');
    expect(formatInstant('2026-07-15T16:00:00Z', 'en')).toBe('15 Jul 2026, 17:00');
    expect(formatInstant(new Date('2026-10-15T16:00:00Z'), 'fr')).toBe('15 oct. 2026, 17:00');
    expect(formatInstant('2027-02-20T16:00:00Z', 'fr')).toBe('20 fév. 2027, 16:00');
    // Latin digits in Arabic too, as the rest of the app writes them.
    expect(formatInstant('2027-07-15T23:30:00Z', 'ar')).toBe('16\u200f/07\u200f/2027، 00:30');
  });

  it('gives the Hijri date of the park’s local day of an instant', () => {
    // 23:30 UTC on 15 July 2027 is 00:30 on the 16th in Casablanca.
    expect(formatInstantHijriDate('2027-07-15T23:30:00Z', 'en')).toBe(formatHijriDate('2027-07-16', 'en'));
    expect(formatInstantHijriDate('2027-02-20T23:30:00Z', 'en')).toBe(formatHijriDate('2027-02-20', 'en'));
  });

  it('knows the local day in Casablanca around midnight UTC', () => {
    expect(localToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(localToday(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
  });
});
