import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { createJobs, type Jobs } from './jobs.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function stateOf(id: string): Promise<string> {
  const result = await t.database.db.execute<{ state: string }>(sql`select state from pgboss.job where id = ${id}`);
  return result.rows[0].state;
}

/** A second Jobs on the test database, as another start of the server would make; stopped after the test. */
async function anotherJobs(use: (jobs: Jobs) => Promise<void>) {
  const jobs = await createJobs(t.database);
  try {
    await use(jobs);
  } finally {
    await jobs.stop();
  }
}

describe('background jobs', () => {
  it('runs a queued job once with its data, then has nothing left to run', async () => {
    const seen: { data: { parkId: string }; id: string }[] = [];
    t.deps.jobs.register<{ parkId: string }>('test-once', async (data, job) => {
      seen.push({ data, id: job.id });
    });
    const id = await t.deps.jobs.enqueue('test-once', { parkId: 'casa' });

    expect(await t.deps.jobs.runQueued('test-once')).toBe(1);
    expect(seen).toEqual([{ data: { parkId: 'casa' }, id }]);
    expect(await stateOf(id)).toBe('completed');

    expect(await t.deps.jobs.runQueued('test-once')).toBe(0);
    expect(await t.deps.jobs.runQueued()).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('marks a failing job failed, rethrows its error and never runs it again', async () => {
    let runs = 0;
    t.deps.jobs.register('test-failing', async () => {
      runs++;
      throw new Error('the import file is unreadable');
    });
    const id = await t.deps.jobs.enqueue('test-failing', { fileId: 'f1' });

    await expect(t.deps.jobs.runQueued('test-failing')).rejects.toThrow('the import file is unreadable');
    expect(await stateOf(id)).toBe('failed');
    expect(await t.deps.jobs.runQueued('test-failing')).toBe(0);
    expect(runs).toBe(1);
  });

  it('runs jobs queued by other jobs, and only the queues asked for', async () => {
    const order: string[] = [];
    t.deps.jobs.register<{ step: number }>('test-chain-first', async (data) => {
      order.push(`first ${data.step}`);
      await t.deps.jobs.enqueue('test-chain-second', { step: data.step + 1 });
    });
    t.deps.jobs.register<{ step: number }>('test-chain-second', async (data) => {
      order.push(`second ${data.step}`);
    });
    await t.deps.jobs.enqueue('test-chain-first', { step: 1 });

    expect(await t.deps.jobs.runQueued('test-chain-first')).toBe(1);
    expect(order).toEqual(['first 1']);
    expect(await t.deps.jobs.runQueued()).toBe(1);
    expect(order).toEqual(['first 1', 'second 2']);
    await expect(t.deps.jobs.runQueued('test-no-handler')).rejects.toThrow('no handler registered for queue "test-no-handler"');
  });

  it('keeps queued jobs when the process stops: the next start runs them', async () => {
    let id = '';
    await anotherJobs(async (jobs) => {
      id = await jobs.enqueue('test-survives', { report: 'occupancy' });
    });
    const seen: unknown[] = [];
    await anotherJobs(async (jobs) => {
      jobs.register('test-survives', async (data) => {
        seen.push(data);
      });
      expect(await jobs.runQueued()).toBe(1);
    });
    expect(seen).toEqual([{ report: 'occupancy' }]);
    expect(await stateOf(id)).toBe('completed');
  });

  it('runs jobs in started workers, and stop waits for the running one', async () => {
    let release = () => {};
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const started = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let finished = false;
    await anotherJobs(async (jobs) => {
      jobs.register('test-worker', async () => {
        entered();
        await running;
        finished = true;
      });
      const id = await jobs.enqueue('test-worker', {});
      await jobs.start();
      await started;
      const stopped = jobs.stop().then(() => finished);
      release();
      expect(await stopped).toBe(true);
      expect(await stateOf(id)).toBe('completed');
    });
  });
});
