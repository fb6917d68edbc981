import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicCallSummary } from '../../../../contracts/calls.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { daysUntil } from './call-text.js';

/** When the call closes or opens, and how many days are left to apply. */
export function CallDates({ call }: { call: Pick<PublicCallSummary, 'phase' | 'opensAt' | 'closesAt'> }) {
  const { t } = useTranslation();
  if (call.phase === 'upcoming') {
    return (
      <Text size="sm">
        {t('calls.opensOn')} <LocalInstant instant={call.opensAt} />
      </Text>
    );
  }
  if (call.phase === 'closed') {
    return (
      <Text size="sm" c="dimmed">
        {t('calls.closedOn')} <LocalInstant instant={call.closesAt} hijri />
      </Text>
    );
  }
  return (
    <Text size="sm">
      {t('calls.deadline')} <LocalInstant instant={call.closesAt} hijri /> · <DaysLeft closesAt={call.closesAt} />
    </Text>
  );
}

/** How long is left to apply, in red for the last three days. */
export function DaysLeft({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const days = daysUntil(closesAt);
  return (
    <Text span size="sm" fw={700} c={days <= 3 ? 'red.8' : 'teal.9'} data-testid="days-left">
      {days <= 1 ? t('calls.lastDay') : t('calls.daysLeft', { count: formatNumber(days, currentLocale()) })}
    </Text>
  );
}
