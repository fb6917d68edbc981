import { Text } from '@mantine/core';
import { formatGregorianDate, formatHijriDate, formatInstant } from '../../shared/calendar.js';
import { currentLocale } from '../i18n/index.js';

/** A day in the Gregorian calendar with its Hijri date beside it. */
export function LocalDate({ date }: { date: string | null | undefined }) {
  if (!date) return <span>—</span>;
  const locale = currentLocale();
  return (
    <span>
      {formatGregorianDate(date, locale)}{' '}
      <Text span c="dimmed" size="sm">
        ({formatHijriDate(date, locale)})
      </Text>
    </span>
  );
}

/** An instant in Africa/Casablanca time. */
export function LocalInstant({ instant }: { instant: string | null | undefined }) {
  if (!instant) return <span>—</span>;
  return <time dateTime={instant}>{formatInstant(instant, currentLocale())}</time>;
}
