import { Badge, Group, Stack, Table, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.js';
import { roles } from '../../../contracts/roles.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { PersonDrawer } from './PersonDrawer.js';

function People() {
  const { t } = useTranslation();
  const list = useListPage<Person>({
    path: '/people',
    defaults: { role: '', status: '', sort: 'name', order: 'asc' },
    pageSize: 20,
  });
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Stack>
      <Title order={1}>{t('nav.people')}</Title>
      <ListToolbar
        list={list}
        filters={[
          { name: 'role', label: t('people.role'), options: roles.map((value) => ({ value, label: t(`role.${value}`) })) },
          {
            name: 'status',
            label: t('people.status'),
            options: [
              { value: 'active', label: t('people.active') },
              { value: 'disabled', label: t('people.disabled') },
            ],
          },
        ]}
        sort={[
          { value: 'name', label: t('auth.fullName') },
          { value: 'email', label: t('auth.email') },
          { value: 'createdAt', label: t('people.createdAt') },
        ]}
      />
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
            {list.query.data?.items.map((person) => (
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
      <ListFooter list={list} />
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
