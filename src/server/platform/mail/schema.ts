import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every message the platform sends; with no SMTP configured this is the outbox shown to admins. */
export const outboundEmails = pgTable('outbound_emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  locale: text('locale').notNull(),
  kind: text('kind').notNull(),
  status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
