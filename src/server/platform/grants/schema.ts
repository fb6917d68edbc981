import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles, scopeTypes } from '../../../contracts/roles.js';
import { users } from '../auth/schema.js';

/** A role held by a person on a scope (a park, a company, a partner…); network roles have no scope id. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    scopeType: text('scope_type', { enum: scopeTypes }).notNull(),
    scopeId: uuid('scope_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (table) => [
    uniqueIndex('role_assignments_unique').on(
      table.userId,
      table.role,
      sql`coalesce(${table.scopeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('role_assignments_user_idx').on(table.userId),
    // Who holds a role on a company or a park (the admins a reminder reaches, a park's staff).
    index('role_assignments_scope_idx').on(table.scopeId, table.role),
  ],
);
