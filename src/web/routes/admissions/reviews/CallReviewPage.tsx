import { ActionIcon, Badge, Checkbox, Drawer, Group, Loader, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconListDetails } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ranking, RankingEntry } from '../../../../contracts/reviews.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { textDirection } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallAdminTabs } from '../calls/CallAdminTabs.js';
import { ApplicationReviewPanel } from './ApplicationReviewPanel.js';
import { CallReviewDeliberations } from './CallReviewDeliberations.js';
import { DecisionBadge, ReviewScoreText, wholeBadge } from './ReviewBadges.js';

const pageSize = 50;
const statuses = ['under_review', 'admitted', 'waitlisted', 'rejected'] as const;

/** The committee's results on a call: the ranking, each file's evaluations and decision, the minutes. */
export function CallReviewPage() {
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <CallReview />
    </RequireRole>
  );
}

function CallReview() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { callId } = useParams({ from: '/admin/calls/$callId/review' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ status: '', flagged: '', sort: 'rank', order: 'asc' });
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<RankingEntry | null>(null);
  const query = { q, ...filters };
  const ranking = useQuery({
    queryKey: ['ranking', callId, query, page, locale],
    queryFn: () => api.get<Ranking>(`/calls/${callId}/ranking${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };

  if (ranking.error instanceof ApiError && ranking.error.status === 404) return <NotFoundPage />;
  if (!ranking.data) return <Loader aria-label={t('common.loading')} />;
  const { call, items, total } = ranking.data;

  return (
    <Stack gap="lg">
      <CallAdminTabs callId={callId} active="review" />
      <div>
        <Title order={1}>{pickText(call.title, locale)}</Title>
        <Text c="dimmed">
          {t('reviews.ranking.intro', {
            min: call.scoreMin,
            max: call.scoreMax,
            threshold: formatNumber(call.spreadThreshold, locale, { maximumFractionDigits: 2 }),
          })}
        </Text>
      </div>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <Select
          label={t('reviews.ranking.status')}
          clearable
          placeholder={t('reviews.mine.allStatuses')}
          data={statuses.map((value) => ({ value, label: t(`reviews.applicationStatus.${value}`) }))}
          value={filters.status || null}
          onChange={setFilter('status')}
        />
        <SortControls
          fields={['rank', 'reference', 'companyName', 'spread'].map((value) => ({ value, label: t(`reviews.ranking.sort.${value}`) }))}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <Checkbox
          label={t('reviews.ranking.flaggedOnly')}
          checked={filters.flagged === 'true'}
          onChange={(event) => setFilter('flagged')(event.currentTarget.checked ? 'true' : '')}
          mb={8}
        />
        <ExportButtons path={`/calls/${callId}/ranking/export`} filters={query} />
      </Group>

      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover withTableBorder data-testid="ranking">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('reviews.rank')}</Table.Th>
              <Table.Th>{t('reviews.ranking.application')}</Table.Th>
              <Table.Th>{t('reviews.score')}</Table.Th>
              <Table.Th>{t('reviews.ranking.spread')}</Table.Th>
              <Table.Th>{t('reviews.ranking.status')}</Table.Th>
              <Table.Th>{t('reviews.ranking.members')}</Table.Th>
              {call.criteria.map((criterion) => (
                <Table.Th key={criterion.id}>
                  {pickText(criterion.label, locale)}{' '}
                  <Text span size="xs" c="dimmed">
                    ×{criterion.weight}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <RankingRow key={entry.applicationId} entry={entry} ranking={ranking.data} onOpen={() => setOpened(entry)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && <Text c="dimmed">{t('reviews.ranking.empty')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('common.total', { count: total })}
        </Text>
        <Pager total={total} pageSize={pageSize} page={page} onChange={setPage} />
      </Group>

      <CallReviewDeliberations callId={callId} canRecord={call.canDecide} />
      {/* One file's evaluations and decision in a side sheet: the ranking stays in view, and on a phone it takes the screen. */}
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        position={textDirection(locale) === 'rtl' ? 'left' : 'right'}
        size="min(960px, 100%)"
        closeButtonProps={{ 'aria-label': t('reviews.ranking.closeFile') }}
        title={opened ? `${opened.reference} · ${opened.companyName}` : ''}
      >
        {opened && <ApplicationReviewPanel applicationId={opened.applicationId} />}
      </Drawer>
    </Stack>
  );
}

function RankingRow({ entry, ranking, onOpen }: { entry: RankingEntry; ranking: Ranking; onOpen: () => void }) {
  const { t } = useTranslation();
  const { call } = ranking;
  return (
    <Table.Tr data-testid="ranking-row" bg={entry.flagged ? 'orange.0' : undefined}>
      <Table.Td>
        <ActionIcon
          variant="light"
          onClick={onOpen}
          aria-label={t('reviews.ranking.open', { reference: entry.reference })}
          data-testid="open-review"
        >
          <IconListDetails size={16} />
        </ActionIcon>
      </Table.Td>
      <Table.Td>
        <Text fw={700}>{entry.rank ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
          {entry.reference}
        </Text>
        <Text size="sm">{entry.companyName}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={700}>
          <ReviewScoreText score={entry.score} max={call.scoreMax} />
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ReviewScoreText score={entry.spread} />
          {entry.flagged && (
            <Tooltip label={t('reviews.flagged')}>
              <Badge
                color="orange"
                variant="light"
                styles={wholeBadge}
                leftSection={<IconAlertTriangle size={12} />}
                data-testid="spread-flag"
              >
                {t('reviews.ranking.flag')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {entry.decision ? (
          <DecisionBadge decision={entry.decision} />
        ) : (
          <Badge variant="light" color="blue" styles={wholeBadge}>
            {t(`reviews.applicationStatus.${entry.status}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('reviews.ranking.memberCounts', { scored: entry.scoredCount, assigned: entry.assignedCount })}
        </Text>
        {entry.conflictCount > 0 && (
          <Text size="xs" c="var(--mantine-color-orange-light-color)">
            {t('reviews.ranking.conflicts', { count: entry.conflictCount })}
          </Text>
        )}
      </Table.Td>
      {call.criteria.map((criterion) => (
        <Table.Td key={criterion.id}>
          <ReviewScoreText score={entry.criterionMeans.find((mean) => mean.criterionId === criterion.id)?.mean ?? null} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
