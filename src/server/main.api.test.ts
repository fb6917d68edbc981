import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real entry point, started as operators start it: one clear line for every start problem.
const started: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'technopark-main-'));
const portDataDir = mkdtempSync(join(tmpdir(), 'technopark-port-'));

function start(env: Record<string, string>, args: string[] = [], script = 'src/server/main.ts') {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => stdout.includes('Technopark is running') && resolve());
    child.on('exit', () => reject(new Error(`exited before ready: ${stderr}`)));
  });
  // Only the runs that are expected to start await this; the others must not leave it unhandled.
  ready.catch(() => {});
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function problemLines(stderr: string) {
  return stderr.split('\n').filter((line) => line.trim() && !line.includes('ExperimentalWarning') && !line.includes('--trace-warnings'));
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(portDataDir, { recursive: true, force: true });
});

/** Every test here starts the real platform once or more (tsx, migrations, the demo network): slower than a request. */
const startsTimeout = 120_000;

describe('starting the platform', { timeout: startsTimeout }, () => {
  it('refuses a DATABASE_URL that is not PostgreSQL with one clear line', async () => {
    const run = start({ DATABASE_URL: 'mysql://root@localhost/x' });
    expect(await run.exited).toBe(1);
    expect(problemLines(run.output().stderr)).toEqual([
      'Technopark cannot start: configuration: DATABASE_URL must start with postgres:// or postgresql://',
    ]);
  });

  it('says so in one line when the database cannot be reached', async () => {
    const run = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(await run.exited).toBe(1);
    const lines = problemLines(run.output().stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Technopark cannot start: database: cannot connect to DATABASE_URL/);
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const run = start({ DATA_DIR: portDataDir, PORT: String(port) });
    expect(await run.exited).toBe(1);
    blocker.close();
    expect(problemLines(run.output().stderr)).toEqual([
      `Technopark cannot start: port ${port} is already in use: stop the other program or set PORT`,
    ]);
  });

  it('loads the demo once, refuses a second process on the same data, stops cleanly and reuses the data', async () => {
    const port = await freePort();
    const first = start({ DATA_DIR: dataDir, PORT: String(port) }, ['--demo']);
    await first.ready;
    expect(first.output().stdout).toContain('admin@technopark.demo');
    const parks = await (await fetch(`http://127.0.0.1:${port}/api/v1/parks?pageSize=100`)).json();
    expect(parks.total).toBeGreaterThanOrEqual(8);
    const calls = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/calls?pageSize=100`)).json();
    expect(calls.total).toBeGreaterThanOrEqual(1);

    const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(problemLines(second.output().stderr)[0]).toMatch(/data directory .* is in use by another Technopark process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'technopark.lock'))).toBe(false);

    const again = start({ DATA_DIR: dataDir, PORT: String(port) }, ['--demo']);
    await again.ready;
    const reopened = await (await fetch(`http://127.0.0.1:${port}/api/v1/parks?pageSize=100`)).json();
    expect(reopened.total).toBe(parks.total);
    // Nothing loaded twice, and the accounts of the first load are printed again.
    expect(again.output().stdout).toContain('applicant          applicant@technopark.demo');
    const callsAgain = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/calls?pageSize=100`)).json();
    expect(callsAgain.total).toBe(calls.total);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health.database.kind).toBe('pglite');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('starts in production with no demo data, and create-admin makes the first network administrator', async () => {
    const productionDir = mkdtempSync(join(tmpdir(), 'technopark-production-'));
    try {
      // No terminal and no ADMIN_PASSWORD: a clear refusal, not a silent success.
      const unattended = start(
        { DATA_DIR: productionDir },
        ['--email', 'direction@example.ma', '--name', 'Admin'],
        'src/server/scripts/create-admin.ts',
      );
      expect(await unattended.exited).toBe(1);
      expect(unattended.output().stderr).toContain('create-admin: no terminal to ask the password on: set ADMIN_PASSWORD');

      const created = start(
        { DATA_DIR: productionDir, ADMIN_PASSWORD: 'first-admin-password' },
        ['--email', 'Direction@Example.ma', '--name', 'Première Admin'],
        'src/server/scripts/create-admin.ts',
      );
      expect(await created.exited).toBe(0);
      expect(created.output().stdout).toContain('Network administrator direction@example.ma created.');

      const port = await freePort();
      const server = start({
        DATA_DIR: productionDir,
        PORT: String(port),
        NODE_ENV: 'production',
        AUTH_SECRET: 'x'.repeat(40),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      });
      await server.ready;
      expect(server.output().stdout).not.toContain('Demo accounts');
      const parks = await (await fetch(`http://127.0.0.1:${port}/api/v1/parks`)).json();
      expect(parks.total).toBe(0);
      const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        body: JSON.stringify({ email: 'direction@example.ma', password: 'first-admin-password' }),
      });
      expect(signIn.status).toBe(200);
      expect((await signIn.json()).grants[0].role).toBe('network_admin');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const twice = start(
        { DATA_DIR: productionDir, ADMIN_PASSWORD: 'first-admin-password' },
        ['--email', 'direction@example.ma', '--name', 'Again'],
        'src/server/scripts/create-admin.ts',
      );
      expect(await twice.exited).toBe(1);
      expect(problemLines(twice.output().stderr)[0]).toMatch(/^create-admin: an account already exists for direction@example.ma/);
    } finally {
      rmSync(productionDir, { recursive: true, force: true });
    }
  });
});
