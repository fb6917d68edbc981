// Morocco's UTC offset as Node's own time-zone database (ICU) gives it: the reference the shipped table is built
// from (build-morocco-offsets.ts) and checked against (src/shared/morocco-offsets.test.ts).
const minute = 60_000;

const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Africa/Casablanca',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** Minutes the clock of Casablanca is ahead of UTC at an instant (ms), as Node's ICU says. */
export function icuOffset(at: number): number {
  const parts = Object.fromEntries(clock.formatToParts(at).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return (wall - Math.floor(at / minute) * minute) / minute;
}
