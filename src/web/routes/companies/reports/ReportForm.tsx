import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type CompanyReport,
  type CompanyReportsSummary,
  correctReportBodySchema,
  fileReportBodySchema,
} from '../../../../contracts/company-reports.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { BusinessFields, FundingFields, filedIn, HeadcountFields, PeriodFields } from './ReportFormFields.js';
import { formPath, initialValues, type ReportFormValues, toBody } from './report-form-values.js';
import { periodLabel } from './report-wording.js';

/** Files (or corrects) the report, says so, refreshes the reports; the server's field problems land under the form's fields. */
function useSaveReport({
  companyId,
  corrects,
  form,
  onClose,
}: {
  companyId: string;
  corrects?: CompanyReport;
  form: UseFormReturnType<ReportFormValues>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useAction({
    mutationFn: (values: ReportFormValues) => {
      const { year: _year, quarter: _quarter, ...figures } = toBody(values);
      return corrects
        ? api.post<CompanyReport>(`/companies/${companyId}/reports/${corrects.id}/corrections`, figures)
        : api.post<CompanyReport>(`/companies/${companyId}/reports`, toBody(values));
    },
    success: (report) =>
      t(report.version > 1 ? 'reports.corrected' : 'reports.filed', {
        period: periodLabel(t, report.year, report.quarter),
        version: report.version,
      }),
    form,
    fieldOf: formPath,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['company-reports', companyId] });
      await client.invalidateQueries({ queryKey: [`/companies/${companyId}/reports`] });
      onClose();
    },
  });
}

/**
 * Files a report for a period, or corrects one (`corrects`): a correction is prefilled with the current
 * figures and becomes the next version of the same period; the corrected version stays as it was.
 */
export function ReportForm({
  companyId,
  summary,
  corrects,
  onClose,
}: {
  companyId: string;
  summary: CompanyReportsSummary;
  corrects?: CompanyReport;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { earliestYear, currentYear } = summary;
  const isFiled = filedIn(summary);
  // Last year's report is the one usually due; once filed, the form opens on this year (a quarter).
  const lastYear = currentYear - 1;
  const firstDue = lastYear >= earliestYear && !isFiled(lastYear, null) ? lastYear : currentYear;
  const form = useForm<ReportFormValues>({
    initialValues: initialValues(firstDue, corrects),
    validate: (values) => {
      const errors = zodValidator(corrects ? correctReportBodySchema : fileReportBodySchema)(toBody(values));
      // An unchosen band reads better as "required" than as the list of allowed values.
      if (!values.revenueBand) errors.revenueBand = t('validation.required');
      return Object.fromEntries(Object.entries(errors).map(([path, message]) => [formPath(path), message]));
    },
  });
  const save = useSaveReport({ companyId, corrects, form, onClose });
  const chosenFiled = !corrects && isFiled(Number(form.values.year), form.values.quarter ? Number(form.values.quarter) : null);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        <Title order={3} component="p">
          {corrects
            ? t('reports.correctTitle', { period: periodLabel(t, corrects.year, corrects.quarter), version: corrects.version })
            : t('reports.fileTitle')}
        </Title>
      }
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="report-form">
        <Stack>
          {corrects ? (
            <Alert color="blue">{t('reports.correctExplain', { version: corrects.version + 1 })}</Alert>
          ) : (
            <PeriodFields form={form} summary={summary} />
          )}
          {chosenFiled && <Alert color="orange">{t('reports.periodFiledExplain')}</Alert>}
          <HeadcountFields form={form} />
          <BusinessFields form={form} />
          <FundingFields form={form} />
          <Textarea label={t('reports.comment')} autosize minRows={2} {...form.getInputProps('comment')} />
          <Text size="sm" c="dimmed">
            {t('reports.immutableHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={chosenFiled} data-testid="submit-report">
              {corrects ? t('reports.submitCorrection') : t('reports.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
