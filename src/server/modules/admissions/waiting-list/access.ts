import type { Actor } from '../../../platform/access.js';

/**
 * Who may do what with a park's waiting list (SPEC §3.3): the park's managers and network admins keep it
 * (allocate a unit, record a withdrawal); program officers read every park's, to follow their admissions.
 */
export type WaitingListRights = { read: boolean; manage: boolean };

export function waitingListRights(actor: Actor, parkId: string): WaitingListRights {
  const manage = actor.managesPark(parkId);
  return { read: manage || actor.has('program_officer'), manage };
}
