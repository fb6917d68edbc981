import { Badge, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OutboundEmail, outboxStatuses } from '../../../contracts/audit.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { SortControls } from '../../components/SortControls.js';

const statusColor = { failed: 'red', sent: 'teal', outbox: 'blue' } as const;

function Outbox() {
  const { t } = useTranslation();
  const list = useListPage<OutboundEmail>({ path: '/outbox', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
  return (
    <Stack>
      <Title order={1}>{t('nav.outbox')}</Title>
      <Text c="dimmed">{t('outbox.explain')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={list.search} onChange={(event) => list.setSearch(event.currentTarget.value)} />
        <Select
          label={t('people.status')}
          clearable
          data={outboxStatuses.map((value) => ({ value, label: t(`outbox.status.${value}`) }))}
          value={list.filters.status || null}
          onChange={list.setFilter('status')}
        />
        <SortControls
          fields={[
            { value: 'createdAt', label: t('people.createdAt') },
            { value: 'toAddress', label: t('outbox.to') },
          ]}
          sort={list.filters.sort}
          order={list.filters.order}
          onSort={list.setFilter('sort')}
          onOrder={list.setFilter('order')}
        />
        <ExportButtons path={list.exportPath} filters={list.apiFilters} />
      </Group>
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
