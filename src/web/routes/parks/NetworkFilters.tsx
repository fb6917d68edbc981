import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Park, parkStatuses, regions, sectors } from '../../../contracts/parks.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { SortControls } from '../../components/SortControls.js';

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
  const { filters, setFilter } = list;
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('common.search')}
        leftSection={<IconSearch size={14} />}
        value={list.search}
        onChange={(event) => list.setSearch(event.currentTarget.value)}
      />
      <Select
        label={t('park.status')}
        clearable
        data={parkStatuses.map(option('parkStatus'))}
        value={filters.status || null}
        onChange={setFilter('status')}
      />
      <Select
        label={t('park.region')}
        clearable
        searchable
        data={regions.map(option('region'))}
        value={filters.region || null}
        onChange={setFilter('region')}
      />
      <Select
        label={t('park.sector')}
        clearable
        data={sectors.map(option('sector'))}
        value={filters.sector || null}
        onChange={setFilter('sector')}
      />
      <SortControls
        fields={['name', 'city', 'status', 'openingDate'].map((value) => ({ value, label: t(`park.sort.${value}`) }))}
        sort={filters.sort}
        order={filters.order}
        onSort={setFilter('sort')}
        onOrder={setFilter('order')}
      />
      <ExportButtons path={list.exportPath} filters={list.apiFilters} />
    </Group>
  );
}
