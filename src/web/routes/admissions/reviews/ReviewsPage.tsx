import { Anchor, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../contracts/lists.js';
import { type AssignedApplication, memberReviewStatuses } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { ReviewMemberStatusBadge } from './ReviewBadges.js';

const pageSize = 20;

/** A committee member's work list: the applications assigned to them across calls, and where they stand. */
export function ReviewsPage() {
  return (
    <RequireRole roles={['committee_member']}>
      <AssignedApplications />
    </RequireRole>
  );
}

function AssignedApplications() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ myStatus: 'to_score', sort: 'assignedAt', order: 'asc' });
  const [page, setPage] = useState(1);
  const query = { q, ...filters };
  const list = useQuery({
    queryKey: ['my-reviews', query, page, locale],
    queryFn: () => api.get<Page<AssignedApplication>>(`/reviews${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };
  const open = (item: AssignedApplication) => (
    <Anchor component={Link} to={`/reviews/${item.applicationId}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
      {item.reference}
    </Anchor>
  );

  return (
    <Stack>
      <div>
        <Title order={1}>{t('reviews.mine.title')}</Title>
        <Text c="dimmed">{t('reviews.mine.intro')}</Text>
      </div>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <Select
          label={t('reviews.myStatus')}
          clearable
          placeholder={t('reviews.mine.allStatuses')}
          data={memberReviewStatuses.map((value) => ({ value, label: t(`reviews.memberStatus.${value}`) }))}
          value={filters.myStatus || null}
          onChange={setFilter('myStatus')}
          data-testid="my-status-filter"
        />
        <SortControls
          fields={['assignedAt', 'reference', 'companyName', 'call'].map((value) => ({ value, label: t(`reviews.mine.sort.${value}`) }))}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path="/reviews/export" filters={query} />
      </Group>

      <Table striped highlightOnHover visibleFrom="sm" data-testid="my-reviews">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reviews.reference')}</Table.Th>
            <Table.Th>{t('reviews.call')}</Table.Th>
            <Table.Th>{t('reviews.company')}</Table.Th>
            <Table.Th>{t('reviews.sector')}</Table.Th>
            <Table.Th>{t('reviews.myStatus')}</Table.Th>
            <Table.Th>{t('reviews.assignedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((item) => (
            <Table.Tr key={item.applicationId}>
              <Table.Td>{open(item)}</Table.Td>
              <Table.Td>{pickText(item.callTitle, locale)}</Table.Td>
              <Table.Td>{item.companyName}</Table.Td>
              <Table.Td>{item.sector ? t(`sector.${item.sector}`) : '—'}</Table.Td>
              <Table.Td>
                <ReviewMemberStatusBadge status={item.myStatus} />
              </Table.Td>
              <Table.Td>
                <LocalInstant instant={item.assignedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {/* On a phone, one card per file: a table would scroll sideways. */}
      <Stack hiddenFrom="sm" gap="xs">
        {list.data?.items.map((item) => (
          <Card key={item.applicationId} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap">
              {open(item)}
              <ReviewMemberStatusBadge status={item.myStatus} />
            </Group>
            <Text fw={600}>{item.companyName}</Text>
            <Text size="sm" c="dimmed">
              {pickText(item.callTitle, locale)}
              {item.sector ? ` · ${t(`sector.${item.sector}`)}` : ''}
            </Text>
          </Card>
        ))}
      </Stack>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('reviews.mine.empty')}</Text>}
      {list.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: list.data.total })}
          </Text>
          <Pager total={list.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}
