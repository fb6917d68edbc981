import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../../../../contracts/company-imports.js';
import type { FileUpload } from '../../../../contracts/files.js';
import {
  maxSpaceImportRows,
  requiredSpaceImportFields,
  type SpaceImportPreview,
  type SpaceImportResult,
  spaceImportFields,
} from '../../../../contracts/space-imports.js';
import type { Locale } from '../../../../shared/locales.js';
import type { Executor } from '../../../db/database.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError } from '../../../platform/errors.js';
import { readTable, tableFormatOf } from '../../../platform/imports/table.js';
import { translate } from '../../../platform/messages.js';
import { spaceKindLabel } from '../labels.js';
import { buildings, floors, spaces } from '../schema.js';
import { parkRow } from '../service.js';
import { mapHeaders, type PlannedSpace, readSpaceRow, type SheetProblem } from './check.js';

type SheetBody = { file: FileUpload };
type CheckedSheet = { planned: PlannedSpace[]; problems: SheetProblem[]; rowCount: number; newBuildings: string[]; newFloors: string[] };

/** What the park has already: its buildings by code, their floors by level, its space codes. */
async function parkContents(db: Executor, parkId: string) {
  const buildingRows = await db.select().from(buildings).where(eq(buildings.parkId, parkId));
  const floorRows = buildingRows.length
    ? await db
        .select()
        .from(floors)
        .where(
          inArray(
            floors.buildingId,
            buildingRows.map((building) => building.id),
          ),
        )
    : [];
  const codes = await db.select({ code: spaces.code }).from(spaces).where(eq(spaces.parkId, parkId));
  const buildingByCode = new Map(buildingRows.map((building) => [building.code, building.id]));
  const floorByKey = new Map(floorRows.map((floor) => [`${floor.buildingId}:${floor.level}`, floor.id]));
  return { buildingByCode, floorByKey, codes: new Set(codes.map((row) => row.code)) };
}

/** Reads and checks the whole sheet against the park: every problem by row and column, or the spaces to write. */
async function checkSheet(db: Executor, parkId: string, file: SheetBody, locale: Locale): Promise<CheckedSheet> {
  const content = Buffer.from(file.file.content, 'base64');
  const rows = await readTable(content, tableFormatOf(file.file.name, content, 'file'));
  const problems: SheetProblem[] = [];
  const sheet = (key: SheetProblem['key'], params?: Record<string, string>) =>
    problems.push({ row: 0, column: null, header: null, key, params });
  const empty = { planned: [], problems, rowCount: Math.max(0, rows.length - 1), newBuildings: [], newFloors: [] };
  if (rows.length < 2) {
    sheet('spaceImport.no_rows');
    return empty;
  }
  if (rows.length - 1 > maxSpaceImportRows) {
    sheet('spaceImport.too_many_rows', { max: String(maxSpaceImportRows) });
    return empty;
  }
  const columns = mapHeaders(rows[0]);
  const missing = requiredSpaceImportFields.filter((field) => !columns.some((column) => column.field === field));
  for (const field of missing) sheet('spaceImport.missing_column', { column: translate(locale, `spaceImport.column.${field}`) });
  if (missing.length) return empty;

  const existing = await parkContents(db, parkId);
  const firstRowOfCode = new Map<string, number>();
  const planned: PlannedSpace[] = [];
  for (const row of rows.slice(1)) {
    const space = readSpaceRow(row, columns, problems, locale);
    const code = space?.code;
    if (!space || !code) continue;
    const codeColumn = columns.find((column) => column.field === 'code')?.header ?? null;
    const earlier = firstRowOfCode.get(code);
    if (earlier !== undefined) {
      problems.push({
        row: row.number,
        column: 'code',
        header: codeColumn,
        key: 'spaceImport.duplicate_in_file',
        params: { value: code, row: String(earlier) },
      });
    } else if (existing.codes.has(code)) {
      problems.push({ row: row.number, column: 'code', header: codeColumn, key: 'spaceImport.code_in_park', params: { value: code } });
    } else planned.push(space);
    if (earlier === undefined) firstRowOfCode.set(code, row.number);
  }
  const newBuildings = [...new Set(planned.map((space) => space.building).filter((code) => !existing.buildingByCode.has(code)))];
  const newFloors = [
    ...new Set(
      planned
        .filter((space) => {
          const buildingId = existing.buildingByCode.get(space.building);
          return !buildingId || !existing.floorByKey.has(`${buildingId}:${space.floor}`);
        })
        .map((space) => `${space.building} · ${space.floor}`),
    ),
  ];
  return { planned, problems, rowCount: rows.length - 1, newBuildings, newFloors };
}

function wordProblem(problem: SheetProblem, locale: Locale): ImportProblem {
  return {
    row: problem.row,
    column: problem.header ?? (problem.column ? translate(locale, `spaceImport.column.${problem.column}`) : ''),
    message: translate(locale, problem.key, problem.params),
  };
}

/** What importing this sheet would do, and every problem by row and column; writes nothing. */
export async function previewSpaceImport(
  ctx: ServiceContext,
  { park, body }: { park: string; body: SheetBody },
): Promise<SpaceImportPreview> {
  const row = await parkRow(ctx.db, park);
  ctx.actor.assertManagesPark(row.id);
  const checked = await checkSheet(ctx.db, row.id, body, ctx.locale);
  const { rowCount, newBuildings, newFloors } = checked;
  return { rowCount, newBuildings, newFloors, problems: checked.problems.map((problem) => wordProblem(problem, ctx.locale)) };
}

/** Imports every row of the sheet in one transaction (its new buildings and floors first), or none when one has a problem. */
export async function runSpaceImport(ctx: ServiceContext, { park, body }: { park: string; body: SheetBody }): Promise<SpaceImportResult> {
  return ctx.db
    .transaction(async (tx) => {
      const row = await parkRow(tx, park);
      ctx.actor.assertManagesPark(row.id);
      const checked = await checkSheet(tx, row.id, body, ctx.locale);
      if (checked.problems.length) {
        throw new AppError('validation', [
          { path: 'file', key: 'spaceImport.has_problems', params: { count: String(checked.problems.length) } },
        ]);
      }
      const { buildingByCode, floorByKey } = await parkContents(tx, row.id);
      let buildingCount = 0;
      let floorCount = 0;
      const values = [];
      for (const space of checked.planned) {
        let buildingId = buildingByCode.get(space.building);
        if (!buildingId) {
          const name = Object.keys(space.buildingName).length ? space.buildingName : { fr: space.building };
          [{ id: buildingId }] = await tx
            .insert(buildings)
            .values({ parkId: row.id, code: space.building, name })
            .returning({ id: buildings.id });
          buildingByCode.set(space.building, buildingId);
          buildingCount++;
        }
        const key = `${buildingId}:${space.floor}`;
        let floorId = floorByKey.get(key);
        if (!floorId) {
          const name = space.floorName || translate(ctx.locale, 'spaceImport.floorName', { level: space.floor });
          [{ id: floorId }] = await tx.insert(floors).values({ buildingId, level: space.floor, name }).returning({ id: floors.id });
          floorByKey.set(key, floorId);
          floorCount++;
        }
        const { row: _row, building: _building, buildingName: _name, floor: _floor, floorName: _floorName, ...fields } = space;
        values.push({ ...fields, parkId: row.id, floorId });
      }
      for (let start = 0; start < values.length; start += 500) await tx.insert(spaces).values(values.slice(start, start + 500));
      const result = { spaceCount: values.length, buildingCount, floorCount };
      await recordAudit(tx, ctx.actor, {
        action: 'space.import',
        entityType: 'park',
        entityId: row.id,
        after: { ...result, file: body.file.name, codes: values.map((value) => value.code) },
      });
      return result;
    })
    .catch((error: unknown) => {
      // A space or building added by someone else between the check and the write: the whole import is undone.
      if (violatedUniqueConstraint(error) !== null) throw new AppError('validation', [{ path: 'file', key: 'spaceImport.conflict' }]);
      throw error;
    });
}

/** The sheet to fill in: headers in the reader's language and two example rows. */
export async function spaceImportTemplate(ctx: ServiceContext, format: 'csv' | 'xlsx') {
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(ctx.locale, key, params);
  const headers = spaceImportFields.map((field) => say(`spaceImport.column.${field}`));
  const yes = say('spaceImport.yes');
  const no = say('spaceImport.no');
  const examples = [
    [
      'A',
      'Bâtiment A',
      '0',
      '',
      'A-001',
      'Bureau 1',
      'مكتب 1',
      'Office 1',
      spaceKindLabel('office', ctx.locale),
      '24,5',
      '3',
      '0',
      yes,
      no,
      yes,
    ],
    [
      'A',
      'Bâtiment A',
      '1',
      '',
      'A-101',
      'Salle de réunion',
      'قاعة اجتماعات',
      'Meeting room',
      spaceKindLabel('meeting_room', ctx.locale),
      '30',
      '0',
      '12',
      no,
      yes,
      yes,
    ],
  ];
  const filename = `spaces-import-template.${format}`;
  if (format === 'csv') {
    const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    const lines = [headers, ...examples].map((cells) => cells.map(quote).join(';'));
    return { filename, contentType: 'text/csv; charset=utf-8', body: `\uFEFF${lines.join('\r\n')}\r\n` };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Technopark';
  const sheet = workbook.addWorksheet(say('spaceImport.sheet'), {
    views: [{ rightToLeft: ctx.locale === 'ar', state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = headers.map((header) => ({ header, width: 18, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const example of examples) sheet.addRow(example);
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
