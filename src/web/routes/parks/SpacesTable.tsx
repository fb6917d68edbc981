import { Button, Group, Stack, Table, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail, Space } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { useAction } from '../../components/feedback.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { TableScroll } from '../../components/TableScroll.js';
import { isolate } from '../../i18n/isolate.js';
import { SpaceFilters, useSpaceList } from './SpaceFilters.js';
import { SpaceForm } from './SpaceForm.js';
import { SpaceRow } from './SpaceRow.js';

export function SpacesTable({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Space | 'new' | null>(null);
  const list = useSpaceList(park);
  const remove = useAction({
    mutationFn: (space: Space) => api.delete(`/spaces/${space.id}`),
    success: (_result, space) => t('space.deleted', { code: isolate(space.code) }),
    onSuccess: () => client.invalidateQueries(),
  });
  const confirm = useConfirm();
  const hasFloors = park.buildings.some((building) => building.floors.length > 0);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('park.spaces')}
        </Title>
        {park.canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!hasFloors} data-testid="create-space">
            {t('space.create')}
          </Button>
        )}
      </Group>
      <SpaceFilters park={park} list={list} />
      <TableScroll minWidth={720} label={t('park.spaces')}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('space.code')}</Table.Th>
              <Table.Th>{t('space.name')}</Table.Th>
              <Table.Th>{t('space.kind')}</Table.Th>
              <Table.Th>{t('space.floor')}</Table.Th>
              <Table.Th>{t('space.areaM2')}</Table.Th>
              <Table.Th>{t('space.capacity')}</Table.Th>
              <Table.Th>{t('space.use')}</Table.Th>
              {park.canManage && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((space) => (
              <SpaceRow
                key={space.id}
                space={space}
                actions={
                  park.canManage
                    ? {
                        onEdit: () => setEditing(space),
                        onDelete: () =>
                          confirm.ask({
                            message: t('space.confirmDelete', { code: isolate(space.code) }),
                            confirmLabel: t('space.deleteNamed', { code: space.code }),
                            danger: true,
                            onConfirm: () => remove.mutate(space),
                          }),
                      }
                    : undefined
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <ListFooter list={list} />
      {confirm.dialog}
      {editing && (
        <SpaceForm
          parkId={park.id}
          buildings={park.buildings}
          space={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
