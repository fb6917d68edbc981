import { fromLocal } from '../../../../shared/morocco-time.js';

const day = 86_400_000;

/** A local date some days after (or before) another. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * day).toISOString().slice(0, 10);
}

/** Casablanca office hours: a local date at 10:00 on the park's clock (UTC+1, UTC+0 during Ramadan). */
export function instant(date: string, hour = 10): Date {
  return new Date(fromLocal(`${date}T${String(hour).padStart(2, '0')}:00`) ?? `${date}T${String(hour).padStart(2, '0')}:00:00Z`);
}
