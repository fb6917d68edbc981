import { and, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  CompaniesQuery,
  CompanyDetail,
  CompanyListItem,
  CreateCompanyBody,
  StatusEvent,
  TransitionBody,
  UpdateCompanyBody,
} from '../../../contracts/companies.js';
import { maxLogoBytes } from '../../../contracts/companies.js';
import type { FileUpload } from '../../../contracts/files.js';
import { normalizeIce } from '../../../shared/identifiers.js';
import type { Locale } from '../../../shared/locales.js';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { decodeUpload, deleteStoredFile, readStoredFile, type StoredFile, storeFile } from '../../platform/files/service.js';
import { parks } from '../parks/schema.js';
import { localizedColumn, parkNames } from '../parks/service.js';
import { companyForActor, companyRights, readableCompanies } from './access.js';
import { type CompanyRow, companyHistory, currentStatusSql, insertCompany, lockCompany, recordTransition } from './lifecycle.js';
import { companies, companyStatusEvents } from './schema.js';

/**
 * The date of the current status, beside `currentStatusSql` (same order: latest effective date, then latest
 * recorded). The outer row is named in full: Drizzle leaves columns unqualified in one-table selects.
 */
const statusDateSql = sql<string>`(select e.effective_date::text from ${companyStatusEvents} e where e.company_id = "companies"."id" order by e.effective_date desc, e.recorded_at desc, e.id desc limit 1)`;

function logoUrl(row: Pick<CompanyRow, 'id' | 'logoFileId'>): string | null {
  // The file id in the address changes with the logo, so a browser never shows a replaced one from its cache.
  return row.logoFileId ? `/api/v1/companies/${row.id}/logo?v=${row.logoFileId}` : null;
}

/** Errors of the lifecycle rules name their own fields; this puts them on the fields of our request body. */
function onFields(error: unknown, from: string, to: string): never {
  if (error instanceof AppError && error.fields.length) {
    const rename = (path: string) => {
      if (path === from) return to;
      if (path.startsWith(`${from}.`)) return to ? `${to}.${path.slice(from.length + 1)}` : path.slice(from.length + 1);
      return path;
    };
    throw new AppError(
      error.code,
      error.fields.map((field) => ({ ...field, path: rename(field.path) })),
    );
  }
  throw error;
}

/** The ICE is unique in the network: a second company with it gets a message on the field, not a bare conflict. */
function iceConflict(error: unknown): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'companies_ice_unique' || constraint === '') {
    throw new AppError('conflict', [{ path: 'ice', key: 'validation.ice_taken' }]);
  }
  throw error;
}

type ListRow = { company: CompanyRow; status: CompanyListItem['status']; statusDate: string; parkName: string | null };

function toListItem({ company, status, statusDate, parkName }: ListRow): CompanyListItem {
  return {
    id: company.id,
    legalName: company.legalName,
    brandName: company.brandName,
    legalForm: company.legalForm,
    ice: company.ice,
    creationDate: company.creationDate,
    sectors: company.sectors,
    stage: company.stage,
    parkId: company.parkId,
    parkName,
    status,
    statusDate,
    logoUrl: logoUrl(company),
    updatedAt: company.updatedAt.toISOString(),
  };
}

function companyFilters(actor: Actor, query: CompaniesQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [readableCompanies(actor)];
  if (query.parkId) conditions.push(eq(companies.parkId, query.parkId));
  if (query.status) conditions.push(sql`${currentStatusSql} = ${query.status}`);
  if (query.sector) conditions.push(sql`${query.sector} = any(${companies.sectors})`);
  if (query.stage) conditions.push(eq(companies.stage, query.stage));
  if (query.q) {
    const pattern = likePattern(query.q);
    const names = [ilike(companies.legalName, pattern), ilike(companies.brandName, pattern)];
    // People type an ICE with spaces or dots; it is kept as 15 digits.
    const ice = normalizeIce(query.q);
    if (ice) names.push(ilike(companies.ice, likePattern(ice)));
    conditions.push(or(...names));
  }
  return and(...conditions);
}

function companyOrder(query: CompaniesQuery): SQL[] {
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const column = {
    name: sql`lower(${companies.legalName})`,
    creationDate: sql`${companies.creationDate}`,
    statusDate: statusDateSql,
  }[query.sort];
  return [sql`${column} ${direction} nulls last`, sql`${companies.id}`];
}

function listSelection(locale: Locale) {
  return { company: companies, status: currentStatusSql, statusDate: statusDateSql, parkName: localizedColumn(parks.name, locale) };
}

/** One page of the companies the actor may read, or with `limit` every matching one (exports). */
export async function listCompanies(db: Database, actor: Actor, locale: Locale, query: CompaniesQuery, limit?: number) {
  const where = companyFilters(actor, query);
  const pageSize = limit ?? query.pageSize;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listSelection(locale))
      .from(companies)
      .leftJoin(parks, eq(parks.id, companies.parkId))
      .where(where)
      .orderBy(...companyOrder(query))
      .limit(pageSize)
      .offset(limit ? 0 : (query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(companies).where(where),
  ]);
  return { items: (rows as ListRow[]).map(toListItem), total: Number(total), page: query.page, pageSize };
}

async function historyOf(db: Executor, companyId: string, locale: Locale): Promise<StatusEvent[]> {
  const events = await companyHistory(db, companyId);
  const recorderIds = [...new Set(events.map((event) => event.recordedBy).filter((id): id is string => id !== null))];
  const recorders = recorderIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, recorderIds))
    : [];
  const names = new Map(recorders.map((user) => [user.id, user.name]));
  const parkIds = [...new Set(events.map((event) => event.parkId).filter((id): id is string => id !== null))];
  const parkNamesById = await parkNames({ db, locale }, parkIds);
  return events.map((event) => ({
    id: event.id,
    status: event.status,
    effectiveDate: event.effectiveDate,
    reason: event.reason,
    source: event.source,
    parkId: event.parkId,
    parkName: event.parkId ? (parkNamesById.get(event.parkId) ?? null) : null,
    recordedBy: event.recordedBy ? { id: event.recordedBy, name: names.get(event.recordedBy) ?? '' } : null,
    recordedAt: event.recordedAt.toISOString(),
  }));
}

/** A company's history, oldest first, for those who may read the company. */
export async function getCompanyHistory(ctx: ServiceContext, companyId: string): Promise<StatusEvent[]> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'read');
  return historyOf(ctx.db, companyId, ctx.locale);
}

async function toDetail(db: Executor, actor: Actor, locale: Locale, company: CompanyRow): Promise<CompanyDetail> {
  const history = await historyOf(db, company.id, locale);
  const current = history[history.length - 1];
  const parkName = company.parkId ? ((await parkNames({ db, locale }, [company.parkId])).get(company.parkId) ?? null) : null;
  return {
    ...toListItem({ company, status: current.status, statusDate: current.effectiveDate, parkName }),
    rcNumber: company.rcNumber,
    rcCourt: company.rcCourt,
    ifNumber: company.ifNumber,
    patente: company.patente,
    cnss: company.cnss,
    website: company.website,
    email: company.email,
    phone: company.phone,
    address: company.address,
    description: company.description,
    founders: company.founders,
    contacts: company.contacts,
    rights: companyRights(actor, company),
    history,
    createdAt: company.createdAt.toISOString(),
  };
}

/**
 * A company's page for those who may read it. Founders' and contacts' e-mails and phones are in it:
 * nobody outside the company, its park's staff and program officers reaches this.
 */
export async function getCompany(ctx: ServiceContext, companyId: string): Promise<CompanyDetail> {
  const company = await companyForActor(ctx.db, ctx.actor, companyId, 'read');
  return toDetail(ctx.db, ctx.actor, ctx.locale, company);
}

async function assertParkExists(db: Executor, parkId: string): Promise<void> {
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, parkId)).limit(1);
  if (!park) throw invalidField('parkId', 'validation.unknown_park');
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
      if (profile.parkId) await assertParkExists(tx, profile.parkId);
      return insertCompany(tx, ctx.actor, profile, [{ ...initialStatus, source: 'manual' }]);
    })
    .catch((error) => onFields(error, 'history', 'initialStatus'))
    .catch(iceConflict);
  return toDetail(ctx.db, ctx.actor, ctx.locale, created);
}

/** Whether the actor may move a company from one park to another: network admins, or staff of both parks. */
function mayMove(actor: Actor, from: string | null, to: string | null): boolean {
  if (actor.isNetworkAdmin) return true;
  return from !== null && to !== null && actor.managesPark(from) && actor.managesPark(to);
}

export async function updateCompany(ctx: ServiceContext, companyId: string, input: UpdateCompanyBody): Promise<CompanyDetail> {
  const updated = await ctx.db
    .transaction(async (tx) => {
      await companyForActor(tx, ctx.actor, companyId, 'editProfile');
      const before = await lockCompany(tx, companyId);
      if (input.parkId !== undefined && input.parkId !== before.parkId) {
        if (!mayMove(ctx.actor, before.parkId, input.parkId)) {
          throw new AppError('forbidden', [{ path: 'parkId', key: 'validation.park_move_not_allowed' }]);
        }
        if (input.parkId) await assertParkExists(tx, input.parkId);
      }
      const [after] = await tx
        .update(companies)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(companies.id, companyId))
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'company.update', entityType: 'company', entityId: companyId, before, after });
      return after;
    })
    .catch(iceConflict);
  return toDetail(ctx.db, ctx.actor, ctx.locale, updated);
}

/** Records a change of status (park staff only): checked against the current status and date, under the row lock. */
export async function recordCompanyTransition(ctx: ServiceContext, companyId: string, input: TransitionBody): Promise<StatusEvent> {
  const event = await ctx.db
    .transaction(async (tx) => {
      await companyForActor(tx, ctx.actor, companyId, 'recordStatus');
      return recordTransition(tx, ctx.actor, companyId, { ...input, source: 'manual' });
    })
    .catch((error) => onFields(error, 'status', ''));
  const history = await historyOf(ctx.db, companyId, ctx.locale);
  return history.find((item) => item.id === event.id) as StatusEvent;
}

/** The logo of a company, for whoever may read the company. */
export async function getCompanyLogo(ctx: ServiceContext, companyId: string): Promise<StoredFile> {
  const company = await companyForActor(ctx.db, ctx.actor, companyId, 'read');
  if (!company.logoFileId) throw new AppError('not_found');
  return readStoredFile(ctx.db, company.logoFileId);
}

/** Puts a new logo in place of the old one (which is deleted): a PNG, JPEG or WebP image by its content, 1 MB at most. */
export async function replaceCompanyLogo(ctx: ServiceContext, companyId: string, upload: FileUpload): Promise<CompanyDetail> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'editProfile');
  const content = decodeUpload(upload.content, 'file', maxLogoBytes);
  const updated = await ctx.db.transaction(async (tx) => {
    await companyForActor(tx, ctx.actor, companyId, 'editProfile');
    const before = await lockCompany(tx, companyId);
    const file = await storeFile(tx, ctx.actor, { name: upload.name, content, accept: 'image', path: 'file' });
    const [after] = await tx
      .update(companies)
      .set({ logoFileId: file.id, updatedAt: new Date() })
      .where(eq(companies.id, companyId))
      .returning();
    if (before.logoFileId) await deleteStoredFile(tx, before.logoFileId);
    await recordAudit(tx, ctx.actor, {
      action: 'company.logo',
      entityType: 'company',
      entityId: companyId,
      before: { logoFileId: before.logoFileId },
      after: { logoFileId: file.id, name: file.name, mediaType: file.mediaType, size: file.size },
    });
    return after;
  });
  return toDetail(ctx.db, ctx.actor, ctx.locale, updated);
}

export async function removeCompanyLogo(ctx: ServiceContext, companyId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await companyForActor(tx, ctx.actor, companyId, 'editProfile');
    const before = await lockCompany(tx, companyId);
    if (!before.logoFileId) return;
    await tx.update(companies).set({ logoFileId: null, updatedAt: new Date() }).where(eq(companies.id, companyId));
    await deleteStoredFile(tx, before.logoFileId);
    await recordAudit(tx, ctx.actor, {
      action: 'company.logo',
      entityType: 'company',
      entityId: companyId,
      before: { logoFileId: before.logoFileId },
      after: { logoFileId: null },
    });
  });
}
