import type { Locale } from './locales.js';

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

/** An instant shown in the park's time zone (UTC+1, UTC+0 during Ramadan). */
export function formatInstant(instant: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(`${intlLocale[locale]}-u-nu-latn`, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: parkTimeZone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

// Building a formatter is costly; checks call localToday once per row of an import.
const localDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: parkTimeZone });

/** Today's local date in the park's time zone, as yyyy-mm-dd. */
export function localToday(now: Date = new Date()): string {
  return localDateFormat.format(now);
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(`${intlLocale[locale]}-u-nu-latn`, options).format(value);
}
