import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { api } from '../../api.js';
import { LanguageFields, type ThreeLanguages, threeLanguages } from '../../components/LanguageFields.js';
import { currentLocale } from '../../i18n/index.js';
import { isolate } from '../../i18n/isolate.js';
import { BuildingCard } from './BuildingCard.js';
import { useParkChange } from './use-park-change.js';

/** Buildings and their floors; managers add and remove them (only when empty). */
export function BuildingsPanel({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('park.buildings')}
      </Title>
      {park.buildings.length === 0 && <Text c="dimmed">{t('park.noBuildings')}</Text>}
      {park.buildings.map((building) => (
        <BuildingCard key={building.id} building={building} canManage={park.canManage} />
      ))}
      {park.canManage && <AddBuildingForm parkId={park.id} />}
    </Stack>
  );
}

/** Adds a building: its code, and its name in one, two or three languages (the server's problems under their fields). */
function AddBuildingForm({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const form = useForm<{ code: string; name: ThreeLanguages }>({ initialValues: { code: '', name: threeLanguages() } });
  const change = useParkChange(form);
  const add = (building: typeof form.values) =>
    change.mutate(
      {
        call: () => api.post(`/parks/${parkId}/buildings`, building),
        success: t('park.buildingAdded', { name: isolate(pickText(building.name, currentLocale())) }),
      },
      { onSuccess: () => form.reset() },
    );
  return (
    <form onSubmit={form.onSubmit(add)} noValidate data-testid="add-building-form">
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <TextInput size="xs" label={t('park.buildingCode')} {...form.getInputProps('code')} />
        <LanguageFields form={form} path="name" label={t('park.buildingName')} size="xs" />
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button size="xs" type="submit" loading={change.isPending}>
          {t('park.addBuilding')}
        </Button>
      </Group>
    </form>
  );
}
