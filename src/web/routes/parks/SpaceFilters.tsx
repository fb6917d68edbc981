import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ParkDetail, type Space, spaceKinds } from '../../../contracts/parks.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { SortControls } from '../../components/SortControls.js';

/** A park's spaces, its filters in the URL; the park's managers see the inactive ones too. */
export function useSpaceList(park: ParkDetail) {
  return useListPage<Space>({
    path: `/parks/${park.id}/spaces`,
    defaults: { kind: '', use: '', buildingId: '', sort: 'code', order: 'asc' },
    apiQuery: ({ use, ...filters }) => ({
      ...filters,
      bookable: use === 'bookable' ? 'true' : undefined,
      leasable: use === 'leasable' ? 'true' : undefined,
      includeInactive: park.canManage ? 'true' : undefined,
    }),
  });
}

/** Above the spaces: search, kind, use (leasable or bookable), building, the sort and the exports. */
export function SpaceFilters({ park, list }: { park: ParkDetail; list: ReturnType<typeof useSpaceList> }) {
  const { t } = useTranslation();
  const { filters, setFilter } = list;
  return (
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
  );
}
