import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { companies } from './schema.js';

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
 * The company if the actor holds the right: a company the actor may not even read is "not found"
 * (its existence is not disclosed), one they read but may not change is "forbidden".
 */
export async function companyForActor(db: Executor, actor: Actor, companyId: string, right: keyof CompanyRights) {
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  if (!company) throw notFound();
  const rights = companyRights(actor, company);
  if (!rights.read) throw notFound();
  if (!rights[right]) throw forbidden();
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
