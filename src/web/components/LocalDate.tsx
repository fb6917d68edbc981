import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatGregorianDate, formatHijriDate, formatInstant, formatInstantHijriDate } from '../../shared/calendar.js';
import { currentLocale } from '../i18n/index.js';

/** A day in the Gregorian calendar with its Hijri date beside it, isolated from the words and names around it. */
export function LocalDate({ date }: { date: string | null | undefined }) {
  if (!date) return <span>—</span>;
  const locale = currentLocale();
  return (
    <bdi>
      {formatGregorianDate(date, locale)}{' '}
      <Text span c="dimmed" size="sm">
        ({formatHijriDate(date, locale)})
      </Text>
    </bdi>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * An instant on the park's clock, saying so ("15 jan. 2027, 17:00 heure du Maroc"), the same in every browser
 * (src/shared/morocco-time.ts) and as exports and e-mails write it; `hijri` adds the Hijri date of that local day
 * (deadlines). Isolated (`<bdi>`): beside a name on one line, neither moves around the other.
 */
export function LocalInstant({ instant, hijri = false }: { instant: string | null | undefined; hijri?: boolean }) {
  const { t } = useTranslation();
  if (!instant) return <span>—</span>;
  const locale = currentLocale();
  return (
    <bdi data-testid="local-instant">
      <time dateTime={instant}>{formatInstant(instant, locale)}</time>{' '}
      <Text span c="dimmed" size="sm">
        <span style={nowrap}>{t('time.morocco')}</span>
        {hijri && (
          <>
            {' '}
            <span style={nowrap}>({formatInstantHijriDate(instant, locale)})</span>
          </>
        )}
      </Text>
    </bdi>
  );
}
