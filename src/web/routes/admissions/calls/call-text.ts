/** Whole days left until an instant, counting a started day (0 when it has passed). */
export function daysUntil(instant: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(instant) - now) / (24 * 60 * 60 * 1000)));
}

/** Items joined the way the language joins them ("a, b et c", "أ، ب و ج"). */
export function formatList(items: string[], locale: 'fr' | 'ar' | 'en'): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
