import { companyStages, legalForms } from '../../../../contracts/companies.js';
import { type ImportField, importFields, requiredImportFields } from '../../../../contracts/company-imports.js';
import { sectors } from '../../../../contracts/parks.js';
import { type LifecycleStatus, lifecycleStatuses } from '../../../../shared/company-lifecycle.js';
import { type Locale, locales } from '../../../../shared/locales.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { type TableRow, textOf } from '../../../platform/imports/table.js';
import { translate } from '../../../platform/messages.js';
import { sectorLabel } from '../../parks/index.js';
import type { ColumnMapping, ImportProblemRecord } from './import-problems.js';

/**
 * The words of an import file: which column is which (headers in French, Arabic or English, with their
 * variants) and the spellings of each kind of value (codes and labels in the three languages), parks
 * by short name, name or city.
 */
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

export const compact = (text: string) => normalizeLabel(text).replace(/ /g, '');
/** Headers may carry hints in brackets or a star for required columns: "Date de création (aaaa-mm-jj) *". */
export const headerKey = (text: string) => compact(text.replace(/\([^)]*\)|\[[^\]]*\]|\*/g, ' '));

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
  adminName: ['nom administrateur', 'administrateur', 'nom du responsable', 'responsable', 'admin name', 'company admin', 'اسم المسؤول'],
  adminEmail: [
    'e-mail administrateur',
    "e-mail de l'administrateur",
    'courriel administrateur',
    'e-mail du responsable',
    'admin e-mail',
    'admin email',
    'company admin e-mail',
    'البريد الإلكتروني للمسؤول',
  ],
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

/**
 * Built on first use, not when this file loads: the labels come from the wording catalog, which the
 * modules fill when they are installed (after every file is loaded).
 */
function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

const headerIndex = onFirstUse(() =>
  buildIndex<ImportField>(
    importFields.flatMap((field) => [
      [headerKey(field), field] as [string, ImportField],
      ...locales.map((locale) => [headerKey(translate(locale, `import.column.${field}`)), field] as [string, ImportField]),
      ...headerExtras[field].map((alias) => [headerKey(alias), field] as [string, ImportField]),
    ]),
    'columns',
  ),
);

/** Spellings of a value: its code, its label in each language, and the label without or inside brackets. */
function valueIndex<Code extends string>(
  codes: readonly Code[],
  labelOf: (code: Code, locale: Locale) => string,
  extras: [string, Code][],
  what: string,
) {
  const entries: [string, Code][] = [];
  for (const code of codes) {
    entries.push([compact(code), code]);
    for (const locale of locales) {
      const label = labelOf(code, locale);
      entries.push([compact(label), code]);
      const bracketed = /\(([^)]*)\)/.exec(label);
      if (bracketed) entries.push([compact(label.replace(bracketed[0], '')), code], [compact(bracketed[1]), code]);
    }
  }
  for (const [alias, code] of extras) entries.push([compact(alias), code]);
  return buildIndex(entries, what);
}

export const legalFormIndex = onFirstUse(() =>
  valueIndex(
    legalForms,
    (code, locale) => translate(locale, `import.legalForm.${code}`),
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
  ),
);

export const stageIndex = onFirstUse(() =>
  valueIndex(
    companyStages,
    (code, locale) => translate(locale, `import.stage.${code}`),
    [
      ['start-up', 'startup'],
      ['jeune pousse', 'startup'],
      ['très petite entreprise', 'tpe'],
      ['petite et moyenne entreprise', 'sme'],
      ['GE', 'large'],
      ['large', 'large'],
    ],
    'stages',
  ),
);

export const sectorIndex = onFirstUse(() =>
  valueIndex(
    sectors,
    // The parks' wording of sectors, the one the exports and the web app use.
    sectorLabel,
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
  ),
);

export const statusIndex = onFirstUse(() =>
  valueIndex(
    lifecycleStatuses,
    (code, locale) => translate(locale, `lifecycle.${code}`),
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
  ),
);

/** Statuses that say the company left or ended: their date matters for the figures, so it must be given. */
export const datedStatuses: readonly LifecycleStatus[] = ['alumni', 'closed', 'merged_acquired'];

/** Recognizes the header row. Required columns that are missing, and columns given twice, are problems of row 1. */
export function mapColumns(header: TableRow): { columns: ColumnMapping; problems: ImportProblemRecord[] } {
  const seen = new Set<ImportField>();
  const problems: ImportProblemRecord[] = [];
  const columns = header.cells.map((cell) => {
    const text = textOf(cell);
    const field = text ? (headerIndex().get(headerKey(text)) ?? null) : null;
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

/** Spellings accepted for each kind of value, for the template's list of accepted values. */
export const acceptedCodes = { legalForm: legalForms, stage: companyStages, sectors, status: lifecycleStatuses } as const;
