/**
 * One part of `bench/RESULTS.md`: each bench script (`bench/*.ts`) measures its scenarios and answers a
 * section; `bench/run.ts` runs them all in one run and writes the file. A row pairs what was measured with
 * its goal; `pass` is decided by ratios (or sizes), never by absolute times on a shared machine.
 */
export type BenchRow = {
  /** What was measured, as a reader of RESULTS.md would say it ("companies list, 10× ÷ 1×, PostgreSQL"). */
  measurement: string;
  /** The measured figure as text, with its unit or "×" ("1.12×", "212 kB", "p99 41 ms"). */
  value: string;
  /** The goal as text ("≤ 1.5×"). */
  goal: string;
  pass: boolean;
};

export type BenchSection = {
  title: string;
  rows: BenchRow[];
  /** How the figures were measured (sizes, repetitions, medians of what), in a few lines of Markdown. */
  notes?: string[];
};

/** Options every bench script takes: `smoke` is the small run inside `npm test` (tiny data, few requests). */
export type BenchOptions = { smoke: boolean };
