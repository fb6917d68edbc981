const day = 86_400_000;

/** A local date some days after (or before) another. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * day).toISOString().slice(0, 10);
}

/** Casablanca office hours: a local date at 10:00 (UTC+1, close enough for demo instants). */
export function instant(date: string, hour = 10): Date {
  return new Date(`${date}T${String(hour - 1).padStart(2, '0')}:00:00Z`);
}
