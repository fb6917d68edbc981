import { type SpaceKind, spaceKinds } from '../../../../contracts/parks.js';
import { type SpaceImportField, spaceImportFields } from '../../../../contracts/space-imports.js';
import { locales } from '../../../../shared/locales.js';
import { compactText, type SomeLanguagesText, textInItsLanguage } from '../../../../shared/localized-text.js';
import { type CellValue, type TableRow, textOf } from '../../../platform/imports/table.js';
import { type MessageKey, translate } from '../../../platform/messages.js';
import { spaceKindLabel } from '../labels.js';

/** A problem of the sheet: its row as numbered in the file (0: the whole sheet), its column, the message key. */
export type SheetProblem = {
  row: number;
  column: SpaceImportField | null;
  header: string | null;
  key: MessageKey;
  params?: Record<string, string>;
};

export type PlannedSpace = {
  row: number;
  building: string;
  buildingName: SomeLanguagesText;
  floor: number;
  floorName: string;
  code: string;
  name: SomeLanguagesText;
  kind: SpaceKind;
  areaM2: number;
  desks: number;
  seats: number;
  leasable: boolean;
  bookable: boolean;
  active: boolean;
};

/** Lower case, without accents, spaces or punctuation: "Surface (m²)" and "surface m2" are one header. */
export function compactWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Each field by its header in any language, and by its own name. */
function headerIndex(): Map<string, SpaceImportField> {
  const index = new Map<string, SpaceImportField>();
  for (const field of spaceImportFields) {
    index.set(compactWord(field), field);
    for (const locale of locales) index.set(compactWord(translate(locale, `spaceImport.column.${field}`)), field);
  }
  return index;
}

function kindIndex(): Map<string, SpaceKind> {
  const index = new Map<string, SpaceKind>();
  for (const kind of spaceKinds) {
    index.set(compactWord(kind), kind);
    for (const locale of locales) index.set(compactWord(spaceKindLabel(kind, locale)), kind);
  }
  return index;
}

const yesWords = new Set(['oui', 'yes', 'نعم', 'true', 'vrai', '1', 'x'].map(compactWord));
const noWords = new Set(['non', 'no', 'لا', 'false', 'faux', '0'].map(compactWord));

/** A number as typed in any of the three languages: "24,5", "24.5", Arabic-Indic digits. */
function numberOf(cell: CellValue | undefined): number | null | undefined {
  if (typeof cell === 'number') return cell;
  const text = textOf(cell)
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!text) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

export type SheetColumns = { header: string; field: SpaceImportField | null }[];

export function mapHeaders(header: TableRow): SheetColumns {
  const index = headerIndex();
  const seen = new Set<SpaceImportField>();
  return header.cells.map((cell) => {
    const text = textOf(cell);
    const field = index.get(compactWord(text)) ?? null;
    if (field && seen.has(field)) return { header: text, field: null };
    if (field) seen.add(field);
    return { header: text, field };
  });
}

/** Reads and checks one row; its problems go to `problems`, each on its column. */
export function readSpaceRow(
  row: TableRow,
  columns: SheetColumns,
  problems: SheetProblem[],
  locale: 'fr' | 'ar' | 'en',
): PlannedSpace | null {
  const before = problems.length;
  const position = new Map(columns.flatMap((column, index) => (column.field ? [[column.field, index] as const] : [])));
  const cell = (field: SpaceImportField) => {
    const index = position.get(field);
    return index === undefined ? undefined : row.cells[index];
  };
  const text = (field: SpaceImportField) => textOf(cell(field));
  const report = (field: SpaceImportField, key: MessageKey, params?: Record<string, string>) => {
    const index = position.get(field);
    problems.push({ row: row.number, column: field, header: index === undefined ? null : columns[index].header, key, params });
  };
  const required = (field: SpaceImportField, max: number) => {
    const value = text(field);
    if (!value) report(field, 'spaceImport.required');
    else if (value.length > max) report(field, 'spaceImport.too_long', { max: String(max) });
    return value;
  };
  const optional = (field: SpaceImportField, max: number) => {
    const value = text(field);
    if (value.length > max) report(field, 'spaceImport.too_long', { max: String(max) });
    return value;
  };
  const whole = (field: SpaceImportField, fallback: number | null, min: number, max: number) => {
    const value = numberOf(cell(field));
    if (value === undefined) {
      if (fallback === null) report(field, 'spaceImport.required');
      return fallback ?? 0;
    }
    if (value === null || !Number.isInteger(value) || value < min || value > max) {
      report(field, 'spaceImport.not_whole_number', { value: text(field) });
      return 0;
    }
    return value;
  };
  const yesNo = (field: SpaceImportField, fallback: boolean) => {
    const value = compactWord(text(field));
    if (!value) return fallback;
    if (yesWords.has(value)) return true;
    if (noWords.has(value)) return false;
    report(field, 'spaceImport.not_yes_no', { value: text(field) });
    return fallback;
  };

  const building = required('building', 20);
  const floor = whole('floor', null, -5, 200);
  const code = required('code', 30);
  const kindText = text('kind');
  const kind = kindIndex().get(compactWord(kindText));
  if (!kindText) report('kind', 'spaceImport.required');
  else if (!kind) {
    const accepted = spaceKinds.map((value) => spaceKindLabel(value, locale)).join(', ');
    report('kind', 'spaceImport.unknown_kind', { value: kindText, accepted });
  }
  const area = numberOf(cell('areaM2'));
  if (area === undefined) report('areaM2', 'spaceImport.required');
  else if (area === null) report('areaM2', 'spaceImport.not_number', { value: text('areaM2') });
  else if (area <= 0 || area > 100000) report('areaM2', 'spaceImport.not_positive');
  const name = compactText({ fr: optional('nameFr', 120), ar: optional('nameAr', 120), en: optional('nameEn', 120) });
  const planned = {
    row: row.number,
    building,
    buildingName: textInItsLanguage(optional('buildingName', 120)),
    floor,
    floorName: optional('floorName', 60),
    code,
    name: Object.keys(name).length ? name : { fr: code },
    kind: kind ?? 'office',
    areaM2: Math.round((area ?? 0) * 100) / 100,
    desks: whole('desks', 0, 0, 10000),
    seats: whole('seats', 0, 0, 10000),
    leasable: yesNo('leasable', !['meeting_room', 'event_room', 'studio', 'coworking_desk'].includes(kind ?? 'office')),
    bookable: yesNo('bookable', ['meeting_room', 'event_room', 'studio', 'coworking_desk'].includes(kind ?? 'office')),
    active: yesNo('active', true),
  };
  if (!planned.leasable && !planned.bookable) report('leasable', 'spaceImport.needs_use');
  return problems.length === before ? planned : null;
}
