import { useTranslation } from 'react-i18next';
import { spaceKinds } from '../../../contracts/park-values.js';
import type { ParkDetail, Space } from '../../../contracts/parks.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { useListPage } from '../../components/lists/use-list-page.js';

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
  return (
    <ListToolbar
      list={list}
      filters={[
        { name: 'kind', label: t('space.kind'), options: spaceKinds.map((value) => ({ value, label: t(`spaceKind.${value}`) })) },
        {
          name: 'use',
          label: t('space.use'),
          options: [
            { value: 'leasable', label: t('space.leasable') },
            { value: 'bookable', label: t('space.bookable') },
          ],
        },
        {
          name: 'buildingId',
          label: t('space.building'),
          options: park.buildings.map((building) => ({ value: building.id, label: `${building.code} · ${building.name}` })),
        },
      ]}
      sort={['code', 'name', 'kind', 'areaM2'].map((value) => ({ value, label: t(`space.${value}`) }))}
    />
  );
}
