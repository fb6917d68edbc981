import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this bench measures (its `dist/` is what the browser is served). */
export const root = fileURLToPath(new URL('..', import.meta.url));
export const webDir = join(root, 'dist/web');
const serverEntry = join(root, 'dist/server/main.js');

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** `npm run build` when the built app is missing or older than its sources (the build's output goes to stderr). */
export function ensureBuilt() {
  const built = [join(webDir, 'index.html'), serverEntry];
  const sources = ['src', 'vite.config.ts', 'package.json'].map((path) => join(root, path));
  const stale =
    !built.every((path) => existsSync(path)) ||
    Math.max(...sources.map(newestChange)) > Math.min(...built.map((path) => statSync(path).mtimeMs));
  if (stale) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
}

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; bytes: number };

/** A GET as a plain HTTP client sends it (no decoding): what the server answers, and the size of the body as sent. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo server stopped (exit ${child.exitCode}) before answering ${url}`);
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the demo server did not answer ${url} within ${timeoutMs / 1000} s`);
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/** The built platform with the demo network on a fresh embedded database, as the journeys start it (playwright.config.ts). */
export async function startDemoServer(port: number): Promise<RunningServer> {
  const dataDir = join(root, '.tmp/bench-web-data');
  rmSync(dataDir, { recursive: true, force: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [serverEntry, '--demo'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
