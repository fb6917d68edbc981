import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEye, IconPencil, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyReport, CompanyReportsSummary } from '../../../../contracts/company-reports.js';
import type { Page } from '../../../../contracts/lists.js';
import { countryName } from '../../../../shared/countries.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { Pager } from '../../../components/Pager.js';
import { currentLocale } from '../../../i18n/index.js';
import { ReportDetailsModal, ReportSubmission } from './ReportDetailsModal.js';
import { ReportForm } from './ReportForm.js';
import { ReportHeadcountChart } from './ReportHeadcountChart.js';
import { formatMad, periodLabel } from './report-wording.js';

const pageSize = 20;

/** One period on a phone: the figures as tiles rather than a table too wide to read. */
function ReportPeriodCard({ report, canFile, onView, onCorrect }: RowActions & { report: CompanyReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const period = periodLabel(t, report.year, report.quarter);
  const figure = (label: string, value: string | number) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
  return (
    <Card withBorder padding="sm" data-testid="report-row">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Text fw={700}>{period}</Text>
          {report.version > 1 && (
            <Badge size="xs" variant="light">
              {t('reports.versionShort', { version: report.version })}
            </Badge>
          )}
        </Group>
        <RowButtons report={report} canFile={canFile} onView={onView} onCorrect={onCorrect} />
      </Group>
      <SimpleGrid cols={3} spacing="xs" mb="xs">
        {figure(t('reports.employees'), report.employees)}
        {figure(t('reports.interns'), report.interns)}
        {figure(t('reports.founders'), report.founders)}
      </SimpleGrid>
      <Text size="sm">{t(`reports.revenueBand.${report.revenueBand}`)}</Text>
      <Text size="sm">
        {report.exports
          ? t('reports.exportsSummary', {
              share: report.exportSharePercent ?? 0,
              countries: report.exportCountries.map((code) => countryName(code, locale)).join(', '),
            })
          : t('reports.noExports')}
      </Text>
      {report.fundings.length > 0 && (
        <Text size="sm">{t('reports.fundingRaisedValue', { amount: formatMad(report.fundingTotalCentimes, locale) })}</Text>
      )}
      <Box mt={4}>
        <ReportSubmission report={report} />
      </Box>
    </Card>
  );
}

type RowActions = { canFile: boolean; onView: (report: CompanyReport) => void; onCorrect: (report: CompanyReport) => void };

function RowButtons({ report, canFile, onView, onCorrect }: RowActions & { report: CompanyReport }) {
  const { t } = useTranslation();
  const period = periodLabel(t, report.year, report.quarter);
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" aria-label={t('reports.viewNamed', { period })} onClick={() => onView(report)}>
        <IconEye size={16} />
      </ActionIcon>
      {canFile && (
        <ActionIcon
          variant="subtle"
          aria-label={t('reports.correctNamed', { period })}
          onClick={() => onCorrect(report)}
          data-testid="correct-row"
        >
          <IconPencil size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

/**
 * The reports tab of a company page (SPEC §3.2 periodic reporting): the latest version of each period, the
 * older versions one click away, the headcount over the years, and — for who may file — filing and correcting.
 */
export function CompanyReportsPanel({ companyId, canFile }: { companyId: string; canFile: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [year, setYear] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [viewing, setViewing] = useState<CompanyReport | null>(null);
  const [editing, setEditing] = useState<CompanyReport | 'new' | null>(null);
  const phone = useMediaQuery('(max-width: 48em)');
  const summary = useQuery({
    queryKey: ['company-reports', companyId, 'summary'],
    queryFn: () => api.get<CompanyReportsSummary>(`/companies/${companyId}/reports/summary`),
  });
  const listQuery = { year: year ?? undefined, sort: 'period', order: 'desc' };
  const reports = useQuery({
    queryKey: ['company-reports', companyId, 'latest', listQuery, page],
    queryFn: () =>
      api.get<Page<CompanyReport>>(`/companies/${companyId}/reports${toQuery({ ...listQuery, latestOnly: 'true', page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const years = summary.data
    ? Array.from({ length: summary.data.currentYear - summary.data.earliestYear + 1 }, (_, index) =>
        String(summary.data.currentYear - index),
      )
    : [];

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
      {summary.data && summary.data.headcount.length > 0 && <ReportHeadcountChart points={summary.data.headcount} />}
      <Group align="flex-end" justify="space-between" gap="sm">
        <Select
          label={t('reports.year')}
          placeholder={t('reports.allYears')}
          clearable
          data={years}
          value={year}
          onChange={(value) => {
            setYear(value);
            setPage(1);
          }}
          w={200}
        />
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('reports.exportHint')}
          </Text>
          <ExportButtons path={`/companies/${companyId}/reports/export`} filters={listQuery} />
        </Stack>
      </Group>
      {reports.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : phone ? (
        <Stack gap="sm">
          {reports.data?.items.map((report) => (
            <ReportPeriodCard key={report.id} report={report} canFile={canFile} onView={setViewing} onCorrect={setEditing} />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.period')}</Table.Th>
                <Table.Th>{t('reports.employees')}</Table.Th>
                <Table.Th>{t('reports.interns')}</Table.Th>
                <Table.Th>{t('reports.founders')}</Table.Th>
                <Table.Th>{t('reports.revenueShort')}</Table.Th>
                <Table.Th>{t('reports.exports')}</Table.Th>
                <Table.Th>{t('reports.fundingRaised')}</Table.Th>
                <Table.Th>{t('reports.ipShort')}</Table.Th>
                <Table.Th>{t('reports.productsShort')}</Table.Th>
                <Table.Th>{t('reports.submitted')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data?.items.map((report) => {
                return (
                  <Table.Tr key={report.id} data-testid="report-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {periodLabel(t, report.year, report.quarter)}
                      </Text>
                      {report.version > 1 && (
                        <Badge size="xs" variant="light">
                          {t('reports.versionShort', { version: report.version })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{report.employees}</Table.Td>
                    <Table.Td>{report.interns}</Table.Td>
                    <Table.Td>{report.founders}</Table.Td>
                    <Table.Td>{t(`reports.revenueBand.${report.revenueBand}`)}</Table.Td>
                    <Table.Td>
                      {report.exports ? (
                        <Tooltip label={report.exportCountries.map((code) => countryName(code, locale)).join(', ')} multiline maw={300}>
                          <Text size="sm">
                            {t('reports.exportShareShort', { share: report.exportSharePercent ?? 0, count: report.exportCountries.length })}
                          </Text>
                        </Tooltip>
                      ) : (
                        t('reports.no')
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {report.fundings.length ? formatMad(report.fundingTotalCentimes, locale) : '—'}
                    </Table.Td>
                    <Table.Td>{report.ipFiled}</Table.Td>
                    <Table.Td>{report.productsLaunched}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <ReportSubmission report={report} />
                    </Table.Td>
                    <Table.Td>
                      <RowButtons report={report} canFile={canFile} onView={setViewing} onCorrect={setEditing} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {reports.data && reports.data.items.length === 0 && (
        <Text c="dimmed">{canFile ? t('reports.noneYetFile') : t('reports.noneYet')}</Text>
      )}
      {reports.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('reports.periodCount', { count: reports.data.total })}
          </Text>
          <Pager total={reports.data.total} pageSize={pageSize} page={page} onChange={setPage} />
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
