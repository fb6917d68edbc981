import { ActionIcon, Button, Card, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { isolate } from '../../i18n/isolate.js';
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
                success: t('park.buildingDeleted', { name: isolate(building.name) }),
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
                  change.mutate({
                    call: () => api.delete(`/floors/${level.id}`),
                    success: t('park.floorDeleted', { name: isolate(level.name) }),
                  })
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

/** Adds a floor; a level the building already has is said under the level field (the server's words). */
function AddFloorForm({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const form = useForm<{ level: number | string; name: string }>({ initialValues: { level: '', name: '' } });
  const change = useParkChange(form);
  const add = (floor: typeof form.values) =>
    change.mutate(
      {
        call: () => api.post(`/buildings/${buildingId}/floors`, { level: Number(floor.level), name: floor.name }),
        success: t('park.floorAdded', { name: isolate(floor.name) }),
      },
      { onSuccess: () => form.reset() },
    );
  return (
    <form onSubmit={form.onSubmit(add)} noValidate data-testid="add-floor-form">
      <Group align="flex-start" mt="xs" gap="xs">
        <NumberInput size="xs" w={150} label={t('park.floorLevel')} allowDecimal={false} {...form.getInputProps('level')} />
        <TextInput size="xs" label={t('park.floorName')} {...form.getInputProps('name')} />
        <Button size="xs" variant="light" type="submit" mt={22} loading={change.isPending}>
          {t('park.addFloor')}
        </Button>
      </Group>
    </form>
  );
}
