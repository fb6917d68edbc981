import { ActionIcon, Badge, Box, Card, Group, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanyReport } from '../../../../contracts/company-reports.js';
import { countryName } from '../../../../shared/countries.js';
import { currentLocale } from '../../../i18n/index.js';
import { ReportSubmission } from './ReportDetailsModal.js';
import { formatMad, periodLabel } from './report-wording.js';

/** A company's reports on screen: a table on a computer, a card per period on a phone. */
/** One period on a phone: the figures as tiles rather than a table too wide to read. */
export function ReportPeriodCard({ report, canFile, onView, onCorrect }: RowActions & { report: CompanyReport }) {
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

export type RowActions = { canFile: boolean; onView: (report: CompanyReport) => void; onCorrect: (report: CompanyReport) => void };

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

/** The latest report of each period with its figures, as a table. */
export function ReportsTable({ reports, ...actions }: RowActions & { reports: CompanyReport[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
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
          {reports.map((report) => (
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
                <RowButtons report={report} {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
