/** The separator of an export: `;` in French and Arabic, `,` in English (the more frequent in its header). */
function delimiterOf(text: string): string {
  const header = text.split('\r\n', 1)[0];
  const count = (char: string) => header.split(char).length;
  return count(';') > count(',') ? ';' : ',';
}

/** The rows of an exported CSV (header first), its byte-order mark dropped and quoted fields read whole. */
export function csvRows(body: string): string[][] {
  const text = body.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** One column of an exported CSV, without its header. */
export const csvColumn = (body: string, index: number) =>
  csvRows(body)
    .slice(1)
    .map((row) => row[index]);
