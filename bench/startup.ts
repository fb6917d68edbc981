/**
 * Start-up of the demo on PGlite (issue 9): the built platform (`node dist/server/main.js --demo`, as `npm run demo`
 * starts it) on a new data directory, then again on the same one. Time from spawn to the start banner (the server
 * listens, the demo is loaded) and the process's peak resident memory (VmHWM from /proc) at that moment.
 *
 * Alone: `npx tsx bench/startup.ts [--smoke]` prints the section as Markdown.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchOptions, BenchRow, BenchSection } from './section.js';
import { ensureBuilt, root } from './web-server.js';

const goals = { firstSeconds: 8, secondSeconds: 2, peakMb: 500 };
const serverEntry = join(root, 'dist/server/main.js');
const port = Number(process.env.BENCH_STARTUP_PORT ?? 4511);

type Start = { seconds: number; peakMb: number };

function peakResidentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** One start of the demo on `dataDir`, stopped once its banner is printed. */
function startOnce(dataDir: string): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--enable-source-maps', serverEntry, '--demo'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'warn' },
    });
    let output = '';
    let measured: Start | null = null;
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (measured || !output.includes('Technopark is running')) return;
      measured = { seconds: (performance.now() - started) / 1000, peakMb: peakResidentMb(child.pid as number) };
      child.kill('SIGTERM');
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('exit', (code) =>
      measured ? resolve(measured) : reject(new Error(`the demo stopped (exit ${code}) before starting:\n${output}`)),
    );
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function run(options: BenchOptions): Promise<BenchSection> {
  ensureBuilt();
  const rounds = options.smoke ? 1 : 3;
  const firsts: Start[] = [];
  const seconds: Start[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const dataDir = join(root, `.tmp/bench-startup-${round}`);
    rmSync(dataDir, { recursive: true, force: true });
    firsts.push(await startOnce(dataDir));
    seconds.push(await startOnce(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const row = (label: string, starts: Start[], goalSeconds: number): BenchRow[] => {
    const time = median(starts.map((start) => start.seconds));
    const peak = Math.max(...starts.map((start) => start.peakMb));
    return [
      {
        measurement: `${label}: time to the start banner`,
        value: `${time.toFixed(1)} s`,
        goal: `< ${goalSeconds} s`,
        pass: time < goalSeconds,
      },
      { measurement: `${label}: peak RSS`, value: `${Math.round(peak)} MB`, goal: `< ${goals.peakMb} MB`, pass: peak < goals.peakMb },
    ];
  };
  return {
    title: 'Start-up of the demo on PGlite',
    rows: [
      ...row('first start (new data directory)', firsts, goals.firstSeconds),
      ...row('second start (same directory)', seconds, goals.secondSeconds),
    ],
    notes: [
      `\`node dist/server/main.js --demo\` as \`npm run demo\` runs it after its build; median time of ${rounds} round${rounds > 1 ? 's' : ''} (each a first start on a new directory, then a second one on it), the highest peak RSS (VmHWM). The load average was ${(await import('node:os')).loadavg()[0].toFixed(1)} at the end.`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await run({ smoke: process.argv.includes('--smoke') });
  for (const row of section.rows) console.log(`| ${row.measurement} | ${row.value} | ${row.goal} | ${row.pass ? 'yes' : '**no**'} |`);
  for (const note of section.notes ?? []) console.log(`- ${note}`);
}
