import { Alert, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyReport, CompanyReportsSummary } from '../../../../contracts/company-reports.js';
import { api } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { Loading } from '../../../components/Loading.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { Pager } from '../../../components/Pager.js';
import { ReportDetailsModal } from './ReportDetailsModal.js';
import { ReportForm } from './ReportForm.js';
import { ReportPeriodCard, ReportsTable } from './ReportRows.js';

/**
 * The chart library (recharts, about a quarter of a megabyte) is loaded when a company with reports shows this
 * tab, not with the app: no other page draws a chart. Its place is kept while it loads.
 */
const ReportHeadcountChart = lazy(() => import('./ReportHeadcountChart.js').then((module) => ({ default: module.ReportHeadcountChart })));

function HeadcountChart({ summary }: { summary: CompanyReportsSummary | undefined }) {
  if (!summary || summary.headcount.length === 0) return null;
  return (
    <Suspense fallback={<Skeleton h={320} />}>
      <ReportHeadcountChart points={summary.headcount} />
    </Suspense>
  );
}

/** The reports list's parameters in the address start with this: the company page keeps its tab beside them. */
const prefix = 'reports-';

/** The years one may file for, newest first. */
function yearsOf(summary: CompanyReportsSummary | undefined): string[] {
  if (!summary) return [];
  return Array.from({ length: summary.currentYear - summary.earliestYear + 1 }, (_, index) => String(summary.currentYear - index));
}

/**
 * The reports tab of a company page (SPEC §3.2 periodic reporting): the latest version of each period, the
 * older versions one click away, the headcount over the years, and — for who may file — filing and correcting.
 */
export function CompanyReportsPanel({ companyId, canFile }: { companyId: string; canFile: boolean }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<CompanyReport | null>(null);
  const [editing, setEditing] = useState<CompanyReport | 'new' | null>(null);
  const phone = useMediaQuery('(max-width: 48em)');
  const summary = useQuery({
    queryKey: ['company-reports', companyId, 'summary'],
    queryFn: () => api.get<CompanyReportsSummary>(`/companies/${companyId}/reports/summary`),
  });
  // The list shows the version that counts of each period; the export has every version (reports.exportHint).
  const list = useListPage<CompanyReport>({
    path: `/companies/${companyId}/reports`,
    prefix,
    defaults: { year: '', sort: 'period', order: 'desc' },
    pageSize: 20,
    apiQuery: ({ year, sort, order }) => ({ year, sort, order, latestOnly: 'true' }),
  });
  const reports = list.query;
  const actions = { canFile, onView: setViewing, onCorrect: setEditing };

  if (summary.isError || reports.isError) return <Alert color="red">{t('reports.loadError')}</Alert>;

  return (
    <Stack data-testid="company-reports">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('reports.title')}
        </Title>
        {canFile && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!summary.data} data-testid="file-report">
            {t('reports.file')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('reports.intro')}
      </Text>
      <HeadcountChart summary={summary.data} />
      <Group align="flex-end" justify="space-between" gap="sm">
        <Select
          label={t('reports.year')}
          placeholder={t('reports.allYears')}
          clearable
          data={yearsOf(summary.data)}
          value={list.filters.year || null}
          onChange={list.setFilter('year')}
          w={200}
        />
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('reports.exportHint')}
          </Text>
          <ExportButtons path={list.exportPath} filters={{ ...list.apiFilters, latestOnly: undefined }} />
        </Stack>
      </Group>
      {reports.isPending ? (
        <Loading />
      ) : phone ? (
        <Stack gap="sm">
          {reports.data?.items.map((report) => (
            <ReportPeriodCard key={report.id} report={report} {...actions} />
          ))}
        </Stack>
      ) : (
        <ReportsTable reports={reports.data?.items ?? []} {...actions} />
      )}
      {reports.data && reports.data.items.length === 0 && (
        <Text c="dimmed">{canFile ? t('reports.noneYetFile') : t('reports.noneYet')}</Text>
      )}
      {reports.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('reports.periodCount', { count: reports.data.total })}
          </Text>
          <Pager total={reports.data.total} pageSize={list.pageSize} page={list.page} onChange={list.setPage} />
        </Group>
      )}
      {viewing && (
        <ReportDetailsModal
          companyId={companyId}
          report={viewing}
          canFile={canFile}
          onClose={() => setViewing(null)}
          onCorrect={(report) => {
            setViewing(null);
            setEditing(report);
          }}
        />
      )}
      {editing && summary.data && (
        <ReportForm
          companyId={companyId}
          summary={summary.data}
          corrects={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
