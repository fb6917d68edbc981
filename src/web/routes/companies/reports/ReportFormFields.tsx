import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fundingTypes, revenueBands } from '../../../../contracts/companies.js';
import { type CompanyReportsSummary, periodHasStarted, quarters } from '../../../../contracts/company-reports.js';
import { countryOptions } from '../../../../shared/countries.js';
import { currentLocale } from '../../../i18n/index.js';
import { newFunding, type ReportFormValues } from './report-form-values.js';

/** The parts of the report form, each given the form it edits. */
type FormProps = { form: UseFormReturnType<ReportFormValues> };

/** Whether a period has a report already (it is corrected, not filed again). */
export function filedIn(summary: CompanyReportsSummary) {
  return (year: number, quarter: number | null) =>
    summary.filedPeriods.some((period) => period.year === year && period.quarter === quarter);
}

/** The year and the period (the whole year or a quarter that has started); periods filed already say so. */
export function PeriodFields({ form, summary }: FormProps & { summary: CompanyReportsSummary }) {
  const { t } = useTranslation();
  const { earliestYear, currentYear } = summary;
  const isFiled = filedIn(summary);
  const years = Array.from({ length: Math.max(currentYear - earliestYear + 1, 1) }, (_, index) => String(currentYear - index));
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
  return (
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
  );
}

export function HeadcountFields({ form }: FormProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('reports.headcount')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NumberInput label={t('reports.employees')} min={0} allowDecimal={false} required {...form.getInputProps('employees')} />
        <NumberInput label={t('reports.interns')} min={0} allowDecimal={false} required {...form.getInputProps('interns')} />
        <NumberInput label={t('reports.founders')} min={0} allowDecimal={false} required {...form.getInputProps('founders')} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** Revenue band, exports (countries and share when the company exports), intellectual property and products. */
export function BusinessFields({ form }: FormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale).map((country) => ({ value: country.code, label: country.name })), [locale]);
  return (
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
              // 120 % stays 120 %: the field then says why it is refused, rather than turning it into 100 % unseen.
              clampBehavior="none"
              allowDecimal={false}
              suffix=" %"
              required
              {...form.getInputProps('exportSharePercent')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('reports.ipFiled')} min={0} allowDecimal={false} {...form.getInputProps('ipFiled')} />
          <NumberInput label={t('reports.productsLaunched')} min={0} allowDecimal={false} {...form.getInputProps('productsLaunched')} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** The funding raised in the period: amount, source and kind of each. */
export function FundingFields({ form }: FormProps) {
  const { t } = useTranslation();
  return (
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
  );
}
