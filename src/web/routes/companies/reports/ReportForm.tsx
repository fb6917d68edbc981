import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fundingTypes, revenueBands } from '../../../../contracts/companies.js';
import {
  type CompanyReport,
  type CompanyReportsSummary,
  correctReportBodySchema,
  fileReportBodySchema,
  periodHasStarted,
  quarters,
} from '../../../../contracts/company-reports.js';
import { countryOptions } from '../../../../shared/countries.js';
import { ApiError, api } from '../../../api.js';
import { showApiError, zodValidator } from '../../../components/forms.js';
import { currentLocale } from '../../../i18n/index.js';
import { periodLabel } from './report-wording.js';

type FundingValues = { key: string; amountMad: number | string; source: string; type: string };
type Values = {
  year: string;
  /** '' for the yearly report. */
  quarter: string;
  employees: number | string;
  interns: number | string;
  founders: number | string;
  revenueBand: string;
  exports: boolean;
  exportCountries: string[];
  exportSharePercent: number | string;
  fundings: FundingValues[];
  ipFiled: number | string;
  productsLaunched: number | string;
  comment: string;
};

const number = (value: number | string) => (value === '' ? undefined : Number(value));

/** The body the API takes: money in centimes, no countries or share when the company does not export. */
function toBody(values: Values) {
  return {
    year: Number(values.year),
    quarter: values.quarter ? Number(values.quarter) : null,
    employees: number(values.employees),
    interns: number(values.interns),
    founders: number(values.founders),
    revenueBand: values.revenueBand || undefined,
    exports: values.exports,
    exportCountries: values.exports ? values.exportCountries : [],
    exportSharePercent: values.exports ? (number(values.exportSharePercent) ?? null) : null,
    fundings: values.fundings.map((funding) => ({
      amountCentimes: funding.amountMad === '' ? undefined : Math.round(Number(funding.amountMad) * 100),
      source: funding.source,
      type: funding.type,
    })),
    ipFiled: number(values.ipFiled),
    productsLaunched: number(values.productsLaunched),
    comment: values.comment,
  };
}

/** The form shows amounts in MAD where the API speaks of centimes. */
const formPath = (path: string) => path.replace(/\.amountCentimes$/, '.amountMad');

let fundingKey = 0;
const newFunding = (): FundingValues => ({ key: `funding-${++fundingKey}`, amountMad: '', source: '', type: 'grant' });

function initialValues(defaultYear: number, report?: CompanyReport): Values {
  return {
    year: String(report?.year ?? defaultYear),
    quarter: report?.quarter ? String(report.quarter) : '',
    employees: report?.employees ?? '',
    interns: report?.interns ?? 0,
    founders: report?.founders ?? '',
    revenueBand: report?.revenueBand ?? '',
    exports: report?.exports ?? false,
    exportCountries: report?.exportCountries ?? [],
    exportSharePercent: report?.exportSharePercent ?? '',
    fundings: (report?.fundings ?? []).map((funding) => ({ ...newFunding(), ...funding, amountMad: funding.amountCentimes / 100 })),
    ipFiled: report?.ipFiled ?? 0,
    productsLaunched: report?.productsLaunched ?? 0,
    comment: report?.comment ?? '',
  };
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
  const locale = currentLocale();
  const client = useQueryClient();
  const countries = useMemo(() => countryOptions(locale).map((country) => ({ value: country.code, label: country.name })), [locale]);
  const { earliestYear, currentYear } = summary;
  const years = Array.from({ length: Math.max(currentYear - earliestYear + 1, 1) }, (_, index) => String(currentYear - index));
  const isFiled = (year: number, quarter: number | null) =>
    summary.filedPeriods.some((period) => period.year === year && period.quarter === quarter);
  // Last year's report is the one usually due; once filed, the form opens on this year (a quarter).
  const lastYear = currentYear - 1;
  const firstDue = lastYear >= earliestYear && !isFiled(lastYear, null) ? lastYear : currentYear;
  const form = useForm<Values>({
    initialValues: initialValues(firstDue, corrects),
    validate: (values) => {
      const errors = zodValidator(corrects ? correctReportBodySchema : fileReportBodySchema)(toBody(values));
      // An unchosen band reads better as "required" than as the list of allowed values.
      if (!values.revenueBand) errors.revenueBand = t('validation.required');
      return Object.fromEntries(Object.entries(errors).map(([path, message]) => [formPath(path), message]));
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const { year: _year, quarter: _quarter, ...figures } = toBody(values);
      return corrects
        ? api.post<CompanyReport>(`/companies/${companyId}/reports/${corrects.id}/corrections`, figures)
        : api.post<CompanyReport>(`/companies/${companyId}/reports`, toBody(values));
    },
    onSuccess: async (report) => {
      notifications.show({
        color: 'teal',
        message: t(report.version > 1 ? 'reports.corrected' : 'reports.filed', {
          period: periodLabel(t, report.year, report.quarter),
          version: report.version,
        }),
      });
      await client.invalidateQueries({ queryKey: ['company-reports', companyId] });
      onClose();
    },
    onError: (error) => {
      const mapped =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.details.map((detail) => ({ ...detail, path: formPath(detail.path) })),
            )
          : error;
      showApiError(mapped, form as never);
    },
  });
  const year = Number(form.values.year);
  const quarterOptions = [
    { value: '', label: t('reports.yearly') },
    ...quarters.map((quarter) => ({
      value: String(quarter),
      label: t('reports.quarterLabel', { quarter }),
      disabled: !periodHasStarted(year, quarter),
    })),
  ].map((option) => {
    const filed = isFiled(year, option.value ? Number(option.value) : null);
    return filed ? { ...option, label: t('reports.periodFiled', { period: option.label }) } : option;
  });
  const chosenFiled = !corrects && isFiled(year, form.values.quarter ? Number(form.values.quarter) : null);

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
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('reports.year')} data={years} allowDeselect={false} required {...form.getInputProps('year')} />
              <Select
                label={t('reports.periodKind')}
                data={quarterOptions}
                allowDeselect={false}
                {...form.getInputProps('quarter')}
                onChange={(value) => form.setFieldValue('quarter', value ?? '')}
              />
            </SimpleGrid>
          )}
          {chosenFiled && <Alert color="orange">{t('reports.periodFiledExplain')}</Alert>}
          <Fieldset legend={t('reports.headcount')}>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <NumberInput label={t('reports.employees')} min={0} allowDecimal={false} required {...form.getInputProps('employees')} />
              <NumberInput label={t('reports.interns')} min={0} allowDecimal={false} required {...form.getInputProps('interns')} />
              <NumberInput label={t('reports.founders')} min={0} allowDecimal={false} required {...form.getInputProps('founders')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('reports.business')}>
            <Stack>
              <Select
                label={t('reports.revenueBand')}
                data={revenueBands.map((value) => ({ value, label: t(`reports.revenueBand.${value}`) }))}
                required
                {...form.getInputProps('revenueBand')}
              />
              <Switch label={t('reports.exportsQuestion')} {...form.getInputProps('exports', { type: 'checkbox' })} />
              {form.values.exports && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <MultiSelect
                    label={t('reports.exportCountries')}
                    data={countries}
                    searchable
                    required
                    hidePickedOptions
                    nothingFoundMessage={t('common.noResults')}
                    {...form.getInputProps('exportCountries')}
                  />
                  <NumberInput
                    label={t('reports.exportShare')}
                    description={t('reports.exportShareHint')}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    suffix=" %"
                    required
                    {...form.getInputProps('exportSharePercent')}
                  />
                </SimpleGrid>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput label={t('reports.ipFiled')} min={0} allowDecimal={false} {...form.getInputProps('ipFiled')} />
                <NumberInput
                  label={t('reports.productsLaunched')}
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps('productsLaunched')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('reports.fundings')}>
            <Stack gap="sm">
              {form.values.fundings.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('reports.noFundings')}
                </Text>
              )}
              {form.values.fundings.map((funding, index) => (
                <Group key={funding.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="funding-row">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                    <NumberInput
                      label={t('reports.amountMad')}
                      min={0}
                      decimalScale={2}
                      thousandSeparator=" "
                      required
                      {...form.getInputProps(`fundings.${index}.amountMad`)}
                    />
                    <TextInput
                      label={t('reports.fundingSource')}
                      placeholder={t('reports.fundingSourceHint')}
                      required
                      {...form.getInputProps(`fundings.${index}.source`)}
                    />
                    <Select
                      label={t('reports.fundingType')}
                      data={fundingTypes.map((value) => ({ value, label: t(`reports.fundingType.${value}`) }))}
                      allowDeselect={false}
                      {...form.getInputProps(`fundings.${index}.type`)}
                    />
                  </SimpleGrid>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    aria-label={t('reports.removeFunding', { number: index + 1 })}
                    onClick={() => form.removeListItem('fundings', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem('fundings', newFunding())}
                >
                  {t('reports.addFunding')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
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
