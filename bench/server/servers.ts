import { PGlite } from '@electric-sql/pglite';
import Fastify, { type FastifyServerOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { readConfig } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import { createAuth } from '../../src/server/platform/auth/auth.js';
import type { App, Deps } from '../../src/server/platform/http.js';
import { createJobs } from '../../src/server/platform/jobs/jobs.js';
import { createMailer } from '../../src/server/platform/mail/service.js';
import { openTarget, type Target } from '../generate.js';

/** A statement as the app ran it: its text and its parameters. */
export type Statement = { text: string; params: unknown[] };

/** A server listening on localhost; `stop` closes it and its database. */
export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

/** The app as `src/server/main.ts` builds it (job workers not started: nothing queues jobs in the bench). */
export async function buildBenchApp(
  database: DatabaseHandle,
  logger: FastifyServerOptions['logger'],
): Promise<{ app: App; close: () => Promise<void> }> {
  const config = readConfig({ LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'info' });
  const mailer = createMailer();
  const jobs = await createJobs(database);
  const deps: Deps = {
    config,
    db: database.db,
    databaseKind: database.kind,
    databaseVersion: database.version,
    auth: createAuth({ db: database.db, secret: config.authSecret, publicUrl: config.publicUrl, production: false, mailer }),
    mailer,
    jobs,
  };
  const app = await buildApp(deps, { logger });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await jobs.stop();
    },
  };
}

/** The app on a database, listening on a free port; `logged` logs requests as the app does in production (info). */
export async function startAppServer(target: Target, logged: boolean): Promise<RunningServer> {
  const database = await openTarget(target);
  const { app, close } = await buildBenchApp(database, logged ? { level: 'info' } : false);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return serverOf(app.server.address(), async () => {
    await close();
    await database.close();
  });
}

function serverOf(address: ReturnType<App['server']['address']>, stop: () => Promise<void>): RunningServer {
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, pid: process.pid, stop };
}

/**
 * The bare side of a pair: Fastify and the driver alone (node-postgres with the app's pool size, or one PGlite),
 * `GET /replay/:scenario` running the statements the app ran for that scenario, one after the other on one
 * connection, and answering their rows as JSON.
 */
export async function startBareServer(target: Target, scenarios: Record<string, Statement[]>): Promise<RunningServer> {
  const run = await bareDriver(target);
  const app = Fastify({ logger: false });
  app.get<{ Params: { scenario: string } }>('/replay/:scenario', async (request, reply) => {
    const statements = scenarios[request.params.scenario];
    if (!statements) return reply.status(404).send({ error: 'no such scenario' });
    return { results: await run.replay(statements) };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return serverOf(app.server.address(), async () => {
    await app.close();
    await run.close();
  });
}

async function bareDriver(target: Target) {
  if (target.engine === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    return {
      replay: async (statements: Statement[]) => {
        const client = await pool.connect();
        try {
          const results = [];
          for (const statement of statements) results.push((await client.query(statement.text, statement.params)).rows);
          return results;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const client = new PGlite({ dataDir: target.dataDir });
  await client.waitReady;
  return {
    replay: async (statements: Statement[]) => {
      const results = [];
      for (const statement of statements) results.push((await client.query(statement.text, statement.params)).rows);
      return results;
    },
    close: () => client.close(),
  };
}
