import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { applications } from '../schema.js';

/** The header in which the browser sends back the secret of a draft started without an account. */
export const draftTokenHeader = 'x-draft-token';

/** Who asks about an application on the applicant's side: the session's person and/or the draft's secret from the browser. */
export type ApplicantContext = ServiceContext & { draftToken: string | undefined };

export type ApplicationRow = typeof applications.$inferSelect;

export function hashDraftToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function holdsToken(row: ApplicationRow, token: string | undefined): boolean {
  if (!token || !row.draftTokenHash) return false;
  const given = Buffer.from(hashDraftToken(token), 'hex');
  const kept = Buffer.from(row.draftTokenHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/**
 * An application as its applicant reaches it: by the draft's secret token, or signed in as the person it is
 * bound to. Anyone else gets 404, so that an application's existence is not revealed. `lock` takes its row lock.
 */
export async function applicationForApplicant(
  ctx: ApplicantContext,
  input: { applicationId: string; lock?: boolean },
): Promise<ApplicationRow> {
  const query = ctx.db.select().from(applications).where(eq(applications.id, input.applicationId)).limit(1);
  const [row] = input.lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  const owner = ctx.actor.user !== null && row.applicantUserId === ctx.actor.user.id;
  if (!owner && !holdsToken(row, ctx.draftToken)) throw notFound();
  return row;
}
