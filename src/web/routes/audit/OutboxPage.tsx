import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type MailDeliveryState, type OutboundEmail, outboxStatuses } from '../../../contracts/audit.js';
import { api } from '../../api.js';
import { Bdi } from '../../components/Bdi.js';
import { useAction } from '../../components/feedback.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { isolate } from '../../i18n/isolate.js';

const statusColor = { queued: 'blue', sending: 'cyan', sent: 'teal', failed: 'red' } as const;

/** Whether mail leaves the platform at all, and what waits or failed. */
function DeliveryBanner() {
  const { t } = useTranslation();
  const state = useQuery({ queryKey: ['/outbox/delivery'], queryFn: () => api.get<MailDeliveryState>('/outbox/delivery') });
  if (!state.data) return null;
  if (!state.data.smtpConfigured) {
    return (
      <Alert color="orange" title={t('outbox.noSmtp.title')} data-testid="outbox-no-smtp">
        {t('outbox.noSmtp.body', { count: state.data.waiting })}
      </Alert>
    );
  }
  if (state.data.failed === 0) return null;
  return (
    <Alert color="red" data-testid="outbox-failed">
      {t('outbox.failedCount', { count: state.data.failed })}
    </Alert>
  );
}

function OutboxEmail({ email }: { email: OutboundEmail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const resend = useAction({
    mutationFn: () => api.post<OutboundEmail>(`/outbox/${email.id}/resend`),
    success: () => t('outbox.resent', { email: isolate(email.toAddress) }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['/outbox'] });
      client.invalidateQueries({ queryKey: ['/outbox/delivery'] });
    },
  });
  return (
    <Card withBorder data-testid="outbox-email">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} dir="auto">
          {email.subject}
        </Text>
        <Badge color={statusColor[email.status]} style={{ flexShrink: 0 }}>
          {t(`outbox.status.${email.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('outbox.to')} <Bdi>{email.toAddress}</Bdi> · <LocalInstant instant={email.createdAt} />
        {email.sentAt && (
          <>
            {' · '}
            {t('outbox.sentAt')} <LocalInstant instant={email.sentAt} />
          </>
        )}
      </Text>
      {email.text === null ? (
        <Text size="sm" mt="xs" fs="italic" c="dimmed">
          {t('outbox.secret')}
        </Text>
      ) : (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
          {email.text}
        </Text>
      )}
      {(email.status === 'queued' || email.status === 'failed') && email.attempts > 0 && (
        <Text c={email.status === 'failed' ? 'red' : 'orange'} size="sm" mt="xs" data-testid="outbox-error">
          {t('outbox.attempts', { count: email.attempts })}
          {email.status === 'queued' && (
            <>
              {' · '}
              {t('outbox.nextAttempt')} <LocalInstant instant={email.nextAttemptAt} />
            </>
          )}
          {email.error && (
            <>
              {' · '}
              <Bdi>{email.error}</Bdi>
            </>
          )}
        </Text>
      )}
      {(email.status === 'failed' || (email.status === 'queued' && email.attempts > 0)) && (
        <Group mt="xs">
          <Button size="xs" variant="light" loading={resend.isPending} onClick={() => resend.mutate()}>
            {t('outbox.resend')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const list = useListPage<OutboundEmail>({ path: '/outbox', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
  return (
    <Stack>
      <Title order={1}>{t('nav.outbox')}</Title>
      <Text c="dimmed">{t('outbox.explain')}</Text>
      <DeliveryBanner />
      <ListToolbar
        list={list}
        filters={[
          {
            name: 'status',
            label: t('people.status'),
            options: outboxStatuses.map((value) => ({ value, label: t(`outbox.status.${value}`) })),
          },
        ]}
        sort={[
          { value: 'createdAt', label: t('people.createdAt') },
          { value: 'toAddress', label: t('outbox.to') },
        ]}
      />
      {list.query.data?.items.map((email) => (
        <OutboxEmail key={email.id} email={email} />
      ))}
      <ListFooter list={list} />
    </Stack>
  );
}

export function OutboxPage() {
  return (
    <RequireRole roles={['network_admin']}>
      <Outbox />
    </RequireRole>
  );
}
