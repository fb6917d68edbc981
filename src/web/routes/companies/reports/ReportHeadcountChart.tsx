import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyReportsSummary } from '../../../../contracts/company-reports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { textDirection } from '../../../../shared/locales.js';
import { currentLocale } from '../../../i18n/index.js';
import { periodLabel } from './report-wording.js';

/** Reported headcount per year (employees, founders, interns stacked), with the figures also as a table for screen readers. */
export function ReportHeadcountChart({ points }: { points: CompanyReportsSummary['headcount'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rtl = textDirection(locale) === 'rtl';
  const data = points.map((point) => ({
    period: periodLabel(t, point.year, point.quarter),
    employees: point.employees,
    founders: point.founders,
    interns: point.interns,
  }));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb={4}>
        {t('reports.headcountOverYears')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('reports.headcountChartHint')}
      </Text>
      <BarChart
        h={220}
        data={data}
        dataKey="period"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={(value) => formatNumber(value, locale)}
        // Time runs the way the reader reads: from the right in Arabic.
        xAxisProps={{ reversed: rtl }}
        yAxisProps={{ orientation: rtl ? 'right' : 'left' }}
        series={[
          { name: 'employees', label: t('reports.employees'), color: 'teal.7' },
          { name: 'founders', label: t('reports.founders'), color: 'blue.6' },
          { name: 'interns', label: t('reports.interns'), color: 'orange.5' },
        ]}
        // Hidden from screen readers (the table below says the same): it must not take keyboard focus either.
        barChartProps={{ accessibilityLayer: false }}
        aria-hidden
      />
      <VisuallyHidden>
        <table>
          <caption>{t('reports.headcountOverYears')}</caption>
          <thead>
            <tr>
              <th>{t('reports.period')}</th>
              <th>{t('reports.employees')}</th>
              <th>{t('reports.founders')}</th>
              <th>{t('reports.interns')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.year}>
                <td>{periodLabel(t, point.year, point.quarter)}</td>
                <td>{point.employees}</td>
                <td>{point.founders}</td>
                <td>{point.interns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Card>
  );
}
