import { ActionIcon, Badge, Checkbox, Drawer, Group, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconListDetails } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ranking, RankingEntry } from '../../../../contracts/reviews.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { textDirection } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { ListExport, ListSearch, ListSort } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallAdminTabs } from '../calls/CallAdminTabs.js';
import { ApplicationReviewPanel } from './ApplicationReviewPanel.js';
import { CallReviewDeliberations } from './CallReviewDeliberations.js';
import { DecisionBadge, ReviewScoreText, wholeBadge } from './ReviewBadges.js';

const statuses = ['under_review', 'admitted', 'waitlisted', 'rejected'] as const;

/** The committee's results on a call: the ranking, each file's evaluations and decision, the minutes. */
export function CallReviewPage() {
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <CallReview />
    </RequireRole>
  );
}

const defaults = { status: '', flagged: '', sort: 'rank', order: 'asc' };
type RankingList = ListPage<RankingEntry, typeof defaults>;

/** Search, status, sort and the "large spread only" switch of a ranking, and its export. */
function RankingFilters({ list }: { list: RankingList }) {
  const { t } = useTranslation();
  const { filters, setFilter } = list;
  return (
    <Group align="flex-end" gap="sm">
      <ListSearch list={list} />
      <Select
        label={t('reviews.ranking.status')}
        clearable
        placeholder={t('reviews.mine.allStatuses')}
        data={statuses.map((value) => ({ value, label: t(`reviews.applicationStatus.${value}`) }))}
        value={filters.status || null}
        onChange={setFilter('status')}
      />
      <ListSort
        list={list}
        fields={['rank', 'reference', 'companyName', 'spread'].map((value) => ({ value, label: t(`reviews.ranking.sort.${value}`) }))}
      />
      <Checkbox
        label={t('reviews.ranking.flaggedOnly')}
        checked={filters.flagged === 'true'}
        onChange={(event) => setFilter('flagged')(event.currentTarget.checked ? 'true' : '')}
        mb={8}
      />
      <ListExport list={list} />
    </Group>
  );
}

function RankingTable({ ranking, onOpen }: { ranking: Ranking; onOpen: (entry: RankingEntry) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
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
            {ranking.call.criteria.map((criterion) => (
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
          {ranking.items.map((entry) => (
            <RankingRow key={entry.applicationId} entry={entry} ranking={ranking} onOpen={() => onOpen(entry)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CallReview() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { callId } = useParams({ from: '/admin/calls/$callId/review' });
  const [opened, setOpened] = useState<RankingEntry | null>(null);
  const list = useListPage<RankingEntry, typeof defaults>({ path: `/calls/${callId}/ranking`, defaults, pageSize: 50 });
  // The ranking's page carries its call (scale, threshold, grid) above the rows.
  const ranking = list.query.data as Ranking | undefined;

  if (list.query.error instanceof ApiError && list.query.error.status === 404) return <NotFoundPage />;
  if (!ranking) return <Loading />;
  const { call } = ranking;

  return (
    <Stack gap="lg">
      <CallAdminTabs callId={callId} active="review" />
      <div>
        <Title order={1}>
          <Bdi>{pickText(call.title, locale)}</Bdi>
        </Title>
        <Text c="dimmed">
          {t('reviews.ranking.intro', {
            min: call.scoreMin,
            max: call.scoreMax,
            threshold: formatNumber(call.spreadThreshold, locale, { maximumFractionDigits: 2 }),
          })}
        </Text>
      </div>
      <RankingFilters list={list} />
      <RankingTable ranking={ranking} onOpen={setOpened} />
      <ListFooter list={list} empty={t('reviews.ranking.empty')} />

      <CallReviewDeliberations callId={callId} canRecord={call.canDecide} />
      {/* One file's evaluations and decision in a side sheet: the ranking stays in view, and on a phone it takes the screen. */}
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        position={textDirection(locale) === 'rtl' ? 'left' : 'right'}
        size="min(960px, 100%)"
        closeButtonProps={{ 'aria-label': t('reviews.ranking.closeFile') }}
        title={
          opened ? (
            <>
              <Bdi ltr>{opened.reference}</Bdi> · <Bdi>{opened.companyName}</Bdi>
            </>
          ) : (
            ''
          )
        }
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
          <Bdi ltr>{entry.reference}</Bdi>
        </Text>
        <Text size="sm">
          <Bdi>{entry.companyName}</Bdi>
        </Text>
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
