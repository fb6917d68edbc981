import type { z } from 'zod';
import { type CompanyStage, companyProfileFields, companyStages, type legalFormSchema, legalForms } from '../../../contracts/companies.js';
import { type ImportField, importFields, requiredImportFields } from '../../../contracts/company-imports.js';
import { sectors } from '../../../contracts/parks.js';
import { initialStatuses, type LifecycleStatus, lifecycleStatuses } from '../../../shared/company-lifecycle.js';
import { locales } from '../../../shared/locales.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { AppError } from '../../platform/errors.js';
import { isMessageKey, type MessageKey, translate } from '../../platform/messages.js';
import type { CellValue, TableRow } from './import-parse.js';
import { checkHistory, type StatusStep } from './lifecycle.js';

/**
 * What the rows of an import file mean: which column is which (headers in French, Arabic or English), each
 * cell read and checked with the same rules as the company form, and the lifecycle history a row describes.
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

/** A park a row may name: by short name, by name in any language (with or without "Technopark"), by id. */
export type ParkChoice = { id: string; slug: string; name: LocalizedText; city: LocalizedText };

/** Lowercase, without accents, Arabic diacritics or punctuation; Arabic letter variants made one. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0640/g, '')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (text: string) => normalizeLabel(text).replace(/ /g, '');
/** Headers may carry hints in brackets or a star for required columns: "Date de création (aaaa-mm-jj) *". */
const headerKey = (text: string) => compact(text.replace(/\([^)]*\)|\[[^\]]*\]|\*/g, ' '));

const headerExtras: Record<ImportField, string[]> = {
  legalName: [
    'dénomination',
    'dénomination sociale',
    "nom de l'entreprise",
    'entreprise',
    'société',
    'nom',
    'company',
    'company name',
    'name',
    'اسم الشركة',
    'اسم المقاولة',
    'الشركة',
    'المقاولة',
  ],
  brandName: ['enseigne', 'marque', 'trade name', 'brand'],
  legalForm: ['forme', 'statut juridique', 'الشكل القانوني للشركة'],
  ice: ["identifiant commun de l'entreprise", 'n° ICE', 'numéro ICE', 'التعريف الموحد للمقاولة', 'التعريف الموحد'],
  rcNumber: [
    'registre de commerce',
    'registre du commerce',
    'n° RC',
    'numéro RC',
    'commercial register',
    'trade register',
    'رقم السجل التجاري',
  ],
  rcCourt: ['tribunal RC', 'tribunal de commerce', 'court', 'greffe', 'المحكمة التجارية'],
  ifNumber: ['identifiant fiscal', 'n° IF', 'tax id', 'tax identifier', 'IF number', 'التعريف الجبائي'],
  patente: ['taxe professionnelle', 'TP', 'n° patente', 'business tax'],
  cnss: ['n° CNSS', 'numéro CNSS', 'affiliation CNSS', 'الضمان الاجتماعي'],
  creationDate: ['date création', 'founded', 'founding date', 'date of creation', 'تاريخ التأسيس'],
  sectors: ['secteur', "secteur d'activité", "secteurs d'activité", 'sector', 'القطاع'],
  stage: ['maturité', 'stade de maturité'],
  park: ['technopark', 'حديقة'],
  website: ['site', 'site internet', 'web', 'url', 'الموقع'],
  email: ['courriel', 'mail', 'adresse e-mail', 'البريد'],
  phone: ['tél', 'tel', 'gsm', 'mobile', 'phone number', 'رقم الهاتف'],
  address: ['adresse postale', 'siège', 'siège social'],
  description: ['activité', 'activity', 'النشاط'],
  status: ['situation', 'lifecycle status', 'statut dans le parc'],
  statusDate: ['date statut', 'date de statut'],
  entryDate: ['date entrée', "date d'entrée au parc", 'move-in date', 'تاريخ الالتحاق'],
};

function buildIndex<Code extends string>(entries: [string, Code][], what: string): Map<string, Code> {
  const index = new Map<string, Code>();
  for (const [label, code] of entries) {
    const key = label;
    if (!key) continue;
    const existing = index.get(key);
    // Two meanings for one spelling would make a file mean what the code's order says: refuse at start.
    if (existing !== undefined && existing !== code) throw new Error(`import: "${key}" names two ${what}: ${existing} and ${code}`);
    index.set(key, code);
  }
  return index;
}

const headerIndex = buildIndex<ImportField>(
  importFields.flatMap((field) => [
    [headerKey(field), field] as [string, ImportField],
    ...locales.map((locale) => [headerKey(translate(locale, `import.column.${field}`)), field] as [string, ImportField]),
    ...headerExtras[field].map((alias) => [headerKey(alias), field] as [string, ImportField]),
  ]),
  'columns',
);

/** Spellings of a value: its code, its label in each language, and the label without or inside brackets. */
function valueIndex<Code extends string>(codes: readonly Code[], labelKey: (code: Code) => string, extras: [string, Code][], what: string) {
  const entries: [string, Code][] = [];
  for (const code of codes) {
    entries.push([compact(code), code]);
    for (const locale of locales) {
      const label = translate(locale, labelKey(code));
      entries.push([compact(label), code]);
      const bracketed = /\(([^)]*)\)/.exec(label);
      if (bracketed) entries.push([compact(label.replace(bracketed[0], '')), code], [compact(bracketed[1]), code]);
    }
  }
  for (const [alias, code] of extras) entries.push([compact(alias), code]);
  return buildIndex(entries, what);
}

const legalFormIndex = valueIndex(
  legalForms,
  (code) => `import.legalForm.${code}`,
  [
    ['SARL associé unique', 'sarl_au'],
    ['SARLU', 'sarl_au'],
    ['LLC', 'sarl'],
    ['personne physique', 'sole_proprietorship'],
    ['EI', 'sole_proprietorship'],
    ['succursale', 'foreign_branch'],
    ['société en nom collectif', 'snc'],
    ['société en commandite simple', 'scs'],
    ['société anonyme', 'sa'],
    ['société par actions simplifiée', 'sas'],
  ],
  'legal forms',
);
const stageIndex = valueIndex(
  companyStages,
  (code) => `import.stage.${code}`,
  [
    ['start-up', 'startup'],
    ['jeune pousse', 'startup'],
    ['très petite entreprise', 'tpe'],
    ['petite et moyenne entreprise', 'sme'],
    ['GE', 'large'],
    ['large', 'large'],
  ],
  'stages',
);
const sectorIndex = valueIndex(
  sectors,
  (code) => `import.sector.${code}`,
  [
    ['TIC', 'ict'],
    ['IT', 'ict'],
    ['informatique', 'ict'],
    ['outsourcing', 'offshoring'],
    ['cleantech', 'greentech'],
    ['ICC', 'cultural_creative'],
    ['santé', 'healthtech'],
    ['pêche', 'fisheries'],
  ],
  'sectors',
);
const statusIndex = valueIndex(
  lifecycleStatuses,
  (code) => `lifecycle.${code}`,
  [
    ['candidat', 'applicant'],
    ['admis', 'admitted'],
    ['résident', 'resident'],
    ['membre non résident', 'non_resident_member'],
    ['non résident', 'non_resident_member'],
    ['non-resident', 'non_resident_member'],
    ['ancien résident', 'alumni'],
    ['lauréat', 'alumni'],
    ['sortie', 'alumni'],
    ['fermé', 'closed'],
    ['cessation', 'closed'],
    ['fusionnée', 'merged_acquired'],
    ['rachetée', 'merged_acquired'],
    ['acquise', 'merged_acquired'],
    ['merged', 'merged_acquired'],
    ['acquired', 'merged_acquired'],
  ],
  'statuses',
);

/** Statuses that say the company left or ended: their date matters for the figures, so it must be given. */
const datedStatuses: readonly LifecycleStatus[] = ['alumni', 'closed', 'merged_acquired'];

/** Recognizes the header row. Required columns that are missing, and columns given twice, are problems of row 1. */
export function mapColumns(header: TableRow): { columns: ColumnMapping; problems: ImportProblemRecord[] } {
  const seen = new Set<ImportField>();
  const problems: ImportProblemRecord[] = [];
  const columns = header.cells.map((cell) => {
    const text = textOf(cell);
    const field = text ? (headerIndex.get(headerKey(text)) ?? null) : null;
    if (field && seen.has(field)) {
      problems.push({ row: header.number, column: text, field, key: 'import.column_twice', params: { column: `import.column.${field}` } });
      return { header: text, field: null };
    }
    if (field) seen.add(field);
    return { header: text, field };
  });
  for (const field of requiredImportFields) {
    if (!seen.has(field)) {
      problems.push({
        row: header.number,
        column: null,
        field,
        key: 'import.column_missing',
        params: { column: `import.column.${field}` },
      });
    }
  }
  return { columns, problems };
}

/**
 * Parks by every spelling a file may use. Ids and short names come first, then full names, then names without
 * "Technopark" and cities; a spelling two parks share at the same level (a city with two parks) names neither.
 */
export function parkIndex(parks: ParkChoice[]): Map<string, ParkChoice> {
  const levels: ((park: ParkChoice) => (string | undefined)[])[] = [
    (park) => [park.id, park.slug],
    (park) => locales.map((locale) => park.name[locale]),
    (park) => locales.flatMap((locale) => [park.name[locale]?.replace(/^\s*(technopark|تكنوبارك)\s+/i, ''), park.city[locale]]),
  ];
  const index = new Map<string, ParkChoice>();
  for (const spellings of levels) {
    const level = new Map<string, ParkChoice | null>();
    for (const park of parks) {
      for (const spelling of spellings(park)) {
        const key = spelling ? compact(spelling) : '';
        if (!key || index.has(key)) continue;
        const existing = level.get(key);
        level.set(key, existing === undefined || existing?.id === park.id ? park : null);
      }
    }
    for (const [key, park] of level) if (park) index.set(key, park);
  }
  return index;
}

/** A cell as trimmed text: dates as yyyy-mm-dd, whole numbers without exponent. */
export function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDateOfCell(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  return String(cell).trim();
}

function isoDateOfCell(date: Date): string {
  // Spreadsheet dates carry no time zone: exceljs gives them at midnight UTC, so the UTC day is the day written.
  return date.toISOString().slice(0, 10);
}

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
  const legalForm = lookup('legalForm', legalFormIndex, 'import.unknown_legal_form');

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
    const found = sectorIndex.get(compact(value));
    if (found) sectorCodes.add(found);
    else report('sectors', 'import.unknown_sector', { value });
  }

  const stage = lookup('stage', stageIndex, 'import.unknown_stage');
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

  const status = lookup('status', statusIndex, 'import.unknown_status');
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

/** Spellings accepted for each kind of value, for the template's list of accepted values. */
export const acceptedCodes = { legalForm: legalForms, stage: companyStages, sectors, status: lifecycleStatuses } as const;
