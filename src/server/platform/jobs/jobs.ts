import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/database.js';

export type JobHandler<Data> = (data: Data, job: { id: string }) => Promise<void>;

export type Jobs = {
  /** Registers the handler of a queue (modules call this when their routes are registered, before start()). */
  register<Data>(queue: string, handler: JobHandler<Data>): void;
  /** Queues a job and returns its id. */
  enqueue<Data extends object>(queue: string, data: Data): Promise<string>;
  /** Starts workers for every registered queue (the server does this after listen; tests never do). */
  start(): Promise<void>;
  /**
   * Runs every queued job of the queue (or of all registered queues) now, one after another, in this process;
   * returns how many ran. For tests and scripts: deterministic, no timers. A handler that throws marks its job
   * failed and the error is rethrown after the job is marked.
   */
  runQueued(queue?: string): Promise<number>;
  /** Stops workers, waiting for running jobs. */
  stop(): Promise<void>;
};

type Log = (error: unknown, message: string) => void;

/** How often an idle worker looks for new jobs. */
const pollingMilliseconds = 2000;

/**
 * Queue settings. No automatic retry: a job such as an import must not run twice; a failed job stays failed
 * for a person to look at. A job still active after the expiry (its process died) is marked failed by the
 * maintenance, so the expiry is generous: a slow job is not failed while it is still running.
 */
const queueOptions = { retryLimit: 0, expireInSeconds: 4 * 60 * 60 };

const defaultLog: Log = (error, message) => console.error(message, error);

/**
 * Background jobs on pg-boss, in the application's own database (PostgreSQL or PGlite through its
 * executeSql). Installs pg-boss's schema when missing; runs nothing until start() (or runQueued()).
 */
export async function createJobs(database: DatabaseHandle, options: { log?: Log } = {}): Promise<Jobs> {
  const log = options.log ?? defaultLog;
  const db = { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) };
  const settings = { db, schedule: false, ...queueOptions };

  // Operations only (install, send, fetch, complete, fail): no timers of its own.
  const boss = new PgBoss({ ...settings, supervise: false });
  boss.on('error', (error) => log(error, 'jobs: queue error'));
  await boss.start();

  const handlers = new Map<string, JobHandler<unknown>>();
  const queues = queueCreation(boss);
  const { runNext, work } = runner(boss, handlers, queues.ensure, log);
  let supervisor: PgBoss | null = null;
  let workers: Promise<void>[] = [];
  let starting: Promise<void> | null = null;
  let stopped = false;
  const stopWorkers = new AbortController();

  return {
    register(queue, handler) {
      if (handlers.has(queue)) throw new Error(`jobs: queue "${queue}" already has a handler`);
      if (starting) throw new Error(`jobs: register queue "${queue}" before start()`);
      handlers.set(queue, handler as JobHandler<unknown>);
      // Created now so that the first enqueue does not wait for it; errors surface on first use.
      queues.ensure(queue).catch(() => {});
    },

    async enqueue(queue, data) {
      await queues.ensure(queue);
      const id = await boss.send(queue, data, { ...queueOptions });
      if (!id) throw new Error(`jobs: queue "${queue}" did not accept the job`);
      return id;
    },

    start() {
      if (stopped) return Promise.resolve();
      starting ??= (async () => {
        for (const queue of handlers.keys()) await queues.ensure(queue);
        // Maintenance (fail expired jobs, archive, delete old ones), shared between processes by pg-boss.
        supervisor = new PgBoss({ ...settings, supervise: true, migrate: false });
        supervisor.on('error', (error) => log(error, 'jobs: maintenance error'));
        await supervisor.start();
        if (stopped) return;
        workers = [...handlers.keys()].map((queue) => work(queue, stopWorkers.signal));
      })();
      return starting;
    },

    async runQueued(queue) {
      const names = queue === undefined ? [...handlers.keys()] : [queue];
      for (const name of names) handlerIn(handlers, name);
      let count = 0;
      // Again until a whole pass finds nothing: a job may queue another.
      for (let ranInPass = -1; ranInPass !== 0; ) {
        ranInPass = 0;
        for (const name of names) while (await runNext(name)) ranInPass++;
        count += ranInPass;
      }
      return count;
    },

    async stop() {
      stopped = true;
      await starting?.catch(() => {});
      stopWorkers.abort();
      await Promise.all(workers);
      await queues.settled();
      await supervisor?.stop({ graceful: false });
      await boss.stop({ graceful: false });
    },
  };
}

/**
 * Queues are created once each, one after another: two creations at once deadlock on PostgreSQL (each adds a
 * partition). `create_queue` does nothing when the queue exists (another process, an earlier start).
 */
function queueCreation(boss: PgBoss) {
  const ready = new Map<string, Promise<void>>();
  let creations: Promise<unknown> = Promise.resolve();
  return {
    ensure(queue: string): Promise<void> {
      let created = ready.get(queue);
      if (!created) {
        // A copy of the options: pg-boss writes into the options it is given.
        created = creations.then(() => boss.createQueue(queue, { name: queue, ...queueOptions }));
        creations = created.catch(() => {});
        created.catch(() => ready.delete(queue));
        ready.set(queue, created);
      }
      return created;
    },
    settled: () => Promise.allSettled(ready.values()),
  };
}

function handlerIn(handlers: Map<string, JobHandler<unknown>>, queue: string): JobHandler<unknown> {
  const handler = handlers.get(queue);
  if (!handler) throw new Error(`jobs: no handler registered for queue "${queue}"`);
  return handler;
}

/**
 * Our own loop rather than pg-boss's work(): stop() then truly waits for the job in hand (pg-boss may hand a
 * fetched job to a worker already told to stop, after the database is closed), and tests' runQueued() takes the
 * same path.
 */
function runner(boss: PgBoss, handlers: Map<string, JobHandler<unknown>>, ensureQueue: (queue: string) => Promise<void>, log: Log) {
  /** Takes the next queued job of the queue and runs it; false when there was none. Rethrows a handler's error once its job is marked failed. */
  async function runNext(queue: string): Promise<boolean> {
    const handler = handlerIn(handlers, queue);
    await ensureQueue(queue);
    const [job] = await boss.fetch<unknown>(queue, { batchSize: 1 });
    if (!job) return false;
    try {
      await handler(job.data, { id: job.id });
    } catch (error) {
      await boss.fail(queue, job.id, error instanceof Error ? error : { message: String(error) });
      throw error;
    }
    await boss.complete(queue, job.id);
    return true;
  }

  async function work(queue: string, signal: AbortSignal) {
    while (!signal.aborted) {
      let ran = false;
      try {
        ran = await runNext(queue);
      } catch (error) {
        log(error, `jobs: a job of queue "${queue}" failed`);
      }
      if (!ran) await sleep(pollingMilliseconds, undefined, { signal }).catch(() => {});
    }
  }
  return { runNext, work };
}
