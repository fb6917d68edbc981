import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who read a person's data (Law 09-08), one row per person read: a page of a list of people, an export, a
 * file opened. The person sees these rows on their account page; their own reads are not written.
 */
export const personalDataReads = pgTable(
  'personal_data_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    subjectUserId: text('subject_user_id').notNull(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    /** What was read, as the audit log names it (`people.read`, `application.view`…). */
    action: text('action').notNull(),
  },
  (table) => [index('personal_data_reads_subject_idx').on(table.subjectUserId, table.at)],
);
