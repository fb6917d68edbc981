import type { Locale } from '../../shared/locales.js';
import type { Database } from '../db/database.js';
import type { Actor } from './access.js';

/** What every service function receives: the database, who acts, and in which language they read. */
export type ServiceContext = { db: Database; actor: Actor; locale: Locale };
