import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  periodHasStarted,
  quarters,
  type RemindersResult,
  type ReportingStatusItem,
  type SendRemindersBody,
} from '../../../../contracts/company-reports.js';
import type { Page } from '../../../../contracts/lists.js';
import { formatNumber, localToday } from '../../../../shared/calendar.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { showApiError } from '../../../components/forms.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { useParkOptions } from '../profile/park-options.js';
import { periodLabel } from './report-wording.js';

const pageSize = 25;
const currentYear = Number(localToday().slice(0, 4));

function ReportedBadge({ row }: { row: ReportingStatusItem }) {
  const { t } = useTranslation();
  if (!row.reported) {
    return (
      <Badge color="red" variant="light">
        {t('reports.notReported')}
      </Badge>
    );
  }
  return (
    <Badge color="teal">
      {row.latestVersion && row.latestVersion > 1 ? t('reports.reportedVersion', { version: row.latestVersion }) : t('reports.reported')}
    </Badge>
  );
}

function LastReminder({ row }: { row: ReportingStatusItem }) {
  const { t } = useTranslation();
  if (!row.lastRemindedAt) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">
        <LocalInstant instant={row.lastRemindedAt} />
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.reminderCount', { count: row.reminderCount })}
      </Text>
    </Stack>
  );
}

function ReportingStatus() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const parkOptions = useParkOptions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({
    year: String(currentYear - 1),
    quarter: '',
    parkId: '',
    reported: '',
    sort: 'company',
    order: 'asc',
  });
  const [page, setPage] = useState(1);
  const phone = useMediaQuery('(max-width: 48em)');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const period = { year: Number(filters.year), quarter: filters.quarter ? Number(filters.quarter) : null };
  const scope = { year: filters.year, quarter: filters.quarter, parkId: filters.parkId };
  const query = { ...scope, q, reported: filters.reported, sort: filters.sort, order: filters.order };
  const list = useQuery({
    queryKey: ['reporting-status', query, page],
    queryFn: () => api.get<Page<ReportingStatusItem>>(`/company-reports/status${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  // The progress of the period in scope, whatever the other filters: how many of the expected companies reported.
  const counts = useQuery({
    queryKey: ['reporting-status', 'counts', scope],
    queryFn: async () => {
      const [all, reported] = await Promise.all([
        api.get<Page<ReportingStatusItem>>(`/company-reports/status${toQuery({ ...scope, pageSize: 1 })}`),
        api.get<Page<ReportingStatusItem>>(`/company-reports/status${toQuery({ ...scope, reported: 'true', pageSize: 1 })}`),
      ]);
      return { expected: all.total, reported: reported.total };
    },
  });
  const remind = useMutation({
    mutationFn: (body: SendRemindersBody) => api.post<RemindersResult>('/company-reports/reminders', body),
    onSuccess: async (result) => {
      const lines = result.emails
        ? [t('reports.remindersSent', { count: result.emails, companies: result.reminded })]
        : [t('reports.remindersNone')];
      if (result.withoutAdmin) lines.push(t('reports.remindersWithoutAdmin', { count: result.withoutAdmin }));
      if (result.alreadyReported) lines.push(t('reports.remindersAlreadyReported', { count: result.alreadyReported }));
      notifications.show({ color: result.emails ? 'teal' : 'orange', message: lines.join(' ') });
      setSelected(new Set());
      await client.invalidateQueries({ queryKey: ['reporting-status'] });
    },
    onError: (error) => showApiError(error),
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
    setSelected(new Set());
  };
  const toggle = (companyId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(companyId);
      else next.delete(companyId);
      return next;
    });
  const canRemind = (row: ReportingStatusItem) => !row.reported && row.adminCount > 0;
  const selectable = (list.data?.items ?? []).filter(canRemind);
  const allPageSelected = selectable.length > 0 && selectable.every((row) => selected.has(row.companyId));
  const periodText = periodLabel(t, period.year, period.quarter);
  const remindAll = () => {
    if (!window.confirm(t('reports.confirmRemindAll', { period: periodText }))) return;
    remind.mutate({ ...period, allNotReported: true, ...(filters.parkId ? { parkId: filters.parkId } : {}) });
  };
  const years = Array.from({ length: 15 }, (_, index) => String(currentYear - index));
  const ratio = counts.data?.expected ? (100 * counts.data.reported) / counts.data.expected : 0;

  return (
    <Stack>
      <Title order={1}>{t('reports.statusTitle')}</Title>
      <Text c="dimmed" size="sm">
        {t('reports.statusIntro')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Select label={t('reports.year')} data={years} allowDeselect={false} value={filters.year} onChange={setFilter('year')} />
        <Select
          label={t('reports.periodKind')}
          allowDeselect={false}
          data={[
            { value: '', label: t('reports.yearly') },
            ...quarters.map((quarter) => ({
              value: String(quarter),
              label: t('reports.quarterLabel', { quarter }),
              disabled: !periodHasStarted(Number(filters.year), quarter),
            })),
          ]}
          value={filters.quarter}
          onChange={setFilter('quarter')}
        />
        <Select
          label={t('reports.park')}
          placeholder={t('reports.allParks')}
          clearable
          data={parkOptions}
          value={filters.parkId || null}
          onChange={setFilter('parkId')}
        />
        <Select
          label={t('reports.statusFilter')}
          placeholder={t('reports.allStatuses')}
          clearable
          data={[
            { value: 'false', label: t('reports.notReported') },
            { value: 'true', label: t('reports.reported') },
          ]}
          value={filters.reported || null}
          onChange={setFilter('reported')}
        />
        <SortControls
          fields={[
            { value: 'company', label: t('reports.company') },
            { value: 'park', label: t('reports.park') },
            { value: 'reportedAt', label: t('reports.reportedAt') },
            { value: 'remindedAt', label: t('reports.lastReminder') },
          ]}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Group justify="space-between" mb={6}>
          <Text fw={600}>{t('reports.progress', { period: periodText })}</Text>
          {counts.data && (
            <Text size="sm" data-testid="reporting-progress">
              {t('reports.progressCount', {
                reported: formatNumber(counts.data.reported, locale),
                expected: formatNumber(counts.data.expected, locale),
                percent: formatNumber(ratio / 100, locale, { style: 'percent', maximumFractionDigits: 0 }),
              })}
            </Text>
          )}
        </Group>
        <Progress value={ratio} size="lg" color="teal" aria-label={t('reports.progress', { period: periodText })} />
      </Card>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('common.search')}
          value={search}
          onChange={(event) => {
            // Other companies will show: what was chosen before would no longer be on screen.
            setSearch(event.currentTarget.value);
            setPage(1);
            setSelected(new Set());
          }}
        />
        <Group gap="xs">
          <Button
            leftSection={<IconBell size={16} />}
            disabled={selected.size === 0}
            loading={remind.isPending}
            onClick={() => remind.mutate({ ...period, companyIds: [...selected] })}
            data-testid="remind-selected"
          >
            {t('reports.remindSelected', { count: selected.size })}
          </Button>
          <Button variant="light" leftSection={<IconBellRinging size={16} />} loading={remind.isPending} onClick={remindAll}>
            {t('reports.remindAll')}
          </Button>
          <ExportButtons path="/company-reports/status/export" filters={query} />
        </Group>
      </Group>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={phone ? 0 : 760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('reports.selectPage')}
                    checked={allPageSelected}
                    indeterminate={!allPageSelected && selectable.some((row) => selected.has(row.companyId))}
                    disabled={selectable.length === 0}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      for (const row of selectable) toggle(row.companyId, checked);
                    }}
                  />
                </Table.Th>
                <Table.Th>{t('reports.company')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('reports.park')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('reports.statusColumn')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('reports.reportedAt')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('reports.lastReminder')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((row) => (
                <Table.Tr key={row.companyId} data-testid="status-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={t('reports.selectNamed', { name: row.legalName })}
                      checked={selected.has(row.companyId)}
                      disabled={!canRemind(row)}
                      onChange={(event) => toggle(row.companyId, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`/companies/${row.companyId}?tab=reports`} size="sm" fw={600}>
                      {row.legalName}
                    </Anchor>
                    {row.brandName && row.brandName !== row.legalName && (
                      <Text size="xs" c="dimmed">
                        {row.brandName}
                      </Text>
                    )}
                    {row.adminCount === 0 && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('reports.noAdmin')}
                      </Badge>
                    )}
                    {/* On a phone the other columns are hidden: what matters comes under the name. */}
                    <Stack gap={4} mt={4} hiddenFrom="sm" align="flex-start">
                      <ReportedBadge row={row} />
                      {row.lastRemindedAt && <LastReminder row={row} />}
                    </Stack>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{row.parkName ?? '—'}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <ReportedBadge row={row} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <LocalInstant instant={row.reportedAt} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <LastReminder row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('reports.noneExpected')}</Text>}
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

/** Staff page: who has filed the report of a period, who has not, reminders and exports. */
export function ReportingStatusPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager']}>
      <ReportingStatus />
    </RequireRole>
  );
}
