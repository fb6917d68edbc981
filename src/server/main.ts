import { buildApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { DatabaseUnavailableError } from './db/database.js';
import { DataDirectoryLockedError } from './db/lock.js';
import { openConfiguredDatabase } from './db/open.js';
import { seedDemoNetwork } from './demo/seed.js';
import { modules } from './modules/index.js';
import { Actor } from './platform/access.js';
import { createAuth } from './platform/auth/auth.js';
import { type App, contextOf } from './platform/http.js';
import { createJobs } from './platform/jobs/jobs.js';
import { createMailDelivery, type MailDelivery } from './platform/mail/delivery.js';
import { createMailer } from './platform/mail/service.js';
import { installModules } from './platform/module.js';

/** Entry: configuration → database → migrations → (demo data) → app → listen → background jobs. */
async function main() {
  const config = readConfig(process.env, process.argv.slice(2));
  installModules(modules);
  const database = await openConfiguredDatabase(config);
  // Job failures go to the app's log (workers start after listen, when the app exists).
  let appLog: App['log'] | undefined;
  const jobs = await createJobs(database, {
    log: (error, message) => (appLog ? appLog.error({ err: error }, message) : console.error(message, error)),
  });

  const mailer = createMailer();
  const auth = createAuth({
    db: database.db,
    secret: config.authSecret,
    publicUrl: config.publicUrl,
    production: config.production,
    mailer,
  });
  const deps = {
    config,
    db: database.db,
    databaseKind: database.kind,
    databaseVersion: database.version,
    auth,
    mailer,
    jobs,
  };

  let demoAccounts: Awaited<ReturnType<typeof seedDemoNetwork>> | null = null;
  if (config.demo) demoAccounts = await seedDemoNetwork(contextOf(deps, Actor.anonymous(), 'fr'), modules);

  const app = await buildApp(deps, {
    logger: {
      level: config.logLevel,
      serializers: {
        // No query strings (they may carry tokens), no headers (cookies), no bodies (personal data).
        req: (request: { method: string; url: string; id: string }) => ({
          method: request.method,
          url: request.url.split('?')[0],
          id: request.id,
        }),
      },
    },
  });

  appLog = app.log;
  // The outbox is sent after commit by this worker; with no SMTP, messages wait in the outbox.
  const delivery: MailDelivery | null = config.smtpUrl
    ? createMailDelivery({
        db: database.db,
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        log: (fields, message) => app.log.warn(fields, message),
      })
    : null;
  if (!delivery && config.production) app.log.warn('no SMTP_URL: e-mail is not delivered; messages wait in the outbox');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await delivery?.stop();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs.stop();
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`port ${config.port} is already in use: stop the other program or set PORT`);
    throw error;
  }
  await jobs.start();
  delivery?.start();

  console.log(await startBanner(config, database, delivery !== null, demoAccounts));
}

/** What the operator reads at start: where the platform runs, whether mail leaves it, the demo accounts. */
async function startBanner(
  config: ReturnType<typeof readConfig>,
  database: { version: () => Promise<string> },
  delivers: boolean,
  demoAccounts: Awaited<ReturnType<typeof seedDemoNetwork>> | null,
): Promise<string> {
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `Technopark is running at ${config.publicUrl} (database: ${where}, ${await database.version()})`,
    `API docs: ${config.publicUrl}/api/docs`,
  ];
  if (!delivers) {
    lines.push(
      '',
      config.production
        ? 'WARNING: no SMTP_URL is set, so no e-mail is delivered (invitations, password resets, decisions): they wait in the outbox until SMTP_URL is set.'
        : 'No SMTP_URL: e-mails are not delivered; they wait in the outbox (/admin/outbox). To read them, run `npm run mail:catch` and start with SMTP_URL=smtp://127.0.0.1:1025.',
    );
  }
  if (demoAccounts) {
    lines.push('', `Demo accounts (password for all: ${demoAccounts.password}):`);
    for (const account of demoAccounts.accounts) lines.push(`  ${account.role.padEnd(18)} ${account.email}`);
  }
  return lines.join('\n');
}

main().catch((error) => {
  // Known start problems are one clear line; anything else keeps its stack for the operator.
  const known = error instanceof ConfigError || error instanceof DataDirectoryLockedError || error instanceof DatabaseUnavailableError;
  console.error(`Technopark cannot start: ${known ? error.message : (error as Error).stack}`);
  process.exit(1);
});
