import os from 'node:os';
import type { BenchSection } from './section.js';

export type Machine = { cpu: string; cores: number; ramGb: number; node: string; postgres: string; pglite: string };

export function machineOf(postgres: string, pglite: string): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    pglite,
  };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** `bench/RESULTS.md`: the machine, the date, each section's rows beside their goals, and how to run it again. */
export function resultsMarkdown(input: {
  machine: Machine;
  date: Date;
  seconds: number;
  sections: BenchSection[];
  generation: string[];
}): string {
  const { machine, sections } = input;
  const rows = sections.flatMap((section) => section.rows);
  const passed = rows.filter((row) => row.pass).length;
  const lines = [
    '# Bench results (issue 9)',
    '',
    `Run on ${input.date.toISOString().replace('T', ' ').slice(0, 16)} UTC in ${Math.round(input.seconds / 60)} min: **${passed} of ${rows.length} goals met**. Ratios decide pass or fail, not absolute times (the machine is shared and noisy).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM; Node ${machine.node}; PostgreSQL ${machine.postgres}; PGlite ${machine.pglite}.`,
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', '| measurement | value | goal | pass |', '|---|---|---|---|');
    for (const row of section.rows)
      lines.push(`| ${cell(row.measurement)} | ${cell(row.value)} | ${cell(row.goal)} | ${row.pass ? 'yes' : '**no**'} |`);
    if (section.notes?.length) lines.push('', ...section.notes.map((note) => `- ${note}`));
    lines.push('');
  }
  lines.push(
    '## Data',
    '',
    ...input.generation.map((line) => `- ${line}`),
    '',
    '## Reproduce',
    '',
    '```sh',
    '# every section, both engines (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;',
    '# it creates the databases bench_large and bench_10x; PGlite networks go to .tmp/bench/):',
    'npm run bench',
    '# one engine, or the server scenarios only:',
    'npm run bench -- --engines pglite',
    'npm run bench -- --only server',
    '# a network on its own (sizes demo, smoke, large, 10x; deterministic for a seed):',
    'npx tsx bench/generate.ts --size large --database postgres://postgres@127.0.0.1:5432/bench_mine',
    'npx tsx bench/generate.ts --size 10x --data-dir .tmp/bench/mine',
    '```',
    '',
  );
  return lines.join('\n');
}
