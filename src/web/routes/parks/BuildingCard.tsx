import { ActionIcon, Button, Card, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { useParkChange } from './use-park-change.js';

type Building = ParkDetail['buildings'][number];

/** One building: its floors, and for managers the buttons that remove them and the form that adds a floor. */
export function BuildingCard({ building, canManage }: { building: Building; canManage: boolean }) {
  const { t } = useTranslation();
  const change = useParkChange();
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>
          {building.code} · {building.name}
        </Text>
        {canManage && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('park.deleteBuilding', { name: building.name })}
            onClick={() =>
              change.mutate({
                call: () => api.delete(`/buildings/${building.id}`),
                success: t('park.buildingDeleted', { name: building.name }),
              })
            }
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Group>
      <Group gap="xs" mt="xs">
        {building.floors.map((level) => (
          <Group key={level.id} gap={2}>
            <Text size="sm">{level.name}</Text>
            {canManage && (
              <ActionIcon
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t('park.deleteFloor', { name: level.name })}
                onClick={() =>
                  change.mutate({ call: () => api.delete(`/floors/${level.id}`), success: t('park.floorDeleted', { name: level.name }) })
                }
              >
                <IconTrash size={12} />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Group>
      {canManage && <AddFloorForm buildingId={building.id} />}
    </Card>
  );
}

function AddFloorForm({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const change = useParkChange();
  const [floor, setFloor] = useState<{ level: number | string; name: string }>({ level: '', name: '' });
  return (
    <Group align="flex-end" mt="xs" gap="xs">
      <NumberInput
        size="xs"
        w={90}
        label={t('park.floorLevel')}
        allowDecimal={false}
        value={floor.level}
        onChange={(level) => setFloor({ ...floor, level })}
      />
      <TextInput
        size="xs"
        label={t('park.floorName')}
        value={floor.name}
        onChange={(event) => setFloor({ ...floor, name: event.currentTarget.value })}
      />
      <Button
        size="xs"
        variant="light"
        onClick={() =>
          change.mutate({
            call: () => api.post(`/buildings/${buildingId}/floors`, { level: Number(floor.level), name: floor.name }),
            success: t('park.floorAdded', { name: floor.name }),
          })
        }
      >
        {t('park.addFloor')}
      </Button>
    </Group>
  );
}
