import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../contracts/lists.js';
import { type ParkDetail, type Space, spaceKinds } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { api, toQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { showApiError } from '../../components/forms.js';
import { Pager } from '../../components/Pager.js';
import { SortControls } from '../../components/SortControls.js';
import { currentLocale } from '../../i18n/index.js';
import { SpaceForm } from './SpaceForm.js';

const pageSize = 25;

export function SpacesTable({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ kind: '', use: '', buildingId: '', sort: 'code', order: 'asc' });
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Space | 'new' | null>(null);
  const query = {
    q,
    kind: filters.kind,
    buildingId: filters.buildingId,
    bookable: filters.use === 'bookable' ? 'true' : undefined,
    leasable: filters.use === 'leasable' ? 'true' : undefined,
    includeInactive: park.canManage ? 'true' : undefined,
    sort: filters.sort,
    order: filters.order,
  };
  const spaces = useQuery({
    queryKey: ['spaces', park.id, query, page],
    queryFn: () => api.get<Page<Space>>(`/parks/${park.id}/spaces${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (space: Space) => api.delete(`/spaces/${space.id}`),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };
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
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
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
        <ExportButtons path={`/parks/${park.id}/spaces/export`} filters={query} />
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
            {spaces.data?.items.map((space) => (
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
      {spaces.data && spaces.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
      {spaces.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: spaces.data.total })}
          </Text>
          <Pager total={spaces.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
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
