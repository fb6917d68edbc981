import type { Actor } from '../../../platform/access.js';
import type { ReadContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { type AssignmentRow, assignmentOf } from './review-data.js';

type MemberContext = ReadContext & { actor: Actor };

/**
 * How a committee member reaches an application: through their own assignment to it, whatever the call. Assigned,
 * they read the file given to them (a declared conflict of interest hides scores, not the file); a file not
 * assigned to them does not exist for them. Officers reach applications through their call (calls/access.ts).
 */
export async function memberAssignment(ctx: MemberContext, applicationId: string): Promise<AssignmentRow | null> {
  if (!ctx.actor.has('committee_member')) return null;
  return assignmentOf(ctx, { applicationId, memberUserId: ctx.actor.userId });
}

/** The member's assignment, or "not found". */
export async function requireAssignment(ctx: MemberContext, applicationId: string): Promise<AssignmentRow> {
  const assignment = await memberAssignment(ctx, applicationId);
  if (!assignment) throw notFound();
  return assignment;
}

/** On the officers' side (the application's file route), an assigned member reads files only without a declared conflict. */
export async function readsAsAssignedMember(ctx: MemberContext, applicationId: string): Promise<boolean> {
  const assignment = await memberAssignment(ctx, applicationId);
  return assignment !== null && assignment.conflictDeclaredAt === null;
}
