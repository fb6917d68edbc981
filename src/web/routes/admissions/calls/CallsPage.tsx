import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import { callPhases, type PublicCallSummary } from '../../../../contracts/calls.js';
import type { Page } from '../../../../contracts/lists.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api, toQuery } from '../../../api.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallKindBadge, CallPhaseBadge } from './CallBadges.js';
import { daysUntil } from './casablanca-time.js';

const pageSize = 12;

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
        {t('calls.closedOn')} <LocalInstant instant={call.closesAt} />
      </Text>
    );
  }
  return (
    <Text size="sm">
      {t('calls.deadline')} <LocalInstant instant={call.closesAt} /> · <DaysLeft closesAt={call.closesAt} />
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

export function CallsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [filters, setFilters] = useState({ phase: '', kind: '' });
  const [page, setPage] = useState(1);
  const query = { ...filters, sort: 'phase', page, pageSize };
  const calls = useQuery({
    queryKey: ['public-calls', query],
    queryFn: () => api.get<Page<PublicCallSummary>>(`/public/calls${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('calls.title')}</Title>
        <Text c="dimmed">{t('calls.intro')}</Text>
      </div>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('calls.phaseLabel')}
          placeholder={t('calls.filterAll')}
          clearable
          data={callPhases.map((value) => ({ value, label: t(`calls.phase.${value}`) }))}
          value={filters.phase || null}
          onChange={setFilter('phase')}
        />
        <Select
          label={t('calls.kindLabel')}
          placeholder={t('calls.filterAll')}
          clearable
          data={callKinds.map((value) => ({ value, label: t(`calls.kind.${value}`) }))}
          value={filters.kind || null}
          onChange={setFilter('kind')}
        />
      </Group>
      {calls.isPending && <Loader aria-label={t('common.loading')} />}
      {calls.data?.items.length === 0 && <Alert color="gray">{t('calls.none')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {calls.data?.items.map((call) => (
          <Card key={call.id} withBorder padding="md" data-testid="call-card">
            <Stack gap="xs" h="100%">
              <Group gap="xs">
                <CallPhaseBadge phase={call.phase} />
                <CallKindBadge kind={call.kind} />
              </Group>
              <Title order={2} size="h4">
                {pickText(call.title, locale)}
              </Title>
              {call.summary && <Text size="sm">{pickText(call.summary, locale)}</Text>}
              <Group gap={6} wrap="nowrap" c="dimmed">
                <IconMapPin size={16} aria-hidden />
                <Text size="sm">{call.park ? pickText(call.park.name, locale) : t('calls.networkWide')}</Text>
              </Group>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconCalendarEvent size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <CallDates call={call} />
              </Group>
              <Group mt="auto" pt="xs">
                <Button
                  renderRoot={(props) => <Link {...props} to="/calls/$slug" params={{ slug: call.slug }} />}
                  variant={call.phase === 'open' ? 'filled' : 'light'}
                >
                  {call.phase === 'open' ? t('calls.seeAndApply') : t('calls.see')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {calls.data && <Pager total={calls.data.total} pageSize={pageSize} page={page} onChange={setPage} />}
    </Stack>
  );
}
