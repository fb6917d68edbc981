import { moroccoInitialOffset, moroccoOffsetChanges } from './morocco-offsets.js';

/**
 * The park's clock (Africa/Casablanca: UTC+1, UTC+0 during Ramadan) read from the table the app ships, never from the
 * time-zone database of the browser or the server: browsers disagree (Debian's Chromium 156 puts Casablanca at UTC+0
 * from 2026-09-20), and the page, the export and the e-mail must say the same time for the same instant.
 *
 * The table covers 2000 to 2087 (as far as the tz database computes Morocco's Ramadan changes); before it the clock
 * reads UTC+0, after it UTC+1, as the tz database says.
 */

const minute = 60_000;
const changeInstants = moroccoOffsetChanges.map(([at]) => Date.parse(at));
const changeOffsets = moroccoOffsetChanges.map(([, offset]) => offset);

export type InstantInput = string | number | Date;

function millis(instant: InstantInput): number {
  return instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
}

/** Minutes the clock of Casablanca is ahead of UTC at an instant (60, or 0 during Ramadan). */
export function offsetAt(instant: InstantInput): number {
  const at = millis(instant);
  // The last change at or before the instant (binary search over ~180 changes).
  let low = 0;
  let high = changeInstants.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (changeInstants[middle] <= at) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? moroccoInitialOffset : changeOffsets[found];
}

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes ahead of UTC. */
  offset: number;
};

/**
 * The wall clock of Casablanca as a Date whose UTC fields are the local ones: format it with Intl in time zone
 * 'UTC', which every browser gets right.
 */
export function toWallClock(instant: InstantInput): Date {
  const at = millis(instant);
  return new Date(at + offsetAt(at) * minute);
}

/** The date and time on the park's clock at an instant. */
export function toLocalParts(instant: InstantInput): LocalParts {
  const at = millis(instant);
  const offset = offsetAt(at);
  const wall = new Date(at + offset * minute);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offset,
  };
}

const two = (value: number) => String(value).padStart(2, '0');
const dateText = (parts: LocalParts) => `${String(parts.year).padStart(4, '0')}-${two(parts.month)}-${two(parts.day)}`;

/** The local date (yyyy-mm-dd) on the park's clock at an instant. */
export function toLocalDate(instant: InstantInput): string {
  return dateText(toLocalParts(instant));
}

/** The local date and time (yyyy-mm-ddThh:mm, as a datetime-local input holds it) on the park's clock. */
export function toLocalDateTime(instant: InstantInput): string {
  const parts = toLocalParts(instant);
  return `${dateText(parts)}T${two(parts.hour)}:${two(parts.minute)}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A local date and time read as if it were UTC (ms), or null when it is no date and time. */
function wallMillis(local: string): number | null {
  const match = localPattern.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minutes, seconds] = match.slice(1).map((value) => Number(value ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minutes > 59 || seconds > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minutes, seconds);
  // 31 April and the like roll over into the next month: refused.
  return new Date(wall).getUTCDate() === day ? wall : null;
}

/**
 * The instant (ISO, UTC) of a local date and time on the park's clock (yyyy-mm-ddThh:mm[:ss]): what an officer
 * means by "closes on 31 March at 23:59" in Casablanca, whatever the time zone of their browser. Null when the text
 * is no date and time.
 *
 * Around a change of the clock the answer is fixed (as Temporal's "compatible"): a time that happens twice (the hour
 * repeated when the clock goes back for Ramadan) is its first occurrence; a time that never happens (the hour
 * skipped when it goes forward again) is read with the offset before the change, so 02:30 becomes 03:30.
 */
export function fromLocal(local: string): string | null {
  const wall = wallMillis(local);
  if (wall === null) return null;
  // Changes are weeks apart: the offsets a day before and a day after are the only candidates.
  const before = offsetAt(wall - 24 * 60 * minute);
  const after = offsetAt(wall + 24 * 60 * minute);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * minute)
    .filter((instant) => instant + offsetAt(instant) * minute === wall);
  const instant = candidates.length ? Math.min(...candidates) : wall - before * minute;
  return new Date(instant).toISOString();
}

/** The first instant of a local day on the park's clock (its midnight), for filters "from this day". */
export function startOfLocalDay(isoDate: string): string | null {
  return fromLocal(`${isoDate}T00:00`);
}
