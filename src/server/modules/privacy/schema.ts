import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { erasureRequestStatuses } from '../../../contracts/privacy.js';
import { users } from '../../platform/auth/schema.js';

/** A person's request to erase their data; staff process it, and the answer says what the law makes us keep. */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The name and e-mail when asked: the account itself is anonymised when the request is carried out. */
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: erasureRequestStatuses }).notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    processedBy: text('processed_by').references(() => users.id),
    /** The staff's answer to the person. */
    response: text('response').notNull().default(''),
    /** What each module kept and why (message keys with counts), e.g. decisions on applications. */
    kept: jsonb('kept').$type<{ key: string; count: number }[]>().notNull().default([]),
  },
  (table) => [
    // One open request per person: asking twice is answered with the request already open.
    uniqueIndex('erasure_requests_one_pending').on(table.userId).where(sql`${table.status} = 'pending'`),
  ],
);
