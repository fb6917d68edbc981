import type { Actor } from '../access.js';
import { recordAudit } from '../audit/service.js';
import type { DbContext } from '../context.js';
import { personalDataReads } from './schema.js';

export type PersonalDataRead = {
  /** As the audit log names it: `people.read`, `application.view`… */
  action: string;
  entityType: string;
  entityId: string;
  /** The accounts whose data was shown; the reader's own account is left out (reading one's own data is not an access). */
  subjects: readonly (string | null | undefined)[];
  after?: unknown;
};

/**
 * Law 09-08: a read of personal data is recorded twice over, in the audit log (for the data protection
 * officer) and once per person read (for the person, on their account page).
 */
export async function recordPersonalDataRead(ctx: DbContext & { actor: Actor }, read: PersonalDataRead): Promise<void> {
  await recordAudit(ctx.db, ctx.actor, { action: read.action, entityType: read.entityType, entityId: read.entityId, after: read.after });
  await recordSubjects(ctx, read.action, read.subjects);
}

/** The per-person rows alone (a list's export records its audit row once and its people batch by batch). */
export async function recordSubjects(
  ctx: DbContext & { actor: Actor },
  action: string,
  subjects: readonly (string | null | undefined)[],
): Promise<void> {
  const readerId = ctx.actor.user?.id ?? null;
  const people = [...new Set(subjects.filter((id): id is string => typeof id === 'string' && id !== readerId))];
  for (let start = 0; start < people.length; start += 500) {
    await ctx.db.insert(personalDataReads).values(
      people.slice(start, start + 500).map((subjectUserId) => ({
        subjectUserId,
        actorUserId: readerId,
        actorName: ctx.actor.user?.name ?? null,
        action,
      })),
    );
  }
}
