import { Badge, Group, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../contracts/lists.js';
import type { Person } from '../../../contracts/people.js';
import { roles } from '../../../contracts/roles.js';
import { api, toQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { Pager } from '../../components/Pager.js';
import { RequireRole } from '../../components/RequireRole.js';
import { SortControls } from '../../components/SortControls.js';
import { PersonDrawer } from './PersonDrawer.js';

const pageSize = 20;

function People() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ role: '', status: '', sort: 'name', order: 'asc' });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = { ...filters, q };
  const people = useQuery({
    queryKey: ['people', query, page],
    queryFn: () => api.get<Page<Person>>(`/people${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };

  return (
    <Stack>
      <Title order={1}>{t('nav.people')}</Title>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <Select
          label={t('people.role')}
          clearable
          data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
          value={filters.role || null}
          onChange={setFilter('role')}
        />
        <Select
          label={t('people.status')}
          clearable
          data={[
            { value: 'active', label: t('people.active') },
            { value: 'disabled', label: t('people.disabled') },
          ]}
          value={filters.status || null}
          onChange={setFilter('status')}
        />
        <SortControls
          fields={[
            { value: 'name', label: t('auth.fullName') },
            { value: 'email', label: t('auth.email') },
            { value: 'createdAt', label: t('people.createdAt') },
          ]}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path="/people/export" filters={query} />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.fullName')}</Table.Th>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('people.roles')}</Table.Th>
              <Table.Th>{t('people.status')}</Table.Th>
              <Table.Th>{t('people.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.data?.items.map((person) => (
              <Table.Tr key={person.id} data-testid="person-row">
                <Table.Td>
                  <UnstyledButton onClick={() => setOpen(person.id)} c="teal.9" fw={600}>
                    {person.name}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{person.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {person.grants.map((grant) => (
                      <Badge key={grant.id} variant="light" size="sm">
                        {t(`role.${grant.role}`)}
                        {grant.scopeName ? ` · ${grant.scopeName}` : ''}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{person.disabled ? t('people.disabled') : t('people.active')}</Table.Td>
                <Table.Td>
                  <LocalInstant instant={person.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {people.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: people.data.total })}
          </Text>
          <Pager total={people.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
      {open && <PersonDrawer personId={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

export function PeoplePage() {
  return (
    <RequireRole roles={['network_admin']}>
      <People />
    </RequireRole>
  );
}
