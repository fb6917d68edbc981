/**
 * The networks the generator draws. `large` is the network the platform is meant to run (14 parks, 10,000
 * companies, 20 years of history); `10x` has ten times its companies, spaces, calls and everything that follows
 * from them, in the same 14 parks; `smoke` is the tiny one the test suite runs; `demo` is the demo network itself.
 */
export type SizeName = 'demo' | 'smoke' | 'large' | '10x';
export const sizeNames: readonly SizeName[] = ['demo', 'smoke', 'large', '10x'];

export type GeneratedSize = {
  parks: number;
  companies: number;
  /** Years of lifecycle history back from the anchor date. */
  years: number;
  /** Buildings per park, floors per building, spaces per floor. */
  buildings: number;
  floors: number;
  spacesPerFloor: number;
  /** Calls per park and year. */
  callsPerParkYear: number;
  committeeMembers: number;
};

export const generatedSizes: Record<Exclude<SizeName, 'demo'>, GeneratedSize> = {
  smoke: { parks: 2, companies: 50, years: 6, buildings: 1, floors: 2, spacesPerFloor: 3, callsPerParkYear: 1, committeeMembers: 4 },
  large: { parks: 14, companies: 10_000, years: 20, buildings: 3, floors: 4, spacesPerFloor: 8, callsPerParkYear: 1, committeeMembers: 24 },
  '10x': {
    parks: 14,
    companies: 100_000,
    years: 20,
    buildings: 6,
    floors: 5,
    spacesPerFloor: 27,
    callsPerParkYear: 10,
    committeeMembers: 60,
  },
};

/**
 * The day the generated history ends (no event after it): fixed, so that a seed gives the same network whatever
 * the day it runs. Every date stays in the past, as the lifecycle rules want.
 */
export const anchorDate = '2026-11-30';

/** The year whose reporting the bench reads: the last full year before the anchor. */
export const reportingYear = 2025;

export function isSizeName(value: string): value is SizeName {
  return (sizeNames as readonly string[]).includes(value);
}
