import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type CompanyListItem, companySortFields, companyStages } from '../../../../contracts/companies.js';
import { sectors } from '../../../../contracts/parks.js';
import { lifecycleStatuses } from '../../../../shared/company-lifecycle.js';
import { Bdi } from '../../../components/Bdi.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { ListExport, ListFilter, ListSearch, ListSort } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { TableScroll } from '../../../components/TableScroll.js';
import { hasRole, useMe } from '../../../session.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';
import { CompanyLogo } from './CompanyLogo.js';
import { useParkOptions } from './park-options.js';

const defaults = { parkId: '', status: '', sector: '', stage: '', sort: 'name', order: 'asc' };
type CompaniesList = ListPage<CompanyListItem, typeof defaults>;

function CompanyFilters({ list }: { list: CompaniesList }) {
  const { t } = useTranslation();
  const parks = useParkOptions();
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: parks.length > 1 ? 6 : 5 }} spacing="sm" verticalSpacing="xs">
      {parks.length > 1 && <ListFilter list={list} name="parkId" label={t('companies.park')} options={parks} searchable />}
      <ListFilter list={list} name="status" label={t('companies.status')} options={options(lifecycleStatuses, 'lifecycle')} />
      <ListFilter list={list} name="sector" label={t('companies.sector')} options={options(sectors, 'sector')} searchable />
      <ListFilter list={list} name="stage" label={t('companies.stage')} options={options(companyStages, 'companyStage')} />
      <ListSort list={list} fields={options(companySortFields, 'companies.sort')} />
    </SimpleGrid>
  );
}

function CompanyRow({ company }: { company: CompanyListItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="company-row">
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
          {company.ice ? <Bdi ltr>{company.ice}</Bdi> : '—'}
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
  );
}

function Companies() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = hasRole(me.data, 'network_admin', 'park_manager');
  const list = useListPage<CompanyListItem, typeof defaults>({ path: '/companies', defaults, pageSize: 25 });

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
      <ListSearch list={list} placeholder={t('companies.searchHelp')} maw={480} />
      <CompanyFilters list={list} />
      <ListExport list={list} />
      <TableScroll minWidth={760} label={t('companies.title')}>
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
            {list.query.data?.items.map((company) => (
              <CompanyRow key={company.id} company={company} />
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <ListFooter list={list} />
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
