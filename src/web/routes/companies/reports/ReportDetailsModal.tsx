import { Alert, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyReport } from '../../../../contracts/company-reports.js';
import type { Page } from '../../../../contracts/lists.js';
import { countryName } from '../../../../shared/countries.js';
import { api, toQuery } from '../../../api.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { formatMad, periodLabel } from './report-wording.js';

/** Who filed a version and when; "for the company" when park staff typed in a paper report. */
export function ReportSubmission({ report }: { report: CompanyReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <LocalInstant instant={report.submittedAt} />
      {report.submittedBy && (
        <Text size="xs" c="dimmed">
          {t('reports.by', { name: isolate(report.submittedBy.name) })}
        </Text>
      )}
      {report.onBehalf && (
        <Badge size="xs" variant="light" color="grape">
          {t('reports.onBehalf')}
        </Badge>
      )}
    </Stack>
  );
}

function ReportFigures({ report }: { report: CompanyReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows: [string, React.ReactNode][] = [
    [t('reports.employees'), report.employees],
    [t('reports.interns'), report.interns],
    [t('reports.founders'), report.founders],
    [t('reports.revenueBand'), t(`reports.revenueBand.${report.revenueBand}`)],
    [
      t('reports.exports'),
      report.exports
        ? t('reports.exportsSummary', {
            share: report.exportSharePercent ?? 0,
            countries: report.exportCountries.map((code) => countryName(code, locale)).join(', '),
          })
        : t('reports.noExports'),
    ],
    [
      t('reports.fundings'),
      report.fundings.length === 0 ? (
        t('reports.noFundings')
      ) : (
        <Stack gap={2} key="fundings">
          {report.fundings.map((funding, index) => (
            // Fundings have no identity of their own: their place in the report is theirs.
            // biome-ignore lint/suspicious/noArrayIndexKey: a report never changes once filed
            <Text size="sm" key={index}>
              {formatMad(funding.amountCentimes, locale)} · {t(`reports.fundingType.${funding.type}`)} · {funding.source}
            </Text>
          ))}
          <Text size="sm" fw={600}>
            {t('reports.fundingTotal', { amount: formatMad(report.fundingTotalCentimes, locale) })}
          </Text>
        </Stack>
      ),
    ],
    [t('reports.ipFiled'), report.ipFiled],
    [t('reports.productsLaunched'), report.productsLaunched],
    [t('reports.comment'), report.comment || '—'],
    [t('reports.submitted'), <ReportSubmission key="submitted" report={report} />],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="35%">{label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One period's report with every version filed for it, the latest first; older versions stay readable as filed. */
export function ReportDetailsModal({
  companyId,
  report,
  canFile,
  onCorrect,
  onClose,
}: {
  companyId: string;
  report: CompanyReport;
  canFile: boolean;
  onCorrect: (report: CompanyReport) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [versionId, setVersionId] = useState(report.id);
  const versions = useQuery({
    queryKey: ['company-reports', companyId, 'versions', report.year, report.quarter],
    queryFn: () =>
      api.get<Page<CompanyReport>>(
        `/companies/${companyId}/reports${toQuery({ year: report.year, quarter: report.quarter ?? 'none', sort: 'period', order: 'desc', pageSize: 100 })}`,
      ),
  });
  const all = versions.data?.items ?? [report];
  const shown = all.find((version) => version.id === versionId) ?? report;
  const newer = all.find((version) => version.supersedesId === shown.id);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Title order={3} component="p">
          {t('reports.reportOf', { period: periodLabel(t, report.year, report.quarter) })}
        </Title>
      }
    >
      <Stack>
        {versions.isPending && <Loading size="sm" />}
        {all.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={600} id="report-versions-label">
              {t('reports.versions')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-versions-label"
              value={shown.id}
              onChange={setVersionId}
              data={all.map((version) => ({
                value: version.id,
                label: version.latest
                  ? t('reports.versionLatest', { version: version.version })
                  : t('reports.versionShort', { version: version.version }),
              }))}
            />
          </Stack>
        )}
        <Group gap="xs">
          <Badge variant="light">{t('reports.versionShort', { version: shown.version })}</Badge>
          {shown.latest ? <Badge color="teal">{t('reports.latest')}</Badge> : <Badge color="gray">{t('reports.superseded')}</Badge>}
          {shown.version > 1 && (
            <Text size="sm" c="dimmed">
              {t('reports.correctsVersion', { version: shown.version - 1 })}
            </Text>
          )}
        </Group>
        {!shown.latest && newer && <Alert color="gray">{t('reports.supersededBy', { version: newer.version })}</Alert>}
        <ReportFigures report={shown} />
        {canFile && shown.latest && (
          <Group justify="flex-end">
            <Button leftSection={<IconPencil size={16} />} onClick={() => onCorrect(shown)} data-testid="correct-report">
              {t('reports.correct')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
