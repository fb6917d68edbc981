/**
 * The lifecycle of a company in the network (SPEC §3.2). History is a list of dated events, never
 * overwritten; the current status is the latest event. KPIs (§4) are computed from this history.
 */
export const lifecycleStatuses = [
  'applicant',
  'admitted',
  'resident',
  'non_resident_member',
  'alumni',
  'closed',
  'merged_acquired',
] as const;
export type LifecycleStatus = (typeof lifecycleStatuses)[number];

/** Which status may follow which. Closed and merged/acquired are final. */
export const lifecycleTransitions: Record<LifecycleStatus, readonly LifecycleStatus[]> = {
  applicant: ['admitted', 'closed'],
  admitted: ['resident', 'non_resident_member', 'closed'],
  resident: ['alumni', 'non_resident_member', 'closed', 'merged_acquired'],
  non_resident_member: ['resident', 'alumni', 'closed', 'merged_acquired'],
  alumni: ['resident', 'non_resident_member', 'closed', 'merged_acquired'],
  closed: [],
  merged_acquired: [],
};

/** Statuses a company may be created with (an import brings companies that already left, too). */
export const initialStatuses: readonly LifecycleStatus[] = ['applicant', 'admitted', 'resident', 'non_resident_member', 'alumni', 'closed'];

export function canFollow(from: LifecycleStatus | null, to: LifecycleStatus): boolean {
  return from === null ? initialStatuses.includes(to) : lifecycleTransitions[from].includes(to);
}

/** Still operating (KPIs): merged or acquired companies count as surviving, not as closed. */
export function isOperating(status: LifecycleStatus): boolean {
  return status !== 'closed';
}
