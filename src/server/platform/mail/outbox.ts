import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { MailDeliveryState, OutboundEmail, outboxQuerySchema } from '../../../contracts/audit.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../context.js';
import { likePattern } from '../database-errors.js';
import { AppError, notFound } from '../errors.js';
import { type Column, labelOr } from '../export.js';
import { defineList, selectSource } from '../lists.js';
import { translate } from '../messages.js';
import { outboundEmails } from './schema.js';

type OutboxQuery = z.infer<typeof outboxQuerySchema>;
type OutboundEmailRow = typeof outboundEmails.$inferSelect;

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

/** A message as admins see it: a body carrying a sign-in link is never shown, whatever its status. */
function toOutboundEmail(row: OutboundEmailRow): OutboundEmail {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    text: row.containsSecret ? null : row.text,
    locale: row.locale,
    kind: row.kind,
    containsSecret: row.containsSecret,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The e-mails of the platform, newest first; reading them is audited (addresses are personal data). */
export const outboxList = defineList({
  name: 'outbox',
  personalData: { entityType: 'outbound_email' },
  source: (ctx, query: OutboxQuery) => {
    const direction = query.order === 'asc' ? asc : desc;
    const column = { createdAt: outboundEmails.createdAt, toAddress: outboundEmails.toAddress }[query.sort];
    return selectSource(ctx.db, () => ctx.db.select().from(outboundEmails).where(outboxFilters(query)).$dynamic(), [
      direction(column),
      direction(outboundEmails.id),
    ]);
  },
  present: (_ctx, rows): OutboundEmail[] => rows.map(toOutboundEmail),
  columns: ({ locale }): Column<OutboundEmail>[] => [
    { header: 'export.email.createdAt', kind: 'instant', value: (email) => email.createdAt },
    { header: 'export.email.to', value: (email) => email.toAddress },
    { header: 'export.email.subject', value: (email) => email.subject },
    // Each module words the e-mails it sends (`mail.kind.<kind>`); an unknown kind stays its code.
    { header: 'export.email.kind', value: (email) => labelOr(locale, `mail.kind.${email.kind}`, email.kind) },
    { header: 'export.email.locale', value: (email) => labelOr(locale, `language.${email.locale}`, email.locale) },
    { header: 'export.email.status', value: (email) => translate(locale, `outbox.${email.status}`) },
    { header: 'export.email.attempts', kind: 'integer', value: (email) => email.attempts },
    { header: 'export.email.sentAt', kind: 'instant', value: (email) => email.sentAt },
    { header: 'export.email.error', value: (email) => email.error },
  ],
});

/** Whether mail leaves the platform, and what waits or failed (the outbox page's banner). */
export async function mailDeliveryState(ctx: ServiceContext, smtpConfigured: boolean): Promise<MailDeliveryState> {
  const rows = await ctx.db
    .select({ status: outboundEmails.status, count: count() })
    .from(outboundEmails)
    .where(inArray(outboundEmails.status, ['queued', 'sending', 'failed']))
    .groupBy(outboundEmails.status);
  const of = (status: string) => rows.find((row) => row.status === status)?.count ?? 0;
  return { smtpConfigured, waiting: of('queued') + of('sending'), failed: of('failed') };
}

/**
 * Sends a failed or waiting message again now, with a fresh series of attempts. A sent message is not sent twice
 * from here (a sign-in link is erased once sent: the invitation or the reset is asked again instead).
 */
export async function resendEmail(ctx: ServiceContext, id: string): Promise<OutboundEmail> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(outboundEmails).where(eq(outboundEmails.id, id)).for('update');
    if (!before) throw notFound();
    if (before.status === 'sent' || before.status === 'sending') throw new AppError('already_sent');
    const [after] = await tx
      .update(outboundEmails)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), claimedUntil: null })
      .where(eq(outboundEmails.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'email.resend',
      entityType: 'outbound_email',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, error: before.error },
      after: { status: after.status },
    });
    return toOutboundEmail(after);
  });
}
