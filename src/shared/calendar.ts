import type { Locale } from './locales.js';
import { type InstantInput, toLocalDate, toWallClock } from './morocco-time.js';

/** The parks' time zone, by its IANA name. Its clock is read from `morocco-time.ts`, never from a browser's database. */
export const parkTimeZone = 'Africa/Casablanca';

const intlLocale: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

/** A local date (yyyy-mm-dd) read at noon UTC so that no time zone moves it to another day. */
function atNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export function formatGregorianDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(`${intlLocale[locale]}-u-ca-gregory-nu-latn`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(atNoon(isoDate));
}

/** The Hijri date (Umm al-Qura tables) of a local date; Morocco's official date may differ by a day. */
export function formatHijriDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(`${intlLocale[locale]}-u-ca-islamic-umalqura-nu-latn`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(atNoon(isoDate));
}

export function hijriParts(isoDate: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(atNoon(isoDate));
  const value = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: value('year'), month: value('month'), day: value('day') };
}

// Building a formatter is costly: lists and exports format an instant per row.
const instantFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * An instant on the park's clock (UTC+1, UTC+0 during Ramadan), the same in every browser and on the server: the
 * offset comes from the shipped table, and Intl formats the wall clock in time zone 'UTC', which no browser gets wrong.
 * Says no time zone: the page, the e-mail and the export add "Morocco time" in their own words.
 */
export function formatInstant(instant: InstantInput, locale: Locale): string {
  let format = instantFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(`${intlLocale[locale]}-u-ca-gregory-nu-latn`, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    instantFormats.set(locale, format);
  }
  return format.format(toWallClock(instant));
}

/** The Hijri date of the park's local day at an instant (a deadline's, say). */
export function formatInstantHijriDate(instant: InstantInput, locale: Locale): string {
  return formatHijriDate(toLocalDate(instant), locale);
}

/** Today's local date in the park's time zone, as yyyy-mm-dd. */
export function localToday(now: Date = new Date()): string {
  return toLocalDate(now);
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(`${intlLocale[locale]}-u-nu-latn`, options).format(value);
}
