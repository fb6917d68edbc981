import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { companyStages, legalForms } from '../../../../contracts/companies.js';
import { sectors } from '../../../../contracts/parks.js';
import { localToday } from '../../../../shared/calendar.js';
import { initialStatuses } from '../../../../shared/company-lifecycle.js';
import { DateField } from '../../../components/DateFields.js';
import { LanguageFields } from '../../../components/LanguageFields.js';
import type { CompanyFormValues } from './company-form-values.js';

/** The sections of the company form, each given the form it edits. */
type FormProps = { form: UseFormReturnType<CompanyFormValues> };

const ltr = { dir: 'ltr' as const };

function useOptions() {
  const { t } = useTranslation();
  return (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

export function IdentitySection({
  form,
  creating,
  canChoosePark,
  parks,
}: FormProps & { creating: boolean; canChoosePark: boolean; parks: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <Section title={t('companies.section.identity')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('companies.legalName')} required {...form.getInputProps('legalName')} />
        <TextInput label={t('companies.brandName')} {...form.getInputProps('brandName')} />
        <Select label={t('companies.legalForm')} clearable data={options(legalForms, 'legalForm')} {...form.getInputProps('legalForm')} />
        <DateField label={t('companies.creationDate')} max={localToday()} {...form.getInputProps('creationDate')} />
        <Select
          label={t('companies.stage')}
          required
          allowDeselect={false}
          data={options(companyStages, 'companyStage')}
          {...form.getInputProps('stage')}
        />
        <Select
          label={t('companies.park')}
          required={creating}
          searchable
          disabled={!canChoosePark}
          data={parks}
          nothingFoundMessage={t('common.noResults')}
          {...form.getInputProps('parkId')}
        />
      </SimpleGrid>
      <MultiSelect label={t('companies.sectors')} data={options(sectors, 'sector')} {...form.getInputProps('sectors')} />
      <LanguageFields form={form} path="description" label={t('companies.description')} multiline />
    </Section>
  );
}

export function IdentifiersSection({ form }: FormProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('companies.section.identifiers')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('companies.ice')}
          description={t('companies.iceHelp')}
          inputMode="numeric"
          autoComplete="off"
          {...ltr}
          {...form.getInputProps('ice')}
        />
        <TextInput label={t('companies.rcNumber')} inputMode="numeric" {...ltr} {...form.getInputProps('rcNumber')} />
        <TextInput label={t('companies.rcCourt')} {...form.getInputProps('rcCourt')} />
        <TextInput label={t('companies.ifNumber')} inputMode="numeric" {...ltr} {...form.getInputProps('ifNumber')} />
        <TextInput label={t('companies.patente')} inputMode="numeric" {...ltr} {...form.getInputProps('patente')} />
        <TextInput label={t('companies.cnss')} inputMode="numeric" {...ltr} {...form.getInputProps('cnss')} />
      </SimpleGrid>
    </Section>
  );
}

export function ContactDetailsSection({ form }: FormProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('companies.section.contactDetails')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('companies.website')} type="url" placeholder="https://" {...ltr} {...form.getInputProps('website')} />
        <TextInput label={t('companies.email')} type="email" {...ltr} {...form.getInputProps('email')} />
        <TextInput label={t('companies.phone')} type="tel" {...ltr} {...form.getInputProps('phone')} />
      </SimpleGrid>
      <TextInput label={t('companies.address')} {...form.getInputProps('address')} />
    </Section>
  );
}

/** The people of a list (founders, contacts): name, role, e-mail, and one more field each kind has. */
function PeopleSection({
  form,
  list,
  title,
  removeLabel,
  addLabel,
  empty,
  extra,
}: FormProps & {
  list: 'founders' | 'contacts';
  title: string;
  removeLabel: (index: number) => string;
  addLabel: string;
  empty: CompanyFormValues['founders'][number] | CompanyFormValues['contacts'][number];
  extra: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Section title={title}>
      {form.values[list].map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: founders and contacts have no id of their own.
        <Group key={index} align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('companies.personName')}
            required
            style={{ flex: '1 1 10rem' }}
            {...form.getInputProps(`${list}.${index}.name`)}
          />
          <TextInput label={t('companies.personRole')} style={{ flex: '1 1 8rem' }} {...form.getInputProps(`${list}.${index}.role`)} />
          <TextInput
            label={t('companies.email')}
            type="email"
            style={{ flex: '1 1 12rem' }}
            {...ltr}
            {...form.getInputProps(`${list}.${index}.email`)}
          />
          {extra(index)}
          <Button variant="subtle" color="red" aria-label={removeLabel(index)} onClick={() => form.removeListItem(list, index)}>
            <IconTrash size={16} />
          </Button>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem(list, empty)}>
          {addLabel}
        </Button>
      </Group>
    </Section>
  );
}

export function FoundersSection({ form }: FormProps) {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <PeopleSection
      form={form}
      list="founders"
      title={t('companies.founders')}
      removeLabel={(index) => t('companies.removeFounder', { index: index + 1 })}
      addLabel={t('companies.addFounder')}
      empty={{ name: '', role: '', email: '', gender: null }}
      extra={(index) => (
        <Select
          label={t('companies.gender')}
          clearable
          style={{ flex: '0 1 8rem' }}
          data={options(['female', 'male'], 'companies.gender')}
          {...form.getInputProps(`founders.${index}.gender`)}
        />
      )}
    />
  );
}

export function ContactsSection({ form }: FormProps) {
  const { t } = useTranslation();
  return (
    <PeopleSection
      form={form}
      list="contacts"
      title={t('companies.contacts')}
      removeLabel={(index) => t('companies.removeContact', { index: index + 1 })}
      addLabel={t('companies.addContact')}
      empty={{ name: '', role: '', email: '', phone: '' }}
      extra={(index) => (
        <TextInput
          label={t('companies.phone')}
          type="tel"
          style={{ flex: '1 1 9rem' }}
          {...ltr}
          {...form.getInputProps(`contacts.${index}.phone`)}
        />
      )}
    />
  );
}

export function FirstStatusSection({ form }: FormProps) {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <Section title={t('companies.section.firstStatus')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('companies.status')}
          required
          allowDeselect={false}
          data={options(initialStatuses, 'lifecycle')}
          {...form.getInputProps('initialStatus.status')}
        />
        <DateField label={t('companies.statusDate')} required max={localToday()} {...form.getInputProps('initialStatus.effectiveDate')} />
      </SimpleGrid>
      <Textarea label={t('companies.reason')} autosize minRows={2} {...form.getInputProps('initialStatus.reason')} />
    </Section>
  );
}
