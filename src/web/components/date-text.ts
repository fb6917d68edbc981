/**
 * Dates as the reader types and reads them in the date fields: day, month, year (31/12/2026) in French, Arabic
 * and English (en-GB), never the browser's mm/dd/yyyy. The fields hold yyyy-mm-dd, as the API takes it.
 */
/** Arabic-Indic and Persian digits typed on an Arabic keyboard, read as 0–9. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The yyyy-mm-dd of a date typed as day/month/year (separated by / . - or spaces; 31/3/2027 too), or already as
 * yyyy-mm-dd; null for anything else (30/02/2027, 12/31/2026, a two-digit year).
 */
export function parseDateText(text: string): string | null {
  const clean = latinDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, '')
    .trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(clean);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const local = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(clean);
  if (local) return isoDate(Number(local[3]), Number(local[2]), Number(local[1]));
  return null;
}

/** A yyyy-mm-dd written as the fields show it (31/12/2026). */
export function formatDateText(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}
