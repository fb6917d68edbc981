import { asc, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { ReadContext } from '../../../platform/context.js';
import { companies } from '../schema.js';

/**
 * Companies as people know them (brand, else legal name), for naming a role's scope.
 */
export async function companyNames(ctx: ReadContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: companies.id, legalName: companies.legalName, brandName: companies.brandName })
    .from(companies)
    .where(inArray(companies.id, ids));
  return new Map(rows.map((row) => [row.id, row.brandName || row.legalName]));
}

/** Every company for a role's scope picker (the picker searches and shows the first matches). */
export async function companyChoices(ctx: ReadContext): Promise<{ id: string; name: string }[]> {
  const rows = await ctx.db
    .select({ id: companies.id, legalName: companies.legalName, brandName: companies.brandName })
    .from(companies)
    .orderBy(asc(companies.legalName));
  return rows.map((row) => ({
    id: row.id,
    name: row.brandName && row.brandName !== row.legalName ? `${row.brandName} (${row.legalName})` : row.legalName,
  }));
}

/**
 * The legal name of the company of another module's row, as an SQL expression (a view of this module's table),
 * so that lists elsewhere show and sort by it without reading the companies table themselves.
 */
export function companyLegalNameOf(companyId: SQLWrapper): SQL<string> {
  return sql<string>`(select ${companies.legalName} from ${companies} where ${companies.id} = ${companyId})`;
}
