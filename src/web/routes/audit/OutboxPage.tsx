import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OutboundEmail, outboxStatuses } from '../../../contracts/audit.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';

const statusColor = { failed: 'red', sent: 'teal', outbox: 'blue' } as const;

function Outbox() {
  const { t } = useTranslation();
  const list = useListPage<OutboundEmail>({ path: '/outbox', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
  return (
    <Stack>
      <Title order={1}>{t('nav.outbox')}</Title>
      <Text c="dimmed">{t('outbox.explain')}</Text>
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
        <Card key={email.id} withBorder data-testid="outbox-email">
          <Group justify="space-between">
            <Text fw={600}>{email.subject}</Text>
            <Badge color={statusColor[email.status]}>{t(`outbox.status.${email.status}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('outbox.to')} {email.toAddress} · <LocalInstant instant={email.createdAt} />
          </Text>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
            {email.text}
          </Text>
          {email.error && (
            <Text c="red" size="sm">
              {email.error}
            </Text>
          )}
        </Card>
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
