import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createInvitationBodySchema, type Invitation } from '../../../contracts/people.js';
import { roles } from '../../../contracts/roles.js';
import { api } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { showApiError, zodValidator } from '../../components/forms.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { SortControls } from '../../components/SortControls.js';
import { ScopePicker } from './PersonDrawer.js';

const statusColor = { pending: 'blue', accepted: 'teal', expired: 'gray', revoked: 'red' } as const;

function Invitations() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useListPage<Invitation>({ path: '/invitations', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
  const form = useForm({
    initialValues: { email: '', name: '', role: 'park_manager', scopeId: null as string | null, locale: 'fr' },
    validate: zodValidator(createInvitationBodySchema),
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) => api.post<Invitation>('/invitations', values),
    onSuccess: async (invitation) => {
      notifications.show({ color: 'teal', message: t('invitations.sent', { email: invitation.email }) });
      form.reset();
      await client.invalidateQueries({ queryKey: ['/invitations'] });
    },
    onError: (error) => showApiError(error, form as never),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/invitations/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/invitations'] }),
    onError: (error) => showApiError(error),
  });

  return (
    <Stack>
      <Title order={1}>{t('nav.invitations')}</Title>
      <Card withBorder>
        <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate data-testid="invitation-form">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('auth.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('auth.fullName')} required {...form.getInputProps('name')} />
            <Select
              label={t('people.role')}
              data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
              onChange={(value) => {
                form.setFieldValue('role', value ?? 'park_manager');
                form.setFieldValue('scopeId', null);
              }}
            />
            <ScopePicker role={form.values.role} value={form.values.scopeId} onChange={(value) => form.setFieldValue('scopeId', value)} />
            <Select
              label={t('invitations.language')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'ar', label: 'العربية' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          {form.errors.scopeId && <div style={{ color: 'var(--mantine-color-error)' }}>{form.errors.scopeId}</div>}
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={invite.isPending}>
              {t('invitations.send')}
            </Button>
          </Group>
        </form>
      </Card>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={list.search} onChange={(event) => list.setSearch(event.currentTarget.value)} />
        <Select
          label={t('people.status')}
          clearable
          data={(['pending', 'accepted', 'expired', 'revoked'] as const).map((value) => ({
            value,
            label: t(`invitations.status.${value}`),
          }))}
          value={list.filters.status || null}
          onChange={list.setFilter('status')}
        />
        <SortControls
          fields={[
            { value: 'createdAt', label: t('people.createdAt') },
            { value: 'email', label: t('auth.email') },
            { value: 'name', label: t('auth.fullName') },
          ]}
          sort={list.filters.sort}
          order={list.filters.order}
          onSort={list.setFilter('sort')}
          onOrder={list.setFilter('order')}
        />
        <ExportButtons path={list.exportPath} filters={list.apiFilters} />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('people.role')}</Table.Th>
              <Table.Th>{t('people.status')}</Table.Th>
              <Table.Th>{t('invitations.expires')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  {invitation.name} &lt;{invitation.email}&gt;
                </Table.Td>
                <Table.Td>
                  {t(`role.${invitation.role}`)}
                  {invitation.scopeName ? ` · ${invitation.scopeName}` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColor[invitation.status]}>{t(`invitations.status.${invitation.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <LocalInstant instant={invitation.expiresAt} />
                </Table.Td>
                <Table.Td>
                  {invitation.status === 'pending' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(invitation.id)}>
                      {t('invitations.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
    </Stack>
  );
}

export function InvitationsPage() {
  return (
    <RequireRole roles={['network_admin']}>
      <Invitations />
    </RequireRole>
  );
}
