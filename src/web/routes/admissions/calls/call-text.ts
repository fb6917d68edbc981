import { parkTimeZone } from '../../../../shared/calendar.js';

/** yyyy-mm-ddThh:mm of an instant on the park's clock (Africa/Casablanca). */
export function toCasablancaLocal(instant: string | Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: parkTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** Minutes the park's clock is ahead of UTC at an instant (60, or 0 during Ramadan). */
function offsetMinutes(instant: number): number {
  const local = toCasablancaLocal(new Date(instant));
  return Math.round((Date.parse(`${local}:00Z`) - Math.floor(instant / 60000) * 60000) / 60000);
}

/**
 * The instant (ISO, UTC) of a local date and time on the park's clock: what an officer means by
 * "closes on 31 March at 23:59" in Casablanca, whatever the time zone of their browser.
 */
export function fromCasablancaLocal(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // The offset at the guessed instant, checked again at the result (the clock changes around Ramadan).
  let instant = asUtc - offsetMinutes(asUtc) * 60000;
  instant = asUtc - offsetMinutes(instant) * 60000;
  return new Date(instant).toISOString();
}

/** Whole days left until an instant, counting a started day (0 when it has passed). */
export function daysUntil(instant: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(instant) - now) / (24 * 60 * 60 * 1000)));
}

/** Items joined the way the language joins them ("a, b et c", "أ، ب و ج"). */
export function formatList(items: string[], locale: 'fr' | 'ar' | 'en'): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
