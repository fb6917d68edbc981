import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles, scopeTypes } from '../../../contracts/roles.js';

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    scopeType: text('scope_type', { enum: scopeTypes }).notNull(),
    scopeId: uuid('scope_id'),
    locale: text('locale').notNull().default('fr'),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    invitedBy: text('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('invitations_email_idx').on(table.email),
    // One open invitation per address and scope (a company, a park, the network), whoever sends it and however
    // many at once; an expired one is closed when a new one is sent.
    uniqueIndex('invitations_open_per_scope_idx')
      .on(sql`lower(${table.email})`, table.scopeType, sql`coalesce(${table.scopeId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
  ],
);
