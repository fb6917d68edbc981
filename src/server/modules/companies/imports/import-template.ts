import ExcelJS from 'exceljs';
import { type ImportField, importFields, requiredImportFields } from '../../../../contracts/company-imports.js';
import type { ExportFormat } from '../../../../contracts/lists.js';
import { pickText } from '../../../../shared/localized-text.js';
import type { ServiceContext } from '../../../platform/context.js';
import { csvConventions } from '../../../platform/export.js';
import type { Attachment } from '../../../platform/http.js';
import { translate } from '../../../platform/messages.js';
import { listParkRefs, sectorLabel, sectorLabels } from '../../parks/index.js';
import { acceptedCodes } from './import-vocabulary.js';

/**
 * The file to fill in: the recognized headers in the reader's language and one example row (a company that
 * was resident and left, to show how its history is given, and the person invited to be its admin). The XLSX adds a sheet of accepted values.
 */

const textColumns: ImportField[] = ['ice', 'rcNumber', 'ifNumber', 'patente', 'cnss', 'phone'];
const dateColumns: ImportField[] = ['creationDate', 'statusDate', 'entryDate'];

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function companyImportTemplate(ctx: ServiceContext, format: ExportFormat): Promise<Attachment> {
  const { locale } = ctx;
  const say = (key: string) => translate(locale, key);
  const ownParks = (await listParkRefs(ctx)).filter((park) => ctx.actor.managesPark(park.id));
  // French and Arabic spreadsheets in Morocco separate CSV columns with semicolons; English ones with commas.
  // The exports use the same (`csvConventions`), so that an exported file reads like the template.
  const { delimiter } = csvConventions[locale];
  const example: Record<ImportField, string> = {
    legalName: say('import.template.example.legalName'),
    brandName: say('import.template.example.brandName'),
    legalForm: say('import.legalForm.sarl'),
    ice: '002345678000091',
    rcNumber: '412345',
    rcCourt: say('import.template.example.rcCourt'),
    ifNumber: '45678901',
    patente: '34567890',
    cnss: '9876543',
    creationDate: '2021-03-15',
    sectors: [sectorLabel('fintech', locale), sectorLabel('logistics', locale)].join(delimiter === ',' ? '; ' : ', '),
    stage: say('import.stage.startup'),
    park: ownParks[0]?.slug ?? '',
    website: 'https://atlas-ds.ma',
    email: 'contact@atlas-ds.ma',
    phone: '+212 522 00 00 00',
    address: say('import.template.example.address'),
    description: say('import.template.example.description'),
    status: say('lifecycle.alumni'),
    statusDate: '2024-06-30',
    entryDate: '2021-09-01',
    adminName: say('import.template.example.adminName'),
    adminEmail: 'salma.bennani@atlas-ds.ma',
  };
  const headers = importFields.map((field) => say(`import.column.${field}`));
  const filename = `companies-import-template.${format}`;

  if (format === 'csv') {
    const lines = [headers, importFields.map((field) => example[field])].map((cells) =>
      cells.map((cell) => csvField(cell, delimiter)).join(delimiter),
    );
    return { filename, contentType: 'text/csv; charset=utf-8', body: `\uFEFF${lines.join('\r\n')}\r\n` };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Technopark';
  const views = [{ rightToLeft: locale === 'ar', state: 'frozen' as const, ySplit: 1 }];
  const sheet = workbook.addWorksheet(say('import.template.sheet'), { views });
  sheet.columns = importFields.map((field, index) => ({
    header: headers[index],
    key: field,
    width: field === 'address' || field === 'description' ? 40 : field === 'adminEmail' ? 30 : 22,
    // Identifiers and phone numbers are text: as numbers a spreadsheet drops their leading zeros.
    style: textColumns.includes(field) ? { numFmt: '@' } : dateColumns.includes(field) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  importFields.forEach((field, index) => {
    if (requiredImportFields.includes(field)) sheet.getRow(1).getCell(index + 1).font = { bold: true, color: { argb: 'FF0B7285' } };
  });
  sheet.addRow(
    Object.fromEntries(
      importFields.map((field) => [field, dateColumns.includes(field) ? new Date(`${example[field]}T00:00:00Z`) : example[field]]),
    ),
  );

  const values = workbook.addWorksheet(say('import.template.valuesSheet'), { views });
  values.columns = [
    { header: say('export.import.column'), width: 24 },
    { header: say('export.import.values'), width: 80 },
  ];
  values.getRow(1).font = { bold: true };
  values.addRow([say('import.column.legalForm'), acceptedCodes.legalForm.map((code) => say(`import.legalForm.${code}`)).join(', ')]);
  values.addRow([say('import.column.stage'), acceptedCodes.stage.map((code) => say(`import.stage.${code}`)).join(', ')]);
  values.addRow([say('import.column.sectors'), sectorLabels(acceptedCodes.sectors, locale)]);
  values.addRow([say('import.column.status'), acceptedCodes.status.map((code) => say(`lifecycle.${code}`)).join(', ')]);
  values.addRow([say('import.column.park'), ownParks.map((park) => `${park.slug} (${pickText(park.name, locale)})`).join(', ')]);
  values.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
