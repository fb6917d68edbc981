import { eq } from 'drizzle-orm';
import type { CompanyDetail, CreateCompanyBody, UpdateCompanyBody } from '../../../../contracts/companies.js';
import { compactText, pickText } from '../../../../shared/localized-text.js';
import type { Actor } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError, invalidField } from '../../../platform/errors.js';
import { findPark } from '../../parks/index.js';
import { companyForActor, companyRights } from '../access.js';
import { addCompany, type CompanyRow, lockCompany, onFields } from '../lifecycle/history.js';
import { historyAndParks } from '../lifecycle/lifecycle-service.js';
import { companies } from '../schema.js';
import { toListItem } from './companies-list.js';

/** The ICE is unique in the network: a second company with it gets a message on the field, not a bare conflict. */
function iceConflict(error: unknown): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'companies_ice_unique' || constraint === '') {
    throw new AppError('conflict', [{ path: 'ice', key: 'validation.ice_taken' }]);
  }
  throw error;
}

/** The company's page: its profile, its history, and what the actor may do with it. */
export async function companyDetail(ctx: ServiceContext, company: CompanyRow): Promise<CompanyDetail> {
  const { history, parkNames } = await historyAndParks(ctx, company.id, company.parkId ? [company.parkId] : []);
  const parkName = company.parkId ? (parkNames.get(company.parkId) ?? null) : null;
  return {
    ...toListItem({ company, parkName }),
    rcNumber: company.rcNumber,
    rcCourt: company.rcCourt,
    ifNumber: company.ifNumber,
    patente: company.patente,
    cnss: company.cnss,
    website: company.website,
    email: company.email,
    phone: company.phone,
    address: company.address,
    description: pickText(company.description, ctx.locale),
    descriptions: company.description,
    founders: company.founders,
    contacts: company.contacts,
    rights: companyRights(ctx.actor, company),
    history,
    createdAt: company.createdAt.toISOString(),
  };
}

/**
 * A company's page for those who may read it. Founders' and contacts' e-mails and phones are in it:
 * nobody outside the company, its park's staff and program officers reaches this.
 */
export async function getCompany(ctx: ServiceContext, companyId: string): Promise<CompanyDetail> {
  const company = await companyForActor(ctx, { companyId, right: 'read' });
  return companyDetail(ctx, company);
}

/** The park a company is placed in exists (a bad id is a problem on the field, not a bare "not found"). */
async function assertParkExists(ctx: ReadContext, parkId: string): Promise<void> {
  await findPark(ctx, parkId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw invalidField('parkId', 'validation.unknown_park');
    throw error;
  });
}

/** Network admins create companies anywhere; park managers only in the parks they manage. */
export async function createCompany(ctx: ServiceContext, input: CreateCompanyBody): Promise<CompanyDetail> {
  const { initialStatus, ...profile } = input;
  if (!ctx.actor.isNetworkAdmin) {
    if (!profile.parkId) throw invalidField('parkId', 'validation.required');
    if (!ctx.actor.managesPark(profile.parkId)) throw new AppError('forbidden', [{ path: 'parkId', key: 'validation.park_not_managed' }]);
  }
  const created = await ctx.db
    .transaction(async (tx) => {
      if (profile.parkId) await assertParkExists({ db: tx, locale: ctx.locale }, profile.parkId);
      const stored = { ...profile, description: compactText(profile.description) };
      return addCompany({ db: tx, actor: ctx.actor }, { profile: stored, history: [{ ...initialStatus, source: 'manual' }] });
    })
    .catch((error) => onFields(error, 'history', 'initialStatus'))
    .catch(iceConflict);
  return companyDetail(ctx, created);
}

/** Whether the actor may move a company from one park to another: network admins, or staff of both parks. */
function mayMove(actor: Actor, from: string | null, to: string | null): boolean {
  if (actor.isNetworkAdmin) return true;
  return from !== null && to !== null && actor.managesPark(from) && actor.managesPark(to);
}

export async function updateCompany(
  ctx: ServiceContext,
  { companyId, changes }: { companyId: string; changes: UpdateCompanyBody },
): Promise<CompanyDetail> {
  const updated = await ctx.db
    .transaction(async (tx) => {
      await companyForActor({ db: tx, actor: ctx.actor }, { companyId, right: 'editProfile' });
      const before = await lockCompany({ db: tx }, companyId);
      if (changes.parkId !== undefined && changes.parkId !== before.parkId) {
        if (!mayMove(ctx.actor, before.parkId, changes.parkId)) {
          throw new AppError('forbidden', [{ path: 'parkId', key: 'validation.park_move_not_allowed' }]);
        }
        if (changes.parkId) await assertParkExists({ db: tx, locale: ctx.locale }, changes.parkId);
      }
      const [after] = await tx
        .update(companies)
        .set({ ...changes, description: changes.description && compactText(changes.description), updatedAt: new Date() })
        .where(eq(companies.id, companyId))
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'company.update', entityType: 'company', entityId: companyId, before, after });
      return after;
    })
    .catch(iceConflict);
  return companyDetail(ctx, updated);
}
