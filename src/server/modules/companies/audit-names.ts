import { inArray } from 'drizzle-orm';
import type { Locale } from '../../../shared/locales.js';
import { type AuditNames, uuidIds } from '../../platform/audit/naming.js';
import { translate } from '../../platform/messages.js';
import { sectorLabels } from '../parks/index.js';
import { companyNames } from './profile/company-names.js';
import { companyImports } from './schema.js';

const label = (prefix: string) => (value: unknown, locale: Locale) => translate(locale, `${prefix}.${String(value)}`);

const names = (value: unknown) =>
  Array.isArray(value)
    ? value
        .map((person) => (person as { name?: string })?.name ?? '')
        .filter(Boolean)
        .join(', ') || '—'
    : '—';

/** How the audit log names companies (brand, else legal name) and imports (their file), and words their fields. */
export const companyAuditNames: AuditNames = {
  company: {
    names: (ctx, ids) => companyNames(ctx, uuidIds(ids)),
    fields: {
      legalName: { label: 'export.company.legalName' },
      brandName: { label: 'export.company.brandName' },
      legalForm: { label: 'export.company.legalForm', value: label('legalForm') },
      ice: { label: 'export.company.ice' },
      rcNumber: { label: 'export.company.rcNumber' },
      rcCourt: { label: 'export.company.rcCourt' },
      ifNumber: { label: 'export.company.ifNumber' },
      patente: { label: 'export.company.patente' },
      cnss: { label: 'export.company.cnss' },
      creationDate: { label: 'export.company.creationDate' },
      sectors: {
        label: 'export.company.sectors',
        value: (value, locale) => (Array.isArray(value) ? sectorLabels(value, locale) : String(value)),
      },
      stage: { label: 'export.company.stage', value: label('companyStage') },
      status: { label: 'export.company.status', value: label('lifecycle') },
      effectiveDate: { label: 'export.company.statusDate' },
      website: { label: 'export.company.website' },
      email: { label: 'audit.field.email' },
      phone: { label: 'audit.field.phone' },
      address: { label: 'audit.company.address' },
      description: { label: 'audit.company.description' },
      founders: { label: 'audit.company.founders', value: names },
      contacts: { label: 'audit.company.contacts', value: names },
      history: { label: 'export.company.status', hidden: true },
    },
  },
  company_import: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: companyImports.id, fileName: companyImports.fileName })
        .from(companyImports)
        .where(inArray(companyImports.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, row.fileName]));
    },
    fields: {
      status: { label: 'audit.field.status', value: label('import.status') },
      problems: { label: 'audit.field.status', hidden: true },
      columns: { label: 'audit.field.status', hidden: true },
      rows: { label: 'audit.field.status', hidden: true },
    },
  },
};
