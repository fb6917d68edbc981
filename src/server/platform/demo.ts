import type { ServiceContext } from './context.js';

/** The password every demo account shares (README). */
export const demoPassword = 'demo-password-2026';

/** An account the demo made, printed at start so that people can sign in. */
export type DemoAccount = { email: string; role: string };

/**
 * What a module's part of the demo seed receives: a context whose `db` is the seed's one transaction,
 * the day the demo is built on, and the password every demo account shares (hashed once).
 */
export type DemoContext = { ctx: ServiceContext; today: string; passwordHash: string };

/** A small deterministic generator so that every demo database is the same. */
export function randomSequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
