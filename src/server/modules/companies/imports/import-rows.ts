import { z } from 'zod';
import { emailSchema } from '../../../../contracts/auth.js';
import {
  type CompanyStage,
  companyDescriptionCellSchema,
  companyProfileFields,
  type legalFormSchema,
} from '../../../../contracts/companies.js';
import type { ImportField } from '../../../../contracts/company-imports.js';
import type { sectors } from '../../../../contracts/parks.js';
import { initialStatuses, type LifecycleStatus } from '../../../../shared/company-lifecycle.js';
import { AppError } from '../../../platform/errors.js';
import { type TableRow, textOf } from '../../../platform/imports/table.js';
import { checkHistory, type StatusStep } from '../lifecycle/history.js';
import { type CellReader, cellReader } from './import-cells.js';
import type { ColumnMapping, ImportProblemRecord } from './import-problems.js';
import { compact, datedStatuses, legalFormIndex, type ParkChoice, sectorIndex, stageIndex, statusIndex } from './import-vocabulary.js';

/**
 * What each row of an import file means: every cell read and checked with the same rules as the company
 * form, and the lifecycle history the row describes (which column is which: import-vocabulary.ts).
 */
type LegalForm = z.infer<typeof legalFormSchema>;
/** The invitation form's rule for a name. */
const adminNameSchema = z.string().trim().max(120);
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
  /** The person to invite as the company's admin (null: nobody is invited). Absent from rows checked before the column existed. */
  admin?: { name: string; email: string } | null;
  history: { status: LifecycleStatus; effectiveDate: string }[];
  hasProblems: boolean;
};

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

/** Names, legal form, registry numbers and creation date. */
function readIdentity(read: CellReader) {
  const { text, checked, optional } = read;
  const legalName = checked('legalName', companyProfileFields.legalName, text('legalName')) ?? text('legalName');
  const brandName = checked('brandName', companyProfileFields.brandName, text('brandName')) ?? '';
  const legalForm = read.lookup('legalForm', legalFormIndex(), 'import.unknown_legal_form');
  // A number cell loses the leading zeros of an ICE (many start with 00): a spreadsheet shows it as a number.
  const iceCell = read.cell('ice');
  const iceText = typeof iceCell === 'number' && Number.isInteger(iceCell) ? textOf(iceCell).padStart(15, '0') : text('ice');
  const ice = optional('ice', companyProfileFields.ice, iceText);
  const rcNumber = optional('rcNumber', companyProfileFields.rcNumber, text('rcNumber'));
  const rcCourt = optional('rcCourt', companyProfileFields.rcCourt, text('rcCourt'));
  const ifNumber = optional('ifNumber', companyProfileFields.ifNumber, text('ifNumber'));
  const patente = optional('patente', companyProfileFields.patente, text('patente'));
  const cnss = optional('cnss', companyProfileFields.cnss, text('cnss'));
  const creation = read.date('creationDate');
  const creationDate = creation.date ? checked('creationDate', companyProfileFields.creationDate, creation.date) : null;
  return { legalName, brandName, legalForm, ice, rcNumber, rcCourt, ifNumber, patente, cnss, creationDate };
}

/** Sectors, separated by any of the usual marks, each one known; then the stage (required). */
function readActivity(read: CellReader): { sectors: Sector[]; stage: CompanyStage | null } {
  const codes = new Set<Sector>();
  const values = new Set(
    read
      .text('sectors')
      .split(/[;,،|\n]+/)
      .map((part) => part.trim())
      .filter(Boolean),
  );
  for (const value of values) {
    const found = sectorIndex().get(compact(value));
    if (found) codes.add(found);
    else read.report('sectors', 'import.unknown_sector', { value });
  }
  const stage = read.lookup('stage', stageIndex(), 'import.unknown_stage');
  if (!read.text('stage')) read.report('stage', 'validation.required');
  return { sectors: [...codes], stage };
}

/** The row's park: the one it names, if the sender manages it; else the target park. */
function readPark(read: CellReader, context: RowContext): ParkChoice | null {
  const parkText = read.text('park');
  if (!parkText) {
    if (!context.defaultPark && context.parkRequired) read.report('park', 'import.park_required');
    return context.defaultPark;
  }
  const park = context.parks.get(compact(parkText)) ?? null;
  if (!park) read.report('park', 'import.unknown_park', { value: parkText });
  else if (!context.managesPark(park.id)) {
    read.report('park', 'import.park_not_managed', { park: parkText });
    return null;
  }
  return park;
}

/** Website, e-mail, phone, address and description. */
function readContact(read: CellReader) {
  const { text, checked, optional } = read;
  const websiteText = text('website');
  // "www.example.ma" is how people write a site; the form's rule wants the scheme, which is https today.
  const website = optional(
    'website',
    companyProfileFields.website,
    websiteText && !/^[a-z]+:\/\//i.test(websiteText) ? `https://${websiteText}` : websiteText,
  );
  const email = optional('email', companyProfileFields.email, text('email'));
  // A Moroccan number typed as a number loses its leading 0 (0522… → 522…).
  const phoneCell = read.cell('phone');
  const phoneText = typeof phoneCell === 'number' && /^[5-8]\d{8}$/.test(textOf(phoneCell)) ? `0${textOf(phoneCell)}` : text('phone');
  const phone = optional('phone', companyProfileFields.phone, phoneText);
  const address = checked('address', companyProfileFields.address, text('address')) ?? '';
  const description = checked('description', companyDescriptionCellSchema, text('description')) ?? '';
  return { website, email, phone, address, description };
}

/**
 * The person the row invites to be the company's admin: an e-mail checked like the invitation form's; a name is
 * optional (the invitation greets the company when there is none), but a name without an e-mail invites nobody.
 */
function readAdmin(read: CellReader, legalName: string): ImportedCompany['admin'] {
  const email = read.optional('adminEmail', emailSchema, read.text('adminEmail'), 'import.invalid_email');
  const name = read.checked('adminName', adminNameSchema, read.text('adminName')) ?? '';
  if (name && !read.text('adminEmail')) read.report('adminEmail', 'import.admin_email_required');
  return email ? { name: name || legalName, email } : null;
}

/**
 * The steps a status and its dates describe: the status at its date; with an entry date, resident at that date
 * first. A current stay without a date starts on the import day; a departure must be dated.
 */
function stepsOf(read: CellReader, current: LifecycleStatus, at: string | null, entry: string | null, today: string): StatusStep[] {
  if (entry && current === 'resident') {
    if (at && at !== entry) {
      read.report('statusDate', 'import.resident_dates_differ');
      return [];
    }
    return [{ status: 'resident', effectiveDate: entry }];
  }
  if (entry) {
    if (at)
      return [
        { status: 'resident', effectiveDate: entry },
        { status: current, effectiveDate: at },
      ];
    read.report('statusDate', 'import.status_date_required', { status: `lifecycle.${current}` });
    return [];
  }
  if (!initialStatuses.includes(current)) {
    read.report('entryDate', 'import.entry_date_required', { status: `lifecycle.${current}` });
    return [];
  }
  if (!at && datedStatuses.includes(current)) {
    read.report('statusDate', 'import.status_date_required', { status: `lifecycle.${current}` });
    return [];
  }
  return [{ status: current, effectiveDate: at ?? today }];
}

/** The history the row describes, checked with the lifecycle rules; a problem is put on the column at fault. */
function readHistory(read: CellReader, today: string): ImportedCompany['history'] {
  const status = read.lookup('status', statusIndex(), 'import.unknown_status');
  if (!read.text('status')) read.report('status', 'validation.required');
  const statusDate = read.date('statusDate');
  const entryDate = read.date('entryDate');
  if (!status || statusDate.invalid || entryDate.invalid) return [];
  const entry = entryDate.date;
  const steps = stepsOf(read, status, statusDate.date, entry, today);
  if (steps.length === 0) return [];
  try {
    checkHistory(null, steps, 'history');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const problem of error.fields) {
      const [, step, what] = /^history(?:\.(\d+))?\.(status|effectiveDate)$/.exec(problem.path) ?? [];
      const isEntryStep = entry !== null && steps.length === 2 && Number(step ?? 0) === 0;
      const field: ImportField =
        what === 'status' ? 'status' : isEntryStep || (entry && status === 'resident') ? 'entryDate' : 'statusDate';
      read.report(field, problem.key, problem.params);
    }
    return [];
  }
  return steps.map((step) => ({ status: step.status, effectiveDate: step.effectiveDate }));
}

/** Reads one row: every cell checked like the company form, the park and the history a row describes. */
export function interpretRow(row: TableRow, context: RowContext): { company: ImportedCompany; problems: ImportProblemRecord[] } {
  const read = cellReader(row, context.columns);
  const identity = readIdentity(read);
  const activity = readActivity(read);
  const park = readPark(read, context);
  const contact = readContact(read);
  const admin = readAdmin(read, identity.legalName);
  const history = readHistory(read, context.today);
  const company: ImportedCompany = {
    row: row.number,
    ...identity,
    ...activity,
    parkId: park?.id ?? null,
    ...contact,
    admin,
    history,
    hasProblems: read.problems.length > 0,
  };
  return { company, problems: read.problems };
}
