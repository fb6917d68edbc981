import { ActionIcon, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CompanyDetail, type CompanyMember, type CompanyRole, companyRoles } from '../../../../contracts/companies.js';
import { api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { useConfirm } from '../../../components/ConfirmDialog.js';
import { useAction } from '../../../components/feedback.js';
import { ListExport, ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { isolate } from '../../../i18n/isolate.js';
import { useMe } from '../../../session.js';
import { InviteMemberForm } from './InviteMemberForm.js';
import { PendingInvitations } from './PendingInvitations.js';

/** The members list's parameters in the address start with this: the company page keeps its tab beside them. */
const prefix = 'members-';

function MemberRow({
  member,
  isMe,
  onRole,
  onRemove,
}: {
  member: CompanyMember;
  isMe: boolean;
  onRole: (role: CompanyRole) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="member-row">
      <Table.Td>
        {member.name} {isMe && <Badge variant="light">{t('companies.you')}</Badge>}{' '}
        {member.disabled && <Badge color="gray">{t('people.disabled')}</Badge>}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Bdi ltr>{member.email}</Bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={t('companies.roleOf', { name: member.name })}
          allowDeselect={false}
          data={companyRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
          value={member.role}
          onChange={(value) => value && value !== member.role && onRole(value as CompanyRole)}
          w={200}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={t('companies.removeMember', { name: member.name })} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
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
  const path = `/companies/${company.id}/members`;
  const list = useListPage<CompanyMember>({ path, prefix, defaults: { role: '', sort: 'role', order: 'asc' }, pageSize: 20 });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: [path] });
    // Someone who removed their own role sees the company differently now.
    await client.invalidateQueries({ queryKey: ['me'] });
  };
  const changeRole = useAction({
    mutationFn: ({ member, role }: { member: CompanyMember; role: CompanyRole }) =>
      api.patch<CompanyMember>(`${path}/${member.userId}`, { role }),
    success: (_result, { member, role }) => t('companies.memberRoleChanged', { name: isolate(member.name), role: t(`role.${role}`) }),
    onSuccess: refresh,
  });
  const remove = useAction({
    mutationFn: (member: CompanyMember) => api.delete(`${path}/${member.userId}`),
    success: (_result, member) => t('companies.memberRemoved', { name: isolate(member.name) }),
    onSuccess: refresh,
  });
  const confirm = useConfirm();
  const roleOptions = companyRoles.map((value) => ({ value, label: t(`role.${value}`) }));

  return (
    <Stack>
      <InviteMemberForm companyId={company.id} />
      <PendingInvitations companyId={company.id} />
      <Group justify="space-between" align="flex-end">
        <ListToolbar
          list={list}
          filters={[{ name: 'role', label: t('companies.memberRole'), options: roleOptions }]}
          sort={[
            { value: 'role', label: t('companies.memberRole') },
            { value: 'name', label: t('companies.personName') },
            { value: 'email', label: t('companies.email') },
          ]}
          exportable={false}
        />
        <ListExport list={list} />
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
            {list.query.data?.items.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                isMe={member.userId === me.data?.user.id}
                onRole={(role) => changeRole.mutate({ member, role })}
                onRemove={() =>
                  confirm.ask({
                    message: t('companies.confirmRemoveMember', { name: isolate(member.name) }),
                    confirmLabel: t('companies.removeMember', { name: member.name }),
                    danger: true,
                    onConfirm: () => remove.mutate(member),
                  })
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
      {confirm.dialog}
    </Stack>
  );
}
