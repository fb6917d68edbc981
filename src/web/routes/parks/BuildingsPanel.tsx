import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { api } from '../../api.js';
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

function AddBuildingForm({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const change = useParkChange();
  const [building, setBuilding] = useState({ code: '', name: '' });
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        size="xs"
        label={t('park.buildingCode')}
        value={building.code}
        onChange={(event) => setBuilding({ ...building, code: event.currentTarget.value })}
      />
      <TextInput
        size="xs"
        label={t('park.buildingName')}
        value={building.name}
        onChange={(event) => setBuilding({ ...building, name: event.currentTarget.value })}
      />
      <Button
        size="xs"
        onClick={() =>
          change.mutate({
            call: () => api.post(`/parks/${parkId}/buildings`, building),
            success: t('park.buildingAdded', { name: isolate(building.name) }),
          })
        }
      >
        {t('park.addBuilding')}
      </Button>
    </Group>
  );
}
