import { Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parkStatuses, regions, sectors } from '../../../contracts/park-values.js';
import type { Park } from '../../../contracts/parks.js';
import { ListExport, ListFilter, ListSort } from '../../components/lists/ListControls.js';
import { useListPage } from '../../components/lists/use-list-page.js';

/** The network's list of parks, its filters in the URL. */
export function useNetworkList() {
  return useListPage<Park>({
    path: '/parks',
    defaults: { status: '', region: '', sector: '', sort: 'name', order: 'asc' },
    pageSize: 12,
  });
}

/** Above the parks: search, status, region, sector, the sort and the exports. */
export function NetworkFilters({ list }: { list: ReturnType<typeof useNetworkList> }) {
  const { t } = useTranslation();
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('common.search')}
        leftSection={<IconSearch size={14} />}
        value={list.search}
        onChange={(event) => list.setSearch(event.currentTarget.value)}
      />
      <ListFilter list={list} name="status" label={t('park.status')} options={parkStatuses.map(option('parkStatus'))} />
      <ListFilter list={list} name="region" label={t('park.region')} options={regions.map(option('region'))} searchable />
      <ListFilter list={list} name="sector" label={t('park.sector')} options={sectors.map(option('sector'))} />
      <ListSort
        list={list}
        fields={['name', 'city', 'status', 'openingDate'].map((value) => ({ value, label: t(`park.sort.${value}`) }))}
      />
      <ListExport list={list} />
    </Group>
  );
}
