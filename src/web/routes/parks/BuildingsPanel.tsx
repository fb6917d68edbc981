import { ActionIcon, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { showApiError } from '../../components/forms.js';

/** Buildings and their floors; managers add and remove them (only when empty). */
export function BuildingsPanel({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [building, setBuilding] = useState({ code: '', name: '' });
  const [floor, setFloor] = useState<Record<string, { level: number | string; name: string }>>({});
  const run = useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
  });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('park.buildings')}
      </Title>
      {park.buildings.length === 0 && <Text c="dimmed">{t('park.noBuildings')}</Text>}
      {park.buildings.map((item) => (
        <Card key={item.id} withBorder>
          <Group justify="space-between">
            <Text fw={600}>
              {item.code} · {item.name}
            </Text>
            {park.canManage && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('park.deleteBuilding', { name: item.name })}
                onClick={() => run.mutate(() => api.delete(`/buildings/${item.id}`))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <Group gap="xs" mt="xs">
            {item.floors.map((level) => (
              <Group key={level.id} gap={2}>
                <Text size="sm">{level.name}</Text>
                {park.canManage && (
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('park.deleteFloor', { name: level.name })}
                    onClick={() => run.mutate(() => api.delete(`/floors/${level.id}`))}
                  >
                    <IconTrash size={12} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Group>
          {park.canManage && (
            <Group align="flex-end" mt="xs" gap="xs">
              <NumberInput
                size="xs"
                w={90}
                label={t('park.floorLevel')}
                allowDecimal={false}
                value={floor[item.id]?.level ?? ''}
                onChange={(level) => setFloor({ ...floor, [item.id]: { name: floor[item.id]?.name ?? '', level } })}
              />
              <TextInput
                size="xs"
                label={t('park.floorName')}
                value={floor[item.id]?.name ?? ''}
                onChange={(event) =>
                  setFloor({ ...floor, [item.id]: { level: floor[item.id]?.level ?? '', name: event.currentTarget.value } })
                }
              />
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  run.mutate(() =>
                    api.post(`/buildings/${item.id}/floors`, { level: Number(floor[item.id]?.level), name: floor[item.id]?.name ?? '' }),
                  )
                }
              >
                {t('park.addFloor')}
              </Button>
            </Group>
          )}
        </Card>
      ))}
      {park.canManage && (
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
          <Button size="xs" onClick={() => run.mutate(() => api.post(`/parks/${park.id}/buildings`, building))}>
            {t('park.addBuilding')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
