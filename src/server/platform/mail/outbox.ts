import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { OutboundEmail, outboxQuerySchema } from '../../../contracts/audit.js';
import { likePattern } from '../database-errors.js';
import { type Column, labelOr } from '../export.js';
import { defineList, selectSource } from '../lists.js';
import { translate } from '../messages.js';
import { outboundEmails } from './schema.js';

type OutboxQuery = z.infer<typeof outboxQuerySchema>;

function outboxFilters(query: OutboxQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(outboundEmails.status, query.status));
  if (query.kind) conditions.push(eq(outboundEmails.kind, query.kind));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(outboundEmails.toAddress, pattern), ilike(outboundEmails.subject, pattern)) as SQL);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** The e-mails of the platform, newest first; the export leaves the bodies out (they may carry sign-in links). */
export const outboxList = defineList({
  name: 'outbox',
  source: (ctx, query: OutboxQuery) => {
    const direction = query.order === 'asc' ? asc : desc;
    const column = { createdAt: outboundEmails.createdAt, toAddress: outboundEmails.toAddress }[query.sort];
    return selectSource(ctx.db, () => ctx.db.select().from(outboundEmails).where(outboxFilters(query)).$dynamic(), [
      direction(column),
      direction(outboundEmails.id),
    ]);
  },
  present: (_ctx, rows): OutboundEmail[] =>
    rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null })),
  columns: ({ locale }): Column<OutboundEmail>[] => [
    { header: 'export.email.createdAt', kind: 'instant', value: (email) => email.createdAt },
    { header: 'export.email.to', value: (email) => email.toAddress },
    { header: 'export.email.subject', value: (email) => email.subject },
    // Each module words the e-mails it sends (`mail.kind.<kind>`); an unknown kind stays its code.
    { header: 'export.email.kind', value: (email) => labelOr(locale, `mail.kind.${email.kind}`, email.kind) },
    { header: 'export.email.locale', value: (email) => labelOr(locale, `language.${email.locale}`, email.locale) },
    { header: 'export.email.status', value: (email) => translate(locale, `outbox.${email.status}`) },
    { header: 'export.email.sentAt', kind: 'instant', value: (email) => email.sentAt },
    { header: 'export.email.error', value: (email) => email.error },
  ],
});
