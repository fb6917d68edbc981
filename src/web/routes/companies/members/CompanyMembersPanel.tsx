import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CompanyDetail,
  type CompanyInvitation,
  type CompanyMember,
  type CompanyRole,
  companyRoles,
  type InviteMemberResult,
  inviteMemberBodySchema,
} from '../../../../contracts/companies.js';
import type { Page } from '../../../../contracts/lists.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { showApiError, zodValidator } from '../../../components/forms.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { currentLocale } from '../../../i18n/index.js';
import { useMe } from '../../../session.js';

const pageSize = 20;

function InviteForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'company_member' as CompanyRole, locale: currentLocale() as string },
    validate: zodValidator(inviteMemberBodySchema),
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) => api.post<InviteMemberResult>(`/companies/${companyId}/members`, values),
    onSuccess: async (result, values) => {
      notifications.show({
        color: 'teal',
        message: t(result.outcome === 'granted' ? 'companies.memberAdded' : 'companies.invitationSent', { email: values.email }),
      });
      form.reset();
      await client.invalidateQueries({ queryKey: ['company-members', companyId] });
      await client.invalidateQueries({ queryKey: ['company-invitations', companyId] });
    },
    onError: (error) => showApiError(error, form as never),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('companies.addMember')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('companies.addMemberHelp')}
      </Text>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate data-testid="invite-member-form">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label={t('companies.email')} type="email" required dir="ltr" {...form.getInputProps('email')} />
          <TextInput label={t('companies.personName')} required {...form.getInputProps('name')} />
          <Select
            label={t('companies.memberRole')}
            allowDeselect={false}
            data={companyRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('invitations.language')}
            allowDeselect={false}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'ar', label: 'العربية' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending}>
            {t('companies.addMemberSubmit')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function PendingInvitations({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const invitations = useQuery({
    queryKey: ['company-invitations', companyId],
    queryFn: () => api.get<CompanyInvitation[]>(`/companies/${companyId}/invitations`),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.delete(`/companies/${companyId}/invitations/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['company-invitations', companyId] }),
    onError: (error) => showApiError(error),
  });
  if (!invitations.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('companies.pendingInvitations')}
      </Title>
      {invitations.data.map((invitation) => (
        <Group key={invitation.id} justify="space-between" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {invitation.name}{' '}
              <Text span size="sm" c="dimmed">
                <bdi dir="ltr">{invitation.email}</bdi>
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {t(`role.${invitation.role}`)} · {t('invitations.expires')} <LocalInstant instant={invitation.expiresAt} />
            </Text>
          </div>
          <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(invitation.id)} loading={withdraw.isPending}>
            {t('invitations.revoke')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The people of a company and their roles, for its admins and its park's staff. A company keeps at least
 * one admin: the server refuses removing or demoting the last one and says so.
 */
export function CompanyMembersPanel({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const query = { q, sort: 'role', order: 'asc' };
  const members = useQuery({
    queryKey: ['company-members', company.id, query, page],
    queryFn: () => api.get<Page<CompanyMember>>(`/companies/${company.id}/members${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['company-members', company.id] });
    // Someone who removed their own role sees the company differently now.
    await client.invalidateQueries({ queryKey: ['me'] });
  };
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: CompanyRole }) =>
      api.patch<CompanyMember>(`/companies/${company.id}/members/${userId}`, { role }),
    onSuccess: refresh,
    onError: (error) => showApiError(error),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.delete(`/companies/${company.id}/members/${userId}`),
    onSuccess: refresh,
    onError: (error) => showApiError(error),
  });

  return (
    <Stack>
      <InviteForm companyId={company.id} />
      <PendingInvitations companyId={company.id} />
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('common.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <ExportButtons path={`/companies/${company.id}/members/export`} filters={query} />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('companies.personName')}</Table.Th>
              <Table.Th>{t('companies.email')}</Table.Th>
              <Table.Th>{t('companies.memberRole')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data?.items.map((member) => (
              <Table.Tr key={member.userId} data-testid="member-row">
                <Table.Td>
                  {member.name} {member.userId === me.data?.user.id && <Badge variant="light">{t('companies.you')}</Badge>}{' '}
                  {member.disabled && <Badge color="gray">{t('people.disabled')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <bdi dir="ltr">{member.email}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('companies.roleOf', { name: member.name })}
                    allowDeselect={false}
                    data={companyRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
                    value={member.role}
                    onChange={(value) =>
                      value && value !== member.role && changeRole.mutate({ userId: member.userId, role: value as CompanyRole })
                    }
                    w={200}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('companies.removeMember', { name: member.name })}
                    onClick={() =>
                      window.confirm(t('companies.confirmRemoveMember', { name: member.name })) && remove.mutate(member.userId)
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {members.data && members.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
      {members.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: members.data.total })}
          </Text>
          <Pager total={members.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}
