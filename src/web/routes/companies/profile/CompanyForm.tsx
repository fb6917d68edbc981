import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CompanyDetail,
  companyStages,
  createCompanyBodySchema,
  legalForms,
  updateCompanyBodySchema,
} from '../../../../contracts/companies.js';
import { sectors } from '../../../../contracts/parks.js';
import { localToday } from '../../../../shared/calendar.js';
import { initialStatuses } from '../../../../shared/company-lifecycle.js';
import { api } from '../../../api.js';
import { showApiError, zodValidator } from '../../../components/forms.js';
import { useParkOptions } from './park-options.js';

type Founder = { name: string; role: string; email: string; gender: string | null };
type Contact = { name: string; role: string; email: string; phone: string };
type Values = {
  legalName: string;
  brandName: string;
  legalForm: string | null;
  ice: string;
  rcNumber: string;
  rcCourt: string;
  ifNumber: string;
  patente: string;
  cnss: string;
  creationDate: string;
  sectors: string[];
  stage: string | null;
  parkId: string | null;
  website: string;
  email: string;
  phone: string;
  address: string;
  description: string;
  founders: Founder[];
  contacts: Contact[];
  initialStatus: { status: string | null; effectiveDate: string; reason: string };
};

function initialValues(company?: CompanyDetail, parkId?: string | null): Values {
  return {
    legalName: company?.legalName ?? '',
    brandName: company?.brandName ?? '',
    legalForm: company?.legalForm ?? null,
    ice: company?.ice ?? '',
    rcNumber: company?.rcNumber ?? '',
    rcCourt: company?.rcCourt ?? '',
    ifNumber: company?.ifNumber ?? '',
    patente: company?.patente ?? '',
    cnss: company?.cnss ?? '',
    creationDate: company?.creationDate ?? '',
    sectors: company?.sectors ?? [],
    stage: company?.stage ?? null,
    parkId: company ? company.parkId : (parkId ?? null),
    website: company?.website ?? '',
    email: company?.email ?? '',
    phone: company?.phone ?? '',
    address: company?.address ?? '',
    description: company?.description ?? '',
    founders: (company?.founders ?? []).map((founder) => ({
      name: founder.name,
      role: founder.role,
      email: founder.email ?? '',
      gender: founder.gender ?? null,
    })),
    contacts: (company?.contacts ?? []).map((contact) => ({
      name: contact.name,
      role: contact.role,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
    initialStatus: { status: 'resident', effectiveDate: localToday(), reason: '' },
  };
}

/** Empty optional inputs become "not given" (null) before they meet the contract. */
function toBody(values: Values, creating: boolean) {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  const { initialStatus, ...profile } = values;
  const body = {
    ...profile,
    legalForm: values.legalForm || null,
    stage: values.stage ?? undefined,
    ice: optional(values.ice),
    rcNumber: optional(values.rcNumber),
    rcCourt: optional(values.rcCourt),
    ifNumber: optional(values.ifNumber),
    patente: optional(values.patente),
    cnss: optional(values.cnss),
    creationDate: optional(values.creationDate),
    website: optional(values.website),
    email: optional(values.email),
    phone: optional(values.phone),
    founders: values.founders.map((founder) => ({ ...founder, gender: founder.gender ?? undefined })),
    contacts: values.contacts.map((contact) => ({ ...contact, phone: contact.phone || undefined })),
  };
  return creating ? { ...body, initialStatus: { ...initialStatus, status: initialStatus.status ?? undefined } } : body;
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

/**
 * The company profile form, for a new company (with its first status) or an existing one. Validated with
 * the same contract as the server; the server's field problems land under the same fields.
 */
export function CompanyForm({
  company,
  defaultParkId,
  canChoosePark,
  onSaved,
  onCancel,
}: {
  company?: CompanyDetail;
  defaultParkId?: string | null;
  canChoosePark: boolean;
  onSaved: (company: CompanyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const creating = !company;
  const schema = creating ? createCompanyBodySchema : updateCompanyBodySchema;
  const parks = useParkOptions(company?.parkId);
  const form = useForm<Values>({
    initialValues: initialValues(company, defaultParkId),
    validate: (values) => zodValidator(schema)(toBody(values, creating)),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      company
        ? api.patch<CompanyDetail>(`/companies/${company.id}`, toBody(values, false))
        : api.post<CompanyDetail>('/companies', toBody(values, true)),
    onSuccess: async (saved) => {
      await client.invalidateQueries();
      onSaved(saved);
    },
    onError: (error) => showApiError(error, form as never),
  });
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const ltr = { dir: 'ltr' as const };

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="company-form">
      <Stack>
        <Section title={t('companies.section.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('companies.legalName')} required {...form.getInputProps('legalName')} />
            <TextInput label={t('companies.brandName')} {...form.getInputProps('brandName')} />
            <Select
              label={t('companies.legalForm')}
              clearable
              data={options(legalForms, 'legalForm')}
              {...form.getInputProps('legalForm')}
            />
            <TextInput type="date" label={t('companies.creationDate')} max={localToday()} {...form.getInputProps('creationDate')} />
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
          <Textarea label={t('companies.description')} autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        </Section>

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

        <Section title={t('companies.section.contactDetails')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('companies.website')} type="url" placeholder="https://" {...ltr} {...form.getInputProps('website')} />
            <TextInput label={t('companies.email')} type="email" {...ltr} {...form.getInputProps('email')} />
            <TextInput label={t('companies.phone')} type="tel" {...ltr} {...form.getInputProps('phone')} />
          </SimpleGrid>
          <TextInput label={t('companies.address')} {...form.getInputProps('address')} />
        </Section>

        <Section title={t('companies.founders')}>
          {form.values.founders.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: founders have no id of their own.
            <Group key={index} align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('companies.personName')}
                required
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps(`founders.${index}.name`)}
              />
              <TextInput label={t('companies.personRole')} style={{ flex: '1 1 8rem' }} {...form.getInputProps(`founders.${index}.role`)} />
              <TextInput
                label={t('companies.email')}
                type="email"
                style={{ flex: '1 1 12rem' }}
                {...ltr}
                {...form.getInputProps(`founders.${index}.email`)}
              />
              <Select
                label={t('companies.gender')}
                clearable
                style={{ flex: '0 1 8rem' }}
                data={options(['female', 'male'], 'companies.gender')}
                {...form.getInputProps(`founders.${index}.gender`)}
              />
              <Button
                variant="subtle"
                color="red"
                aria-label={t('companies.removeFounder', { index: index + 1 })}
                onClick={() => form.removeListItem('founders', index)}
              >
                <IconTrash size={16} />
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => form.insertListItem('founders', { name: '', role: '', email: '', gender: null })}>
              {t('companies.addFounder')}
            </Button>
          </Group>
        </Section>

        <Section title={t('companies.contacts')}>
          {form.values.contacts.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own.
            <Group key={index} align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('companies.personName')}
                required
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps(`contacts.${index}.name`)}
              />
              <TextInput label={t('companies.personRole')} style={{ flex: '1 1 8rem' }} {...form.getInputProps(`contacts.${index}.role`)} />
              <TextInput
                label={t('companies.email')}
                type="email"
                style={{ flex: '1 1 12rem' }}
                {...ltr}
                {...form.getInputProps(`contacts.${index}.email`)}
              />
              <TextInput
                label={t('companies.phone')}
                type="tel"
                style={{ flex: '1 1 9rem' }}
                {...ltr}
                {...form.getInputProps(`contacts.${index}.phone`)}
              />
              <Button
                variant="subtle"
                color="red"
                aria-label={t('companies.removeContact', { index: index + 1 })}
                onClick={() => form.removeListItem('contacts', index)}
              >
                <IconTrash size={16} />
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => form.insertListItem('contacts', { name: '', role: '', email: '', phone: '' })}>
              {t('companies.addContact')}
            </Button>
          </Group>
        </Section>

        {creating && (
          <Section title={t('companies.section.firstStatus')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('companies.status')}
                required
                allowDeselect={false}
                data={options(initialStatuses, 'lifecycle')}
                {...form.getInputProps('initialStatus.status')}
              />
              <TextInput
                type="date"
                label={t('companies.statusDate')}
                required
                max={localToday()}
                {...form.getInputProps('initialStatus.effectiveDate')}
              />
            </SimpleGrid>
            <Textarea label={t('companies.reason')} autosize minRows={2} {...form.getInputProps('initialStatus.reason')} />
          </Section>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-company">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
