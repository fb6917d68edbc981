import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { CompaniesQuery, CompanyListItem } from '../../../../contracts/companies.js';
import { normalizeIce } from '../../../../shared/identifiers.js';
import type { Actor } from '../../../platform/access.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { parkNameOf, sectorLabels } from '../../parks/index.js';
import { readableCompanies } from '../access.js';
import type { CompanyRow } from '../lifecycle/history.js';
import { companies } from '../schema.js';

function logoUrl(row: Pick<CompanyRow, 'id' | 'logoFileId'>): string | null {
  // The file id in the address changes with the logo, so a browser never shows a replaced one from its cache.
  return row.logoFileId ? `/api/v1/companies/${row.id}/logo?v=${row.logoFileId}` : null;
}

export type CompanyListRow = { company: CompanyRow; parkName: string | null };

export function toListItem({ company, parkName }: CompanyListRow): CompanyListItem {
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
    status: company.status,
    statusDate: company.statusSince,
    logoUrl: logoUrl(company),
    updatedAt: company.updatedAt.toISOString(),
  };
}

function companyFilters(actor: Actor, query: CompaniesQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [readableCompanies(actor)];
  if (query.parkId) conditions.push(eq(companies.parkId, query.parkId));
  if (query.status) conditions.push(eq(companies.status, query.status));
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
  // Name and status date are never null: ordered on their index (the id in the same direction breaks ties); a
  // company without a creation date goes last either way.
  if (query.sort === 'creationDate') return [sql`${companies.creationDate} ${direction} nulls last`, sql`${companies.id} ${direction}`];
  const column = query.sort === 'statusDate' ? sql`${companies.statusSince}` : sql`lower(${companies.legalName})`;
  return [sql`${column} ${direction}`, sql`${companies.id} ${direction}`];
}

/** The companies the actor may read, filtered and sorted, with their current status and park; the same rows for the export. */
export const companyList = defineList({
  name: 'companies',
  source: (ctx, query: CompaniesQuery) =>
    selectSource(
      ctx.db,
      () =>
        ctx.db
          .select({
            company: companies,
            parkName: parkNameOf(companies.parkId, ctx.locale),
          })
          .from(companies)
          .where(companyFilters(ctx.actor, query))
          .$dynamic(),
      companyOrder(query),
    ),
  present: (_ctx, rows) => rows.map(toListItem),
  columns: ({ locale }): Column<CompanyListItem>[] => [
    { header: 'export.company.legalName', value: (company) => company.legalName },
    { header: 'export.company.brandName', value: (company) => company.brandName },
    { header: 'export.company.ice', value: (company) => company.ice },
    { header: 'export.company.legalForm', value: (company) => company.legalForm && translate(locale, `legalForm.${company.legalForm}`) },
    { header: 'export.company.stage', value: (company) => translate(locale, `companyStage.${company.stage}`) },
    { header: 'export.company.sectors', value: (company) => sectorLabels(company.sectors, locale) },
    { header: 'export.company.park', value: (company) => company.parkName },
    { header: 'export.company.status', value: (company) => translate(locale, `lifecycle.${company.status}`) },
    { header: 'export.company.statusDate', kind: 'date', value: (company) => company.statusDate },
    { header: 'export.company.creationDate', kind: 'date', value: (company) => company.creationDate },
  ],
});
