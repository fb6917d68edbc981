import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../generate.js';
import { type RunningServer, type Statement, startAppServer, startBareServer } from './servers.js';

const childEntry = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Where servers run: each in its own process (the bench), or inside the caller's (the smoke run in `npm test`). */
export type ServerMode = 'process' | 'inline';

export type ServerSpec = { kind: 'app' | 'bare'; target: Target; scenarios?: Record<string, Statement[]> };

export async function startServer(mode: ServerMode, spec: ServerSpec): Promise<RunningServer> {
  if (mode === 'inline') {
    return spec.kind === 'app' ? startAppServer(spec.target, false) : startBareServer(spec.target, spec.scenarios ?? {});
  }
  const file = join(mkdtempSync(join(tmpdir(), 'bench-server-')), 'config.json');
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--import', 'tsx', childEntry, file], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench ${spec.kind} server exited (${code}) before listening`)));
  });
  return { url, pid: child.pid as number, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
