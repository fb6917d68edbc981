import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createParkBodySchema, type ParkDetail, parkStatuses, regions, sectors, updateParkBodySchema } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { showApiError, zodValidator } from '../../components/forms.js';

type Values = {
  slug: string;
  name: { fr: string; ar: string; en: string };
  city: { fr: string; ar: string; en: string };
  region: string;
  address: string;
  latitude: number | string;
  longitude: number | string;
  status: string;
  openingDate: string;
  targetOpeningDate: string;
  sectors: string[];
  capacityCompanies: number | string;
  description: { fr: string; ar: string; en: string };
  contacts: { name: string; role: string; email: string; phone: string }[];
};

function initialValues(park?: ParkDetail): Values {
  const text = (value?: { fr: string; ar?: string; en?: string } | null) => ({
    fr: value?.fr ?? '',
    ar: value?.ar ?? '',
    en: value?.en ?? '',
  });
  return {
    slug: park?.slug ?? '',
    name: text(park?.name),
    city: text(park?.city),
    region: park?.region ?? 'casablanca_settat',
    address: park?.address ?? '',
    latitude: park?.latitude ?? '',
    longitude: park?.longitude ?? '',
    status: park?.status ?? 'planned',
    openingDate: park?.openingDate ?? '',
    targetOpeningDate: park?.targetOpeningDate ?? '',
    sectors: park?.sectors ?? [],
    capacityCompanies: park?.capacityCompanies ?? '',
    description: text(park?.description),
    contacts: (park?.contacts ?? []).map((contact) => ({
      name: contact.name,
      role: contact.role,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

/** Empty optional inputs become "not given" before they meet the contract. */
function toBody(values: Values) {
  const text = (value: { fr: string; ar: string; en: string }) => ({
    fr: value.fr,
    ...(value.ar ? { ar: value.ar } : {}),
    ...(value.en ? { en: value.en } : {}),
  });
  return {
    ...values,
    name: text(values.name),
    city: text(values.city),
    description: values.description.fr ? text(values.description) : undefined,
    latitude: values.latitude === '' ? undefined : Number(values.latitude),
    longitude: values.longitude === '' ? undefined : Number(values.longitude),
    openingDate: values.openingDate || null,
    targetOpeningDate: values.targetOpeningDate || null,
    capacityCompanies: values.capacityCompanies === '' ? null : Number(values.capacityCompanies),
    contacts: values.contacts.map((contact) => ({ ...contact, phone: contact.phone || undefined })),
  };
}

export function ParkForm({
  park,
  opened,
  onClose,
  isNetworkAdmin,
}: {
  park?: ParkDetail;
  opened: boolean;
  onClose: () => void;
  isNetworkAdmin: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const schema = park ? updateParkBodySchema : createParkBodySchema;
  const form = useForm<Values>({ initialValues: initialValues(park), validate: (values) => zodValidator(schema)(toBody(values)) });
  const save = useMutation({
    mutationFn: (values: Values) =>
      park ? api.patch<ParkDetail>(`/parks/${park.id}`, toBody(values)) : api.post<ParkDetail>('/parks', toBody(values)),
    onSuccess: async () => {
      await client.invalidateQueries();
      onClose();
    },
    onError: (error) => showApiError(error, form as never),
  });
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  const localized = (field: 'name' | 'city' | 'description', multiline = false) =>
    (['fr', 'ar', 'en'] as const).map((lang) => {
      const Input = multiline ? Textarea : TextInput;
      return (
        <Input
          key={lang}
          label={`${t(`park.${field}`)} (${t(`language.${lang}`)})`}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          required={lang === 'fr' && field !== 'description'}
          {...form.getInputProps(`${field}.${lang}`)}
        />
      );
    });

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Title order={3}>{park ? t('park.edit') : t('park.create')}</Title>}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="park-form" noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{localized('name')}</SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{localized('city')}</SimpleGrid>
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
            <TextInput type="date" label={t('park.openingDate')} {...form.getInputProps('openingDate')} />
            <TextInput type="date" label={t('park.targetOpeningDate')} {...form.getInputProps('targetOpeningDate')} />
          </SimpleGrid>
          <TextInput label={t('park.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('park.latitude')} decimalScale={4} required {...form.getInputProps('latitude')} />
            <NumberInput label={t('park.longitude')} decimalScale={4} required {...form.getInputProps('longitude')} />
            <NumberInput label={t('park.capacityCompanies')} min={0} {...form.getInputProps('capacityCompanies')} />
          </SimpleGrid>
          <MultiSelect label={t('park.sectors')} data={sectors.map(option('sector'))} {...form.getInputProps('sectors')} />
          {localized('description', true)}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
