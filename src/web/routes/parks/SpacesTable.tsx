import { ActionIcon, Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ParkDetail, type Space, spaceKinds } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { api } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { showApiError } from '../../components/forms.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { SortControls } from '../../components/SortControls.js';
import { currentLocale } from '../../i18n/index.js';
import { SpaceForm } from './SpaceForm.js';

export function SpacesTable({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Space | 'new' | null>(null);
  const list = useListPage<Space>({
    path: `/parks/${park.id}/spaces`,
    defaults: { kind: '', use: '', buildingId: '', sort: 'code', order: 'asc' },
    apiQuery: ({ use, ...filters }) => ({
      ...filters,
      bookable: use === 'bookable' ? 'true' : undefined,
      leasable: use === 'leasable' ? 'true' : undefined,
      includeInactive: park.canManage ? 'true' : undefined,
    }),
  });
  const { filters, setFilter } = list;
  const remove = useMutation({
    mutationFn: (space: Space) => api.delete(`/spaces/${space.id}`),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
  });
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
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={list.search} onChange={(event) => list.setSearch(event.currentTarget.value)} />
        <Select
          label={t('space.kind')}
          clearable
          data={spaceKinds.map((value) => ({ value, label: t(`spaceKind.${value}`) }))}
          value={filters.kind || null}
          onChange={setFilter('kind')}
        />
        <Select
          label={t('space.use')}
          clearable
          data={[
            { value: 'leasable', label: t('space.leasable') },
            { value: 'bookable', label: t('space.bookable') },
          ]}
          value={filters.use || null}
          onChange={setFilter('use')}
        />
        <Select
          label={t('space.building')}
          clearable
          data={park.buildings.map((building) => ({ value: building.id, label: `${building.code} · ${building.name}` }))}
          value={filters.buildingId || null}
          onChange={setFilter('buildingId')}
        />
        <SortControls
          fields={['code', 'name', 'kind', 'areaM2'].map((value) => ({ value, label: t(`space.${value}`) }))}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path={list.exportPath} filters={list.apiFilters} />
      </Group>
      <Table.ScrollContainer minWidth={720}>
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
              <Table.Tr key={space.id} data-testid="space-row">
                <Table.Td>{space.code}</Table.Td>
                <Table.Td>
                  {space.name} {!space.active && <Badge color="gray">{t('space.inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{t(`spaceKind.${space.kind}`)}</Table.Td>
                <Table.Td>
                  {space.buildingName} · {space.floorName}
                </Table.Td>
                <Table.Td>{formatNumber(space.areaM2, locale)} m²</Table.Td>
                <Table.Td>
                  {space.kind === 'office' || space.kind === 'coworking_desk'
                    ? t('space.desksCount', { count: space.desks })
                    : t('space.seatsCount', { count: space.seats })}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {space.leasable && <Badge variant="light">{t('space.leasable')}</Badge>}
                    {space.bookable && (
                      <Badge variant="light" color="grape">
                        {t('space.bookable')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {park.canManage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('space.editNamed', { code: space.code })}
                        onClick={() => setEditing(space)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('space.deleteNamed', { code: space.code })}
                        onClick={() => window.confirm(t('space.confirmDelete', { code: space.code })) && remove.mutate(space)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
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
