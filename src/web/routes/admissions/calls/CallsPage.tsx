import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import { callPhases, type PublicCallSummary } from '../../../../contracts/calls.js';
import { pickText } from '../../../../shared/localized-text.js';
import { Loading } from '../../../components/Loading.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallKindBadge, CallPhaseBadge } from './CallBadges.js';
import { CallDates } from './CallDates.js';

/** One published call: its phase and kind, title, summary, park and dates, and the way in. */
function CallCard({ call }: { call: PublicCallSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder padding="md" data-testid="call-card">
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
  );
}

/** The published calls for anyone: open ones first, then upcoming, then closed; filters in the address. */
export function CallsPage() {
  const { t } = useTranslation();
  const list = useListPage<PublicCallSummary>({
    path: '/public/calls',
    defaults: { phase: '', kind: '', sort: 'phase', order: 'asc' },
    pageSize: 12,
  });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('calls.title')}</Title>
        <Text c="dimmed">{t('calls.intro')}</Text>
      </div>
      <ListToolbar
        list={list}
        filters={[
          {
            name: 'phase',
            label: t('calls.phaseLabel'),
            options: callPhases.map((value) => ({ value, label: t(`calls.phase.${value}`) })),
            placeholder: t('calls.filterAll'),
          },
          {
            name: 'kind',
            label: t('calls.kindLabel'),
            options: callKinds.map((value) => ({ value, label: t(`calls.kind.${value}`) })),
            placeholder: t('calls.filterAll'),
          },
        ]}
      />
      {list.query.isPending && <Loading />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.query.data?.items.map((call) => (
          <CallCard key={call.id} call={call} />
        ))}
      </SimpleGrid>
      <ListFooter list={list} empty={t('calls.none')} />
    </Stack>
  );
}
