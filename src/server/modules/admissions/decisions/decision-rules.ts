import type { Decision } from '../../../../contracts/admissions.js';

/** What may be decided from a status: under review, any decision; waitlisted, admitted or rejected; otherwise the decision is final. */
export function allowedDecisions(status: string): Decision[] {
  if (status === 'under_review') return ['admitted', 'waitlisted', 'rejected'];
  if (status === 'waitlisted') return ['admitted', 'rejected'];
  return [];
}
