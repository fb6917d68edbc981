import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from './date-text.js';

describe('dates typed in the date fields', () => {
  it('reads day, month, year, as French, Arabic and British readers write them', () => {
    expect(parseDateText('31/03/2027')).toBe('2027-03-31');
    expect(parseDateText('1/3/2027')).toBe('2027-03-01');
    expect(parseDateText(' 31.03.2027 ')).toBe('2027-03-31');
    expect(parseDateText('31-03-2027')).toBe('2027-03-31');
    expect(parseDateText('31 03 2027')).toBe('2027-03-31');
    // Arabic-Indic digits from an Arabic keyboard, and the marks Intl puts in Arabic dates.
    expect(parseDateText('٣١/٠٣/٢٠٢٧')).toBe('2027-03-31');
    expect(parseDateText('31\u200f/03\u200f/2027')).toBe('2027-03-31');
    expect(parseDateText('2027-03-31')).toBe('2027-03-31');
  });

  it('refuses what is no day of the calendar, and the American order', () => {
    for (const text of ['30/02/2027', '12/31/2026', '31/03/27', '2027-13-01', '00/01/2027', 'demain', '', '31/03/2027 10:00']) {
      expect(parseDateText(text), text).toBeNull();
    }
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
  });

  it('writes a date as the fields show it', () => {
    expect(formatDateText('2027-03-01')).toBe('01/03/2027');
    expect(parseDateText(formatDateText('2026-12-31'))).toBe('2026-12-31');
  });
});
