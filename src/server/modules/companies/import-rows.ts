import type { z } from 'zod';
import { type CompanyStage, companyProfileFields, type legalFormSchema } from '../../../contracts/companies.js';
import type { ImportField } from '../../../contracts/company-imports.js';
import type { sectors } from '../../../contracts/parks.js';
import { initialStatuses, type LifecycleStatus } from '../../../shared/company-lifecycle.js';
import { AppError } from '../../platform/errors.js';
import { isMessageKey, type MessageKey } from '../../platform/messages.js';
import { type CellValue, isoDateOfCell, type TableRow, textOf } from './import-parse.js';
import { compact, datedStatuses, legalFormIndex, type ParkChoice, sectorIndex, stageIndex, statusIndex } from './import-vocabulary.js';
import { checkHistory, type StatusStep } from './lifecycle.js';

/**
 * What each row of an import file means: every cell read and checked with the same rules as the company
 * form, and the lifecycle history the row describes (which column is which: import-vocabulary.ts).
 */
export type ImportProblemRecord = {
  row: number;
  /** The header as written in the file; null when the file has no such column. */
  column: string | null;
  field: ImportField | null;
  key: MessageKey;
  params?: Record<string, string>;
};
export type ColumnMapping = { header: string; field: ImportField | null }[];
type LegalForm = z.infer<typeof legalFormSchema>;
type Sector = (typeof sectors)[number];

/** A row as understood: the company's profile and its first steps of history. */
export type ImportedCompany = {
  row: number;
  legalName: string;
  brandName: string;
  legalForm: LegalForm | null;
  ice: string | null;
  rcNumber: string | null;
  rcCourt: string | null;
  ifNumber: string | null;
  patente: string | null;
  cnss: string | null;
  creationDate: string | null;
  sectors: Sector[];
  stage: CompanyStage | null;
  parkId: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string;
  description: string;
  history: { status: LifecycleStatus; effectiveDate: string }[];
  hasProblems: boolean;
};

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A date cell: an Excel date, yyyy-mm-dd (a time after it is ignored) or dd/mm/yyyy (also with - or .). */
export function parseDateCell(cell: CellValue | undefined): { date: string | null } | { invalid: string } {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { invalid: '' } : { date: isoDateOfCell(cell) };
  const text = textOf(cell);
  if (!text) return { date: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+Z?)?$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const date = iso
    ? realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : french
      ? realDate(Number(french[3]), Number(french[2]), Number(french[1]))
      : null;
  return date ? { date } : { invalid: text };
}

/** The message of a failed check of the company form's rules, as an import problem. */
function problemOfIssue(issue: z.core.$ZodIssue, formatKey?: MessageKey): { key: MessageKey; params?: Record<string, string> } {
  if (issue.message.startsWith('validation.') && isMessageKey(issue.message)) return { key: issue.message };
  if (issue.code === 'too_big') return { key: 'import.too_long', params: { max: String(issue.maximum) } };
  if (issue.code === 'too_small') return { key: 'validation.required' };
  if (issue.code === 'invalid_format') {
    if (formatKey) return { key: formatKey };
    if (issue.format === 'email') return { key: 'import.invalid_email' };
    if (issue.format === 'url') return { key: 'import.invalid_url' };
  }
  return { key: 'import.invalid_value' };
}

export type RowContext = {
  columns: ColumnMapping;
  parks: Map<string, ParkChoice>;
  /** The park of rows that name none (the target park chosen when sending the file). */
  defaultPark: ParkChoice | null;
  managesPark: (parkId: string) => boolean;
  /** Park managers must place every company in a park they manage; network admins may leave it empty. */
  parkRequired: boolean;
  today: string;
};

/** Reads one row: every cell checked like the company form, the park and the history a row describes. */
export function interpretRow(row: TableRow, context: RowContext): { company: ImportedCompany; problems: ImportProblemRecord[] } {
  const problems: ImportProblemRecord[] = [];
  const indexOf = new Map<ImportField, number>();
  context.columns.forEach((column, index) => {
    if (column.field) indexOf.set(column.field, index);
  });
  const cell = (field: ImportField): CellValue | undefined => {
    const index = indexOf.get(field);
    return index === undefined ? undefined : (row.cells[index] ?? null);
  };
  const text = (field: ImportField) => textOf(cell(field));
  const report = (field: ImportField, key: MessageKey, params?: Record<string, string>) => {
    const index = indexOf.get(field);
    problems.push({ row: row.number, column: index === undefined ? null : context.columns[index].header, field, key, params });
  };
  /** Checks a value with the form's rule for the field; null (and a problem) when it fails. */
  const checked = <Output>(field: ImportField, schema: z.ZodType<Output>, value: unknown, formatKey?: MessageKey): Output | null => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const { key, params } = problemOfIssue(result.error.issues[0], formatKey);
    report(field, key, params);
    return null;
  };
  const optional = <Output>(field: ImportField, schema: z.ZodType<Output>, value: string, formatKey?: MessageKey) =>
    value ? checked(field, schema, value, formatKey) : null;
  const lookup = <Code>(field: ImportField, index: Map<string, Code>, key: MessageKey): Code | null => {
    const value = text(field);
    if (!value) return null;
    const found = index.get(compact(value));
    if (found === undefined) report(field, key, { value });
    return found ?? null;
  };
  const date = (field: ImportField): { date: string | null; invalid: boolean } => {
    const parsed = parseDateCell(cell(field));
    if ('invalid' in parsed) {
      report(field, 'import.invalid_date', { value: parsed.invalid });
      return { date: null, invalid: true };
    }
    return { date: parsed.date, invalid: false };
  };

  const legalName = checked('legalName', companyProfileFields.legalName, text('legalName')) ?? text('legalName');
  const brandName = checked('brandName', companyProfileFields.brandName, text('brandName')) ?? '';
  const legalForm = lookup('legalForm', legalFormIndex(), 'import.unknown_legal_form');

  // A number cell loses the leading zeros of an ICE (many start with 00): a spreadsheet shows it as a number.
  const iceCell = cell('ice');
  const iceText = typeof iceCell === 'number' && Number.isInteger(iceCell) ? textOf(iceCell).padStart(15, '0') : text('ice');
  const ice = optional('ice', companyProfileFields.ice, iceText);
  const rcNumber = optional('rcNumber', companyProfileFields.rcNumber, text('rcNumber'));
  const rcCourt = optional('rcCourt', companyProfileFields.rcCourt, text('rcCourt'));
  const ifNumber = optional('ifNumber', companyProfileFields.ifNumber, text('ifNumber'));
  const patente = optional('patente', companyProfileFields.patente, text('patente'));
  const cnss = optional('cnss', companyProfileFields.cnss, text('cnss'));
  const creation = date('creationDate');
  const creationDate = creation.date ? checked('creationDate', companyProfileFields.creationDate, creation.date) : null;

  const sectorCodes = new Set<Sector>();
  const sectorValues = new Set(
    text('sectors')
      .split(/[;,،|\n]+/)
      .map((part) => part.trim())
      .filter(Boolean),
  );
  for (const value of sectorValues) {
    const found = sectorIndex().get(compact(value));
    if (found) sectorCodes.add(found);
    else report('sectors', 'import.unknown_sector', { value });
  }

  const stage = lookup('stage', stageIndex(), 'import.unknown_stage');
  if (!text('stage')) report('stage', 'validation.required');

  let park = context.defaultPark;
  const parkText = text('park');
  if (parkText) {
    park = context.parks.get(compact(parkText)) ?? null;
    if (!park) report('park', 'import.unknown_park', { value: parkText });
    else if (!context.managesPark(park.id)) {
      report('park', 'import.park_not_managed', { park: parkText });
      park = null;
    }
  } else if (!park && context.parkRequired) report('park', 'import.park_required');

  const websiteText = text('website');
  // "www.example.ma" is how people write a site; the form's rule wants the scheme, which is https today.
  const website = optional(
    'website',
    companyProfileFields.website,
    websiteText && !/^[a-z]+:\/\//i.test(websiteText) ? `https://${websiteText}` : websiteText,
  );
  const email = optional('email', companyProfileFields.email, text('email'));
  // A Moroccan number typed as a number loses its leading 0 (0522… → 522…).
  const phoneCell = cell('phone');
  const phoneText = typeof phoneCell === 'number' && /^[5-8]\d{8}$/.test(textOf(phoneCell)) ? `0${textOf(phoneCell)}` : text('phone');
  const phone = optional('phone', companyProfileFields.phone, phoneText);
  const address = checked('address', companyProfileFields.address, text('address')) ?? '';
  const description = checked('description', companyProfileFields.description, text('description')) ?? '';

  const status = lookup('status', statusIndex(), 'import.unknown_status');
  if (!text('status')) report('status', 'validation.required');
  const statusDate = date('statusDate');
  const entryDate = date('entryDate');
  const history = status && !statusDate.invalid && !entryDate.invalid ? historyOf(status, statusDate.date, entryDate.date) : [];

  const company: ImportedCompany = {
    row: row.number,
    legalName,
    brandName,
    legalForm,
    ice,
    rcNumber,
    rcCourt,
    ifNumber,
    patente,
    cnss,
    creationDate,
    sectors: [...sectorCodes],
    stage,
    parkId: park?.id ?? null,
    website,
    email,
    phone,
    address,
    description,
    history,
    hasProblems: false,
  };
  company.hasProblems = problems.length > 0;
  return { company, problems };

  /**
   * The history a row describes: the status at its date; with an entry date, resident at that date first. A
   * current stay without a date starts on the import day; a departure must be dated.
   */
  function historyOf(current: LifecycleStatus, at: string | null, entry: string | null): StatusStep[] {
    let steps: StatusStep[];
    if (entry && current === 'resident') {
      if (at && at !== entry) {
        report('statusDate', 'import.resident_dates_differ');
        return [];
      }
      steps = [{ status: 'resident', effectiveDate: entry }];
    } else if (entry) {
      if (!at) {
        report('statusDate', 'import.status_date_required', { status: `lifecycle.${current}` });
        return [];
      }
      steps = [
        { status: 'resident', effectiveDate: entry },
        { status: current, effectiveDate: at },
      ];
    } else if (!initialStatuses.includes(current)) {
      report('entryDate', 'import.entry_date_required', { status: `lifecycle.${current}` });
      return [];
    } else if (!at && datedStatuses.includes(current)) {
      report('statusDate', 'import.status_date_required', { status: `lifecycle.${current}` });
      return [];
    } else steps = [{ status: current, effectiveDate: at ?? context.today }];
    try {
      checkHistory(null, steps, 'history');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const problem of error.fields) {
        const [, step, what] = /^history(?:\.(\d+))?\.(status|effectiveDate)$/.exec(problem.path) ?? [];
        const isEntryStep = entry !== null && steps.length === 2 && Number(step ?? 0) === 0;
        const field: ImportField =
          what === 'status' ? 'status' : isEntryStep || (entry && current === 'resident') ? 'entryDate' : 'statusDate';
        report(field, problem.key, problem.params);
      }
      return [];
    }
    return steps.map((step) => ({ status: step.status, effectiveDate: step.effectiveDate }));
  }
}
