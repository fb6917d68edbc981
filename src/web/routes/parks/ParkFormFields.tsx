import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parkStatuses, regions, sectors } from '../../../contracts/park-values.js';
import { DateField } from '../../components/DateFields.js';
import type { ParkFormApi } from './park-form-values.js';

/** One text of the park in French (required but for the description), Arabic (right to left) and English. */
export function LocalizedFields({
  form,
  field,
  multiline = false,
}: {
  form: ParkFormApi;
  field: 'name' | 'city' | 'description';
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  return (
    <>
      {(['fr', 'ar', 'en'] as const).map((lang) => (
        <Input
          key={lang}
          label={`${t(`park.${field}`)} (${t(`language.${lang}`)})`}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          required={lang === 'fr' && field !== 'description'}
          {...form.getInputProps(`${field}.${lang}`)}
        />
      ))}
    </>
  );
}

/**
 * Where the park is and where it stands: its address in the URL, region and status (the slug and the status are
 * the network administrators'), dates, address, coordinates, capacity and sectors.
 */
export function ParkPlaceFields({ form, isNetworkAdmin }: { form: ParkFormApi; isNetworkAdmin: boolean }) {
  const { t } = useTranslation();
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('park.slug')}
          description={t('park.slugHelp')}
          disabled={!isNetworkAdmin}
          required
          {...form.getInputProps('slug')}
        />
        <Select label={t('park.region')} data={regions.map(option('region'))} allowDeselect={false} {...form.getInputProps('region')} />
        <Select
          label={t('park.status')}
          data={parkStatuses.map(option('parkStatus'))}
          disabled={!isNetworkAdmin}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('park.openingDate')} {...form.getInputProps('openingDate')} />
        <DateField label={t('park.targetOpeningDate')} {...form.getInputProps('targetOpeningDate')} />
      </SimpleGrid>
      <TextInput label={t('park.address')} {...form.getInputProps('address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={t('park.latitude')} decimalScale={4} required {...form.getInputProps('latitude')} />
        <NumberInput label={t('park.longitude')} decimalScale={4} required {...form.getInputProps('longitude')} />
        <NumberInput label={t('park.capacityCompanies')} min={0} {...form.getInputProps('capacityCompanies')} />
      </SimpleGrid>
      <MultiSelect label={t('park.sectors')} data={sectors.map(option('sector'))} {...form.getInputProps('sectors')} />
    </>
  );
}

/** The park's contacts, one line each, added and removed in place. */
export function ContactsFields({ form }: { form: ParkFormApi }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={5}>{t('park.contacts')}</Title>
      {form.values.contacts.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own.
        <SimpleGrid key={index} cols={{ base: 1, sm: 5 }}>
          <TextInput label={t('park.contactName')} {...form.getInputProps(`contacts.${index}.name`)} />
          <TextInput label={t('park.contactRole')} {...form.getInputProps(`contacts.${index}.role`)} />
          <TextInput label={t('park.contactEmail')} type="email" {...form.getInputProps(`contacts.${index}.email`)} />
          <TextInput label={t('park.contactPhone')} {...form.getInputProps(`contacts.${index}.phone`)} />
          <Button variant="subtle" color="red" mt="lg" onClick={() => form.removeListItem('contacts', index)}>
            {t('common.remove')}
          </Button>
        </SimpleGrid>
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem('contacts', { name: '', role: '', email: '', phone: '' })}>
          {t('park.addContact')}
        </Button>
      </Group>
    </>
  );
}
