import type { TFunction } from 'i18next';
import { formatNumber } from '../../../../shared/calendar.js';
import type { Locale } from '../../../../shared/locales.js';

/** "2025" for a yearly report, "T2 2025" (or the reader's wording) for a quarter. */
export function periodLabel(t: TFunction, year: number, quarter: number | null): string {
  return quarter === null ? t('reports.period.year', { year }) : t('reports.period.quarter', { year, quarter });
}

/** An amount in MAD from integer centimes, with two decimals. */
export function formatMad(centimes: number, locale: Locale): string {
  return formatNumber(centimes / 100, locale, { style: 'currency', currency: 'MAD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
