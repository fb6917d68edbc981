import { inArray } from 'drizzle-orm';
import { users } from '../auth/schema.js';
import { outboundEmails } from '../mail/schema.js';
import { translate } from '../messages.js';
import { type AuditNames, uuidIds } from './naming.js';

const codeLabel = (prefix: string) => (value: unknown, locale: Parameters<typeof translate>[0]) =>
  typeof value === 'string' ? translate(locale, `${prefix}.${value}`) : String(value);

/** The records the platform itself audits: accounts (and their roles), the network, e-mails of the outbox. */
export const platformAuditNames: AuditNames = {
  user: {
    names: async (ctx, ids) => {
      const rows = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
      return new Map(rows.map((row) => [row.id, row.name]));
    },
    fields: {
      name: { label: 'audit.field.name' },
      email: { label: 'audit.field.email' },
      phone: { label: 'audit.field.phone' },
      locale: { label: 'audit.field.locale', value: codeLabel('language') },
      role: { label: 'audit.field.role', value: codeLabel('role') },
      scopeType: { label: 'audit.field.scopeType', value: codeLabel('scope') },
      disabledAt: { label: 'audit.field.disabledAt' },
      emailVerified: { label: 'audit.field.email', hidden: true },
      image: { label: 'audit.field.name', hidden: true },
    },
  },
  network: {
    names: async (ctx, ids) => new Map(ids.map((id) => [id, translate(ctx.locale, 'audit.name.network')])),
    fields: {
      modules: { label: 'audit.field.modules', value: (value) => (Array.isArray(value) ? value.join(', ') : String(value)) },
      accounts: { label: 'audit.field.accounts', value: (value) => (Array.isArray(value) ? String(value.length) : String(value)) },
    },
  },
  outbound_email: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: outboundEmails.id, subject: outboundEmails.subject })
        .from(outboundEmails)
        .where(inArray(outboundEmails.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, row.subject]));
    },
  },
};
