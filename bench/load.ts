import http from 'node:http';

/** One answered request: its status, how long it took, and its body's size. */
export type Answer = { status: number; ms: number; bytes: number };

export type Request = { url: string; headers?: Record<string, string> };

/**
 * One GET, its body read to the end (or given to `onData`). Past `stopAfterMs` the request is cut and answers
 * status -1 with the bytes received so far; past two minutes without one it fails.
 */
export function get(agent: http.Agent, request: Request, onData?: (chunk: Buffer) => void, stopAfterMs?: number): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const timer = stopAfterMs
      ? setTimeout(() => {
          req.destroy();
          resolve({ status: -1, ms: performance.now() - started, bytes });
        }, stopAfterMs)
      : undefined;
    const req = http.get(request.url, { agent, headers: request.headers }, (response) => {
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        onData?.(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes });
      });
      response.on('error', (error) => (timer ? undefined : reject(error)));
    });
    req.on('error', (error) => (timer ? undefined : reject(error)));
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${request.url}`)));
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export type Load = { requests: number; perSecond: number; p50: number; p99: number; failures: number };

/**
 * Requests per second under `connections` keep-alive connections for `durationMs` (after a short warm-up),
 * each connection sending its next request when the last one is answered. Non-2xx answers count as failures.
 */
export async function measureLoad(request: Request, options: { connections: number; durationMs: number; warmupMs: number }): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    const run = async (durationMs: number) => {
      const latencies: number[] = [];
      let failures = 0;
      const until = performance.now() + durationMs;
      const started = performance.now();
      const worker = async () => {
        while (performance.now() < until) {
          const answer = await get(agent, request);
          latencies.push(answer.ms);
          if (answer.status < 200 || answer.status >= 300) failures += 1;
        }
      };
      await Promise.all(Array.from({ length: options.connections }, worker));
      const seconds = (performance.now() - started) / 1000;
      return {
        requests: latencies.length,
        perSecond: latencies.length / seconds,
        p50: median(latencies),
        p99: percentile(latencies, 99),
        failures,
      };
    };
    if (options.warmupMs > 0) await run(options.warmupMs);
    return await run(options.durationMs);
  } finally {
    agent.destroy();
  }
}

/** One request after another, `count` of them or as many as fit in `budgetMs` (at least `minimum`): their times. */
export async function timeRequests(
  request: Request,
  options: { count: number; budgetMs: number; minimum: number },
): Promise<{ ms: number[]; failures: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms: number[] = [];
  let failures = 0;
  const started = performance.now();
  try {
    await get(agent, request);
    while (ms.length < options.count && (ms.length < options.minimum || performance.now() - started < options.budgetMs)) {
      const answer = await get(agent, request);
      ms.push(answer.ms);
      if (answer.status !== 200) failures += 1;
    }
  } finally {
    agent.destroy();
  }
  return { ms, failures };
}
