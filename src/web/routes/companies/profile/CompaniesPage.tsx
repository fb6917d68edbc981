import { Anchor, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyListItem, companySortFields, companyStages } from '../../../../contracts/companies.js';
import type { Page } from '../../../../contracts/lists.js';
import { sectors } from '../../../../contracts/parks.js';
import { lifecycleStatuses } from '../../../../shared/company-lifecycle.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { hasRole, useMe } from '../../../session.js';
import { CompanyLogo } from './CompanyLogo.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';
import { useParkOptions } from './park-options.js';

const pageSize = 25;

function Companies() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = hasRole(me.data, 'network_admin', 'park_manager');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ parkId: '', status: '', sector: '', stage: '', sort: 'name', order: 'asc' });
  const [page, setPage] = useState(1);
  const parks = useParkOptions();
  const query = { q, ...filters };
  const list = useQuery({
    queryKey: ['companies', query, page],
    queryFn: () => api.get<Page<CompanyListItem>>(`/companies${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('companies.title')}</Title>
        {isStaff && (
          <Group gap="xs">
            <Button component={Link} to="/companies/import" variant="default" leftSection={<IconFileImport size={16} />}>
              {t('companies.import')}
            </Button>
            <Button component={Link} to="/companies/new" leftSection={<IconPlus size={16} />} data-testid="new-company">
              {t('companies.create')}
            </Button>
          </Group>
        )}
      </Group>
      <TextInput
        label={t('common.search')}
        placeholder={t('companies.searchHelp')}
        maw={480}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: parks.length > 1 ? 6 : 5 }} spacing="sm" verticalSpacing="xs">
        {parks.length > 1 && (
          <Select
            label={t('companies.park')}
            clearable
            searchable
            data={parks}
            value={filters.parkId || null}
            onChange={setFilter('parkId')}
          />
        )}
        <Select
          label={t('companies.status')}
          clearable
          data={options(lifecycleStatuses, 'lifecycle')}
          value={filters.status || null}
          onChange={setFilter('status')}
        />
        <Select
          label={t('companies.sector')}
          clearable
          searchable
          data={options(sectors, 'sector')}
          value={filters.sector || null}
          onChange={setFilter('sector')}
        />
        <Select
          label={t('companies.stage')}
          clearable
          data={options(companyStages, 'companyStage')}
          value={filters.stage || null}
          onChange={setFilter('stage')}
        />
        <SortControls
          fields={options(companySortFields, 'companies.sort')}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
      </SimpleGrid>
      <ExportButtons path="/companies/export" filters={query} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('companies.name')}</Table.Th>
              <Table.Th>{t('companies.iceColumn')}</Table.Th>
              <Table.Th>{t('companies.park')}</Table.Th>
              <Table.Th>{t('companies.stage')}</Table.Th>
              <Table.Th>{t('companies.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((company) => (
              <Table.Tr key={company.id} data-testid="company-row">
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <CompanyLogo name={company.brandName || company.legalName} url={company.logoUrl} size={36} />
                    <div>
                      <Anchor component={Link} to={`/companies/${company.id}`} fw={600}>
                        {company.brandName || company.legalName}
                      </Anchor>
                      {company.brandName && company.brandName !== company.legalName && (
                        <Text size="xs" c="dimmed">
                          {company.legalName}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {company.ice ? <bdi dir="ltr">{company.ice}</bdi> : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{company.parkName ?? '—'}</Table.Td>
                <Table.Td>{t(`companyStage.${company.stage}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <LifecycleBadge status={company.status} />
                    <Text size="xs" c="dimmed">
                      {t('companies.since')} <LocalDate date={company.statusDate} />
                    </Text>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
      {list.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: list.data.total })}
          </Text>
          <Pager total={list.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}

export function CompaniesPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager', 'program_officer', 'company_admin', 'company_member']}>
      <Companies />
    </RequireRole>
  );
}
