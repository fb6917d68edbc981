import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../contracts/lists.js';
import { api } from '../../api.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { Pager } from '../../components/Pager.js';
import { RequireRole } from '../../components/RequireRole.js';

type Email = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  locale: string;
  kind: string;
  status: string;
  error: string | null;
  createdAt: string;
};

function Outbox() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outbox', page],
    queryFn: () => api.get<Page<Email>>(`/outbox?page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.outbox')}</Title>
      <Text c="dimmed">{t('outbox.explain')}</Text>
      {list.data?.items.length === 0 && <Text>{t('common.noResults')}</Text>}
      {list.data?.items.map((email) => (
        <Card key={email.id} withBorder data-testid="outbox-email">
          <Group justify="space-between">
            <Text fw={600}>{email.subject}</Text>
            <Badge color={email.status === 'failed' ? 'red' : email.status === 'sent' ? 'teal' : 'blue'}>
              {t(`outbox.status.${email.status}`)}
            </Badge>
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
      {list.data && <Pager total={list.data.total} pageSize={20} page={page} onChange={setPage} />}
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
