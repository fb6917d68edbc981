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
import { type CompanyRow, currentStatusDateSql, currentStatusSql } from '../lifecycle/history.js';
import { companies } from '../schema.js';

function logoUrl(row: Pick<CompanyRow, 'id' | 'logoFileId'>): string | null {
  // The file id in the address changes with the logo, so a browser never shows a replaced one from its cache.
  return row.logoFileId ? `/api/v1/companies/${row.id}/logo?v=${row.logoFileId}` : null;
}

export type CompanyListRow = { company: CompanyRow; status: CompanyListItem['status']; statusDate: string; parkName: string | null };

export function toListItem({ company, status, statusDate, parkName }: CompanyListRow): CompanyListItem {
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
    statusDate: currentStatusDateSql,
  }[query.sort];
  return [sql`${column} ${direction} nulls last`, sql`${companies.id}`];
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
            status: currentStatusSql,
            statusDate: currentStatusDateSql,
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
