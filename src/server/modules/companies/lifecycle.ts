import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import {
  addCompanies,
  addCompany,
  type CompanyInsert,
  type CompanyRow,
  companyWithIce,
  currentStatusEvent,
  recordStatusChange,
  type StatusEventRow,
  type StatusStep,
  statusHistory,
} from './lifecycle/history.js';

/**
 * The lifecycle in the form the admissions module calls it today — `(tx, actor, …)` — which it imports from
 * this path. Nothing in companies uses this file: its functions are `lifecycle/history.ts`'s, which take
 * `(ctx, input)` and are exported by `index.ts`. Delete this file once admissions calls those.
 */
export type { CompanyInsert, CompanyRow, StatusStep };

export function insertCompany(tx: Executor, actor: Actor, input: CompanyInsert, history: StatusStep[]): Promise<CompanyRow> {
  return addCompany({ db: tx, actor }, { profile: input, history });
}

export function insertCompanies(
  tx: Executor,
  actor: Actor,
  items: { input: CompanyInsert; history: StatusStep[] }[],
  path?: string,
): Promise<CompanyRow[]> {
  return addCompanies({ db: tx, actor }, { companies: items.map((item) => ({ profile: item.input, history: item.history })), path });
}

export function findCompanyByIce(db: Executor, ice: string): Promise<CompanyRow | null> {
  return companyWithIce({ db }, ice);
}

export function latestStatusEvent(db: Executor, companyId: string): Promise<StatusEventRow | null> {
  return currentStatusEvent({ db }, companyId);
}

export function recordTransition(tx: Executor, actor: Actor, companyId: string, step: StatusStep): Promise<StatusEventRow> {
  return recordStatusChange({ db: tx, actor }, { companyId, step });
}

export function companyHistory(db: Executor, companyId: string): Promise<StatusEventRow[]> {
  return statusHistory({ db }, companyId);
}
