import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;

/**
 * The outbox: every message the platform sends is written here in the transaction that causes it, then a
 * delivery worker sends it after commit, with retries. `queued` waits for its next attempt, `sending` is taken
 * by a worker until `claimed_until` (a worker that died leaves it to be taken again), `failed` gave up after
 * the last attempt and waits for an admin's resend. A message carrying a sign-in link keeps its body only until
 * it is sent, and its body is never shown to admins.
 */
export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** The plain-text part; null once a message carrying a sign-in link was sent. */
    text: text('text'),
    /** The HTML part (lang, and dir="rtl" in Arabic); null like the text. */
    html: text('html'),
    locale: text('locale').notNull(),
    kind: text('kind').notNull(),
    containsSecret: boolean('contains_secret').notNull().default(false),
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** The last attempt's error, as the SMTP server or the network gave it. */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    check('outbound_emails_status_check', sql`${table.status} in ('queued', 'sending', 'sent', 'failed')`),
    index('outbound_emails_due_idx').on(table.nextAttemptAt).where(sql`${table.status} in ('queued', 'sending')`),
    index('outbound_emails_created_idx').on(table.createdAt),
  ],
);
