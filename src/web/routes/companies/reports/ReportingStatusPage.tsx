import { Button, Card, Group, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { useConfirm } from '../../../components/ConfirmDialog.js';
import { useAction } from '../../../components/feedback.js';
import { Loading } from '../../../components/Loading.js';
import { ListExport } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { useParkOptions } from '../profile/park-options.js';
import { ReportingStatusTable } from './ReportingStatusTable.js';
import { periodLabel } from './report-wording.js';

const path = '/company-reports/status';
const currentYear = Number(localToday().slice(0, 4));
const defaults = { year: String(currentYear - 1), quarter: '', parkId: '', reported: '', sort: 'company', order: 'asc' };
type StatusList = ListPage<ReportingStatusItem, typeof defaults>;
type Period = { year: number; quarter: number | null };

function StatusFilters({
  list,
  onFilter,
}: {
  list: StatusList;
  onFilter: (name: keyof typeof defaults) => (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const parkOptions = useParkOptions();
  const { filters } = list;
  const years = Array.from({ length: 15 }, (_, index) => String(currentYear - index));
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
      <Select label={t('reports.year')} data={years} allowDeselect={false} value={filters.year} onChange={onFilter('year')} />
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
        onChange={onFilter('quarter')}
      />
      <Select
        label={t('reports.park')}
        placeholder={t('reports.allParks')}
        clearable
        data={parkOptions}
        value={filters.parkId || null}
        onChange={onFilter('parkId')}
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
        onChange={onFilter('reported')}
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
        onSort={onFilter('sort')}
        onOrder={onFilter('order')}
      />
    </SimpleGrid>
  );
}

/** The progress of the period in scope, whatever the other filters: how many of the expected companies reported. */
function ReportingProgress({ scope, period }: { scope: { year: string; quarter: string; parkId: string }; period: Period }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const counts = useQuery({
    queryKey: [path, 'counts', scope],
    queryFn: async () => {
      const [all, reported] = await Promise.all([
        api.get<Page<ReportingStatusItem>>(`${path}${toQuery({ ...scope, pageSize: 1, count: 'exact' })}`),
        api.get<Page<ReportingStatusItem>>(`${path}${toQuery({ ...scope, reported: 'true', pageSize: 1, count: 'exact' })}`),
      ]);
      return { expected: all.total, reported: reported.total };
    },
  });
  const periodText = periodLabel(t, period.year, period.quarter);
  const ratio = counts.data?.expected ? (100 * counts.data.reported) / counts.data.expected : 0;
  return (
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
  );
}

/** Sends reminders and says what became of them (sent, nobody to write to, reported meanwhile). */
function useReminders(onSent: () => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useAction({
    mutationFn: (body: SendRemindersBody) => api.post<RemindersResult>('/company-reports/reminders', body),
    success: (result) => {
      const lines = result.emails
        ? [t('reports.remindersSent', { count: result.emails, companies: result.reminded })]
        : [t('reports.remindersNone')];
      if (result.withoutAdmin) lines.push(t('reports.remindersWithoutAdmin', { count: result.withoutAdmin }));
      if (result.alreadyReported) lines.push(t('reports.remindersAlreadyReported', { count: result.alreadyReported }));
      // Nobody written to: done, but worth a look.
      return { message: lines.join(' '), color: result.emails ? 'teal' : 'orange' };
    },
    onSuccess: async () => {
      onSent();
      await client.invalidateQueries({ queryKey: [path] });
    },
  });
}

function ReportingStatus() {
  const { t } = useTranslation();
  const list = useListPage<ReportingStatusItem, typeof defaults>({ path, defaults, pageSize: 25 });
  const { filters } = list;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const clearSelection = () => setSelected(new Set());
  const remind = useReminders(clearSelection);
  // Other companies will show: what was chosen before would no longer be on screen.
  const onFilter = (name: keyof typeof defaults) => (value: string | null) => {
    list.setFilter(name)(value);
    clearSelection();
  };
  const toggle = (companyId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(companyId);
      else next.delete(companyId);
      return next;
    });
  const period = { year: Number(filters.year), quarter: filters.quarter ? Number(filters.quarter) : null };
  const confirm = useConfirm();
  const remindAll = () =>
    confirm.ask({
      message: t('reports.confirmRemindAll', { period: periodLabel(t, period.year, period.quarter) }),
      confirmLabel: t('reports.remindAll'),
      onConfirm: () => remind.mutate({ ...period, allNotReported: true, ...(filters.parkId ? { parkId: filters.parkId } : {}) }),
    });

  return (
    <Stack>
      {confirm.dialog}
      <Title order={1}>{t('reports.statusTitle')}</Title>
      <Text c="dimmed" size="sm">
        {t('reports.statusIntro')}
      </Text>
      <StatusFilters list={list} onFilter={onFilter} />
      <ReportingProgress scope={{ year: filters.year, quarter: filters.quarter, parkId: filters.parkId }} period={period} />
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('common.search')}
          value={list.search}
          onChange={(event) => {
            list.setSearch(event.currentTarget.value);
            clearSelection();
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
          <ListExport list={list} />
        </Group>
      </Group>
      {list.query.isPending ? (
        <Loading />
      ) : (
        <ReportingStatusTable rows={list.query.data?.items ?? []} selected={selected} toggle={toggle} />
      )}
      <ListFooter list={list} empty={t('reports.noneExpected')} />
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
