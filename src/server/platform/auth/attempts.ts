import { AppError } from '../errors.js';

/**
 * Attempts per account (an e-mail, an invitation token) within a minute, beside the per-address limit of the
 * routes: an attacker who changes address at every try still meets this one. Kept in the process (each app
 * process counts its own attempts; the window is short).
 */
export function createAttemptLimiter(options: { max: number; windowMs?: number; now?: () => number }) {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    /** Counts an attempt on the key; refuses it (429) past the limit within the window. */
    attempt(key: string): void {
      const at = now();
      for (const [stale, window] of windows) if (window.endsAt <= at) windows.delete(stale);
      const normalized = key.trim().toLowerCase();
      const window = windows.get(normalized) ?? { count: 0, endsAt: at + windowMs };
      window.count += 1;
      windows.set(normalized, window);
      if (window.count > options.max) throw new AppError('rate_limited');
    },
  };
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;
