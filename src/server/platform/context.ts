import type { Locale } from '../../shared/locales.js';
import type { Executor } from '../db/database.js';
import type { Actor } from './access.js';
import type { Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail/service.js';

/**
 * What every service function receives first (`(ctx, input)`): the database (or the transaction a caller
 * runs it in), who acts, the language they read, and the platform's services a rule may need.
 */
export type ServiceContext = {
  db: Executor;
  actor: Actor;
  locale: Locale;
  mailer: Mailer;
  /** The address people use, for links in e-mails. */
  publicUrl: string;
  jobs: Jobs;
};

/** The part of the context a read needs: a function that only reads may ask for this much. */
export type ReadContext = Pick<ServiceContext, 'db' | 'locale'>;
/** The database (or the caller's transaction) alone, for functions that need nothing else. */
export type DbContext = Pick<ServiceContext, 'db'>;
/** The database and who acts, for writes that record their author (audit). */
export type WriteContext = Pick<ServiceContext, 'db' | 'actor'>;

/** The same context inside a transaction: services called with it write in that transaction. */
export function inTransaction(ctx: ServiceContext, tx: Executor): ServiceContext {
  return { ...ctx, db: tx };
}
