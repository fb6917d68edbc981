import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompanyInvitation } from '../../../../contracts/companies.js';
import { api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { useAction } from '../../../components/feedback.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { isolate } from '../../../i18n/isolate.js';

/** Invitations to the company nobody has answered yet, each one can be withdrawn. */
export function PendingInvitations({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const invitations = useQuery({
    queryKey: ['company-invitations', companyId],
    queryFn: () => api.get<CompanyInvitation[]>(`/companies/${companyId}/invitations`),
  });
  const withdraw = useAction({
    mutationFn: (invitation: CompanyInvitation) => api.delete(`/companies/${companyId}/invitations/${invitation.id}`),
    success: (_result, invitation) => t('invitations.revoked', { email: isolate(invitation.email) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['company-invitations', companyId] }),
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
                <Bdi ltr>{invitation.email}</Bdi>
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {t(`role.${invitation.role}`)} · {t('invitations.expires')} <LocalInstant instant={invitation.expiresAt} />
            </Text>
          </div>
          <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(invitation)} loading={withdraw.isPending}>
            {t('invitations.revoke')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
