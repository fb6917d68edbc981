import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import { preparedQuery } from '../../db/prepared.js';
import type { Actor } from '../../platform/access.js';
import type { ServiceContext } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { companies, companyImports } from './schema.js';

/**
 * Row-level access of the companies module, one rule per object: a company (its profile, history, members
 * and reports), the reporting of a period, an import. Routes say which roles reach them at all; these rules
 * say which rows.
 */

/** Who reaches company routes at all; which company each may see or change is decided by the rules below. */
export const companyReaders: readonly Role[] = ['network_admin', 'park_manager', 'program_officer', 'company_admin', 'company_member'];
export const companyEditors: readonly Role[] = ['network_admin', 'park_manager', 'company_admin'];
/** Park staff: they record statuses, follow reporting and import companies. */
export const companyStaff: readonly Role[] = ['network_admin', 'park_manager'];
export const reportReaders: readonly Role[] = ['network_admin', 'park_manager', 'program_officer', 'company_admin'];

/**
 * Who may do what with a company (SPEC §2): network admins everything; park managers the companies of
 * their parks; program officers read every company; company admins their own profile, members and
 * reports; company members read their own company. Nobody else sees a company here.
 */
export type CompanyRights = {
  read: boolean;
  editProfile: boolean;
  manageMembers: boolean;
  recordStatus: boolean;
  readReports: boolean;
  fileReports: boolean;
};

export function companyRights(actor: Actor, company: { id: string; parkId: string | null }): CompanyRights {
  const staff = actor.isNetworkAdmin || (company.parkId !== null && actor.managesPark(company.parkId));
  const officer = actor.has('program_officer');
  const admin = actor.scopeIds('company', 'company_admin').includes(company.id);
  const member = admin || actor.scopeIds('company', 'company_member').includes(company.id);
  return {
    read: staff || officer || member,
    editProfile: staff || admin,
    manageMembers: staff || admin,
    recordStatus: staff,
    readReports: staff || officer || admin,
    fileReports: staff || admin,
  };
}

/**
 * The company if the actor holds the right (read in `ctx.db`, the caller's transaction if any): a company the
 * actor may not even read is "not found" (its existence is not disclosed), one they read but may not change
 * is "forbidden".
 */
const companyById = preparedQuery('company_by_id', (db) =>
  db
    .select()
    .from(companies)
    .where(eq(companies.id, sql.placeholder('id')))
    .limit(1),
);

export async function companyForActor(ctx: Pick<ServiceContext, 'db' | 'actor'>, input: { companyId: string; right: keyof CompanyRights }) {
  const [company] = await companyById(ctx.db).execute({ id: input.companyId });
  if (!company) throw notFound();
  const rights = companyRights(ctx.actor, company);
  if (!rights.read) throw notFound();
  if (!rights[input.right]) throw forbidden();
  return company;
}

/** Restricts a list of companies to those the actor may read; undefined when they read them all. */
export function readableCompanies(actor: Actor): SQL | undefined {
  if (actor.isNetworkAdmin || actor.has('program_officer')) return undefined;
  const parkIds = actor.scopeIds('park', 'park_manager');
  const companyIds = actor.scopeIds('company', 'company_admin', 'company_member');
  const conditions: SQL[] = [];
  if (parkIds.length) conditions.push(inArray(companies.parkId, parkIds));
  if (companyIds.length) conditions.push(inArray(companies.id, companyIds));
  return conditions.length ? (or(...conditions) as SQL) : sql`false`;
}

/**
 * The companies whose reporting the actor follows (and may remind): network admins all (one park when asked),
 * park managers those of their parks. A park the actor does not manage is refused rather than shown empty.
 */
export function followedCompanies(actor: Actor, parkId: string | undefined): SQL | undefined {
  if (parkId) {
    if (!actor.managesPark(parkId)) throw forbidden();
    return eq(companies.parkId, parkId);
  }
  if (actor.isNetworkAdmin) return undefined;
  const managed = actor.scopeIds('park', 'park_manager');
  if (managed.length === 0) throw forbidden();
  return inArray(companies.parkId, managed);
}

type ImportRecord = typeof companyImports.$inferSelect;

/** An import is seen (and confirmed) by the person who sent it and by network admins; nobody else learns of it. */
export function mayReadImport(actor: Actor, record: Pick<ImportRecord, 'createdBy'>): boolean {
  return actor.isNetworkAdmin || (actor.user !== null && record.createdBy === actor.user.id);
}

/** Restricts a list of imports to those the actor may read; undefined when they read them all. */
export function readableImports(actor: Actor): SQL | undefined {
  return actor.isNetworkAdmin ? undefined : eq(companyImports.createdBy, actor.userId);
}
