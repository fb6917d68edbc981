import { Badge, Button, Stack, Table, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../contracts/people.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { RequireRole } from '../../components/RequireRole.js';
import { isolate } from '../../i18n/isolate.js';
import { InvitationFilters, useInvitationList } from './InvitationFilters.js';
import { InvitationForm } from './InvitationForm.js';

const statusColor = { pending: 'blue', accepted: 'teal', expired: 'gray', revoked: 'red' } as const;

function Invitations() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useInvitationList();
  const revoke = useAction({
    mutationFn: (invitation: Invitation) => api.delete(`/invitations/${invitation.id}`),
    success: (_result, invitation) => t('invitations.revoked', { email: isolate(invitation.email) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/invitations'] }),
  });

  return (
    <Stack>
      <Title order={1}>{t('nav.invitations')}</Title>
      <InvitationForm />
      <InvitationFilters list={list} />
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
              <InvitationRow key={invitation.id} invitation={invitation} onRevoke={() => revoke.mutate(invitation)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
    </Stack>
  );
}

/** One invitation: to whom, for which role, where it stands; a pending one can be revoked. */
function InvitationRow({ invitation, onRevoke }: { invitation: Invitation; onRevoke: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="invitation-row">
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
          <Button size="xs" variant="subtle" color="red" onClick={onRevoke}>
            {t('invitations.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function InvitationsPage() {
  return (
    <RequireRole roles={['network_admin']}>
      <Invitations />
    </RequireRole>
  );
}
