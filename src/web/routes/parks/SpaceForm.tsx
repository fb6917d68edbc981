import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { amenities, type Building, createSpaceBodySchema, type Space, spaceKinds } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { LanguageFields, type ThreeLanguages, threeLanguages } from '../../components/LanguageFields.js';
import { isolate } from '../../i18n/isolate.js';

type Values = {
  floorId: string;
  code: string;
  name: ThreeLanguages;
  kind: string;
  areaM2: number | string;
  desks: number | string;
  seats: number | string;
  amenities: string[];
  bookable: boolean;
  leasable: boolean;
  active: boolean;
  notes: string;
};

function toBody(values: Values) {
  const number = (value: number | string) => (value === '' ? undefined : Number(value));
  return { ...values, areaM2: number(values.areaM2), desks: number(values.desks) ?? 0, seats: number(values.seats) ?? 0 };
}

export function SpaceForm({
  parkId,
  buildings,
  space,
  onClose,
}: {
  parkId: string;
  buildings: Building[];
  space?: Space;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      floorId: space?.floorId ?? buildings[0]?.floors[0]?.id ?? '',
      code: space?.code ?? '',
      name: threeLanguages(space?.names),
      kind: space?.kind ?? 'office',
      areaM2: space?.areaM2 ?? '',
      desks: space?.desks ?? 0,
      seats: space?.seats ?? 0,
      amenities: space?.amenities ?? [],
      bookable: space?.bookable ?? false,
      leasable: space?.leasable ?? true,
      active: space?.active ?? true,
      notes: space?.notes ?? '',
    },
    validate: (values) => zodValidator(createSpaceBodySchema)(toBody(values)),
  });
  const save = useAction({
    mutationFn: (values: Values) =>
      space ? api.patch<Space>(`/spaces/${space.id}`, toBody(values)) : api.post<Space>(`/parks/${parkId}/spaces`, toBody(values)),
    success: (saved) => t(space ? 'space.saved' : 'space.created', { code: isolate(saved.code) }),
    onSuccess: async () => {
      await client.invalidateQueries();
      onClose();
    },
    form,
  });
  const floorOptions = buildings.map((building) => ({
    group: building.name,
    items: building.floors.map((floor) => ({ value: floor.id, label: `${building.code} · ${floor.name}` })),
  }));

  return (
    <Modal opened onClose={onClose} size="lg" title={<Title order={3}>{space ? t('space.edit') : t('space.create')}</Title>}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="space-form" noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('space.code')} required {...form.getInputProps('code')} />
            <Select label={t('space.floor')} data={floorOptions} allowDeselect={false} required {...form.getInputProps('floorId')} />
            <Select
              label={t('space.kind')}
              data={spaceKinds.map((value) => ({ value, label: t(`spaceKind.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <NumberInput label={t('space.areaM2')} min={0} decimalScale={2} required {...form.getInputProps('areaM2')} />
            <NumberInput label={t('space.desks')} min={0} allowDecimal={false} {...form.getInputProps('desks')} />
            <NumberInput label={t('space.seats')} min={0} allowDecimal={false} {...form.getInputProps('seats')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <LanguageFields form={form} path="name" label={t('space.name')} />
          </SimpleGrid>
          <MultiSelect
            label={t('space.amenities')}
            data={amenities.map((value) => ({ value, label: t(`amenity.${value}`) }))}
            {...form.getInputProps('amenities')}
          />
          <Group>
            <Checkbox label={t('space.leasable')} {...form.getInputProps('leasable', { type: 'checkbox' })} />
            <Checkbox label={t('space.bookable')} {...form.getInputProps('bookable', { type: 'checkbox' })} />
            <Checkbox label={t('space.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Group>
          <Textarea label={t('space.notes')} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-space">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
