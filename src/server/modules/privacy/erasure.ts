import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ErasureRequest, erasureRequestsQuerySchema, ProcessErasureBody } from '../../../contracts/privacy.js';
import { isLocale } from '../../../shared/locales.js';
import { auditLog } from '../../platform/audit/schema.js';
import { recordAudit } from '../../platform/audit/service.js';
import { accounts, sessions, users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Column } from '../../platform/export.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { translate } from '../../platform/messages.js';
import { type KeptRecords, personalDataHolders } from '../../platform/personal-data/holders.js';
import { personalDataReads } from '../../platform/personal-data/schema.js';
import { erasureRequests } from './schema.js';

type ErasureRow = typeof erasureRequests.$inferSelect;

async function toRequests(ctx: ServiceContext, rows: ErasureRow[]): Promise<ErasureRequest[]> {
  const processorIds = [...new Set(rows.flatMap((row) => (row.processedBy ? [row.processedBy] : [])))];
  const names = new Map(
    processorIds.length
      ? (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, processorIds))).map((user) => [
          user.id,
          user.name,
        ])
      : [],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
    processedByName: row.processedBy ? (names.get(row.processedBy) ?? null) : null,
    response: row.response,
    kept: row.kept.map((kept) => translate(ctx.locale, kept.key, { count: kept.count })),
  }));
}

/** The person asks to have their data erased; staff answer. One open request per person (the database says so). */
export async function requestErasure(ctx: ServiceContext, { reason }: { reason: string }): Promise<ErasureRequest> {
  const user = ctx.actor.user;
  if (!user) throw notFound();
  const row = await ctx.db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(erasureRequests)
        .values({ userId: user.id, requesterName: user.name, requesterEmail: user.email, reason })
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'erasure.request',
        entityType: 'erasure_request',
        entityId: created.id,
        after: { reason },
      });
      return created;
    })
    .catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === 'erasure_requests_one_pending') throw new AppError('erasure_request_open');
      throw error;
    });
  const [request] = await toRequests(ctx, [row]);
  return request;
}

/** The person's latest request, open or answered. */
export async function myErasureRequest(ctx: ServiceContext): Promise<ErasureRequest | null> {
  const rows = await ctx.db
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.userId, ctx.actor.userId))
    .orderBy(desc(erasureRequests.requestedAt))
    .limit(1);
  return rows.length ? (await toRequests(ctx, rows))[0] : null;
}

type ErasureQuery = z.infer<typeof erasureRequestsQuerySchema>;

/** Every erasure request, for the network admins who answer them; reading them is logged (names, e-mails). */
export const erasureRequestList = defineList({
  name: 'erasure-requests',
  source: (ctx, query: ErasureQuery) => {
    const direction = query.order === 'asc' ? asc : desc;
    const conditions: SQL[] = [];
    if (query.status) conditions.push(eq(erasureRequests.status, query.status));
    return selectSource(
      ctx.db,
      () =>
        ctx.db
          .select()
          .from(erasureRequests)
          .where(and(...conditions))
          .$dynamic(),
      [direction(erasureRequests.requestedAt), asc(erasureRequests.id)],
    );
  },
  present: (ctx, rows) => toRequests(ctx, rows),
  columns: ({ locale }): Column<ErasureRequest>[] => [
    { header: 'privacy.field.at', kind: 'instant', value: (request) => request.requestedAt },
    { header: 'privacy.field.name', value: (request) => request.requesterName },
    { header: 'privacy.field.email', value: (request) => request.requesterEmail },
    { header: 'privacy.field.status', value: (request) => translate(locale, `privacy.status.${request.status}`) },
    { header: 'privacy.field.response', value: (request) => request.response },
  ],
  personalData: { entityType: 'erasure_request', subjects: (_ctx, items) => items.map((request) => request.userId) },
});

/**
 * Carries out the person's erasure, in one transaction: every capability erases what it holds and says what
 * the law makes it keep; then the account is anonymised and closed (sign-in impossible, sessions ended).
 */
async function eraseAccount(ctx: ServiceContext, userId: string): Promise<KeptRecords[]> {
  const kept: KeptRecords[] = [];
  for (const holder of personalDataHolders()) kept.push(...(await holder.erase(ctx, userId)));
  const now = new Date();
  await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
  await ctx.db.delete(accounts).where(eq(accounts.userId, userId));
  await ctx.db
    .update(users)
    .set({
      name: translate(ctx.locale, 'privacy.erasedName'),
      email: `erased-${userId}@erased.invalid`,
      image: null,
      disabledAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  const [{ audits }] = await ctx.db.select({ audits: count() }).from(auditLog).where(eq(auditLog.actorUserId, userId));
  const [{ reads }] = await ctx.db.select({ reads: count() }).from(personalDataReads).where(eq(personalDataReads.subjectUserId, userId));
  if (Number(audits)) kept.push({ key: 'privacy.kept.audit', count: Number(audits) });
  if (Number(reads)) kept.push({ key: 'privacy.kept.reads', count: Number(reads) });
  kept.push({ key: 'privacy.kept.request', count: 1 });
  return kept;
}

export async function processErasure(ctx: ServiceContext, { id, body }: { id: string; body: ProcessErasureBody }): Promise<ErasureRequest> {
  const row = await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const [before] = await tx.select().from(erasureRequests).where(eq(erasureRequests.id, id)).for('update');
    if (!before) throw notFound();
    if (before.status !== 'pending') throw new AppError('erasure_request_processed');
    const [person] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, before.userId));
    const locale = isLocale(person?.locale) ? person.locale : 'fr';
    const kept = body.outcome === 'complete' ? await eraseAccount({ ...inTx, locale }, before.userId) : [];
    const [after] = await tx
      .update(erasureRequests)
      .set({
        status: body.outcome === 'complete' ? 'completed' : 'refused',
        processedAt: new Date(),
        processedBy: ctx.actor.userId,
        response: body.response,
        kept,
      })
      .where(eq(erasureRequests.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: body.outcome === 'complete' ? 'erasure.complete' : 'erasure.refuse',
      entityType: 'erasure_request',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, kept },
    });
    const name = before.requesterName;
    const keptText = kept.length
      ? kept.map((entry) => `- ${translate(locale, entry.key, { count: entry.count })}`).join('\n')
      : translate(locale, 'mail.erasure.nothingKept');
    await ctx.mailer.queue(tx, {
      to: before.requesterEmail,
      subject: translate(locale, 'mail.erasure.subject'),
      text:
        body.outcome === 'complete'
          ? translate(locale, 'mail.erasure.completed', { name, kept: keptText, response: body.response }).trim()
          : translate(locale, 'mail.erasure.refused', { name, response: body.response }),
      locale,
      kind: 'erasure_processed',
    });
    return after;
  });
  const [request] = await toRequests(ctx, [row]);
  return request;
}
