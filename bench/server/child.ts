import { readFileSync } from 'node:fs';
import type { Target } from '../generate.js';
import { type RunningServer, type Statement, startAppServer, startBareServer } from './servers.js';

/**
 * One server in its own process, so that its memory is its own and a PGlite data directory has one holder:
 * `node --import tsx bench/server/child.ts <config.json>`; it tells its parent its address over IPC, stops on SIGTERM.
 */
type ChildConfig = { kind: 'app' | 'bare'; target: Target; scenarios?: Record<string, Statement[]> };

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ChildConfig;
  const server: RunningServer =
    config.kind === 'app' ? await startAppServer(config.target, true) : await startBareServer(config.target, config.scenarios ?? {});
  process.on('SIGTERM', () => {
    void server.stop().then(() => process.exit(0));
  });
  process.send?.({ url: server.url });
}

main().catch((error) => {
  console.error(`bench server: ${(error as Error).stack}`);
  process.exit(1);
});
