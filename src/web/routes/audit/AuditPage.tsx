import { Code, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { DateField } from '../../components/DateFields.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';

/** The fields an entry changed, old value → new value. */
function changes(entry: AuditEntry): { field: string; before: string; after: string }[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => field !== 'updatedAt' && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}

function Audit() {
  const { t } = useTranslation();
  const list = useListPage<AuditEntry>({
    path: '/audit',
    defaults: { entityType: '', action: '', actorUserId: '', from: '', to: '', sort: 'at', order: 'desc' },
  });
  const field = (name: 'action' | 'actorUserId') => (
    <TextInput
      label={t(`audit.${name}`)}
      value={list.filters[name]}
      onChange={(event) => list.setFilter(name)(event.currentTarget.value)}
    />
  );
  // Days on the park's clock: the server reads "from 3 March" as from 00:00 in Casablanca.
  const day = (name: 'from' | 'to') => <DateField label={t(`audit.${name}`)} value={list.filters[name]} onChange={list.setFilter(name)} />;

  return (
    <Stack>
      <Title order={1}>{t('nav.audit')}</Title>
      <ListToolbar
        list={list}
        search={false}
        filters={[
          {
            name: 'entityType',
            label: t('audit.entityType'),
            options: ['park', 'building', 'floor', 'space', 'user', 'invitation'].map((value) => ({
              value,
              label: t(`audit.type.${value}`),
            })),
          },
        ]}
        sort={[{ value: 'at', label: t('audit.at') }]}
      >
        {field('action')}
        {field('actorUserId')}
        {day('from')}
        {day('to')}
      </ListToolbar>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.record')}</Table.Th>
              <Table.Th>{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="audit-row">
                <Table.Td>
                  <LocalInstant instant={entry.at} />
                </Table.Td>
                <Table.Td>{entry.actorName ?? '—'}</Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  {entry.entityType}{' '}
                  <Text span size="xs" c="dimmed">
                    {entry.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {changes(entry)
                    .slice(0, 8)
                    .map((change) => (
                      <Text key={change.field} size="xs" dir="ltr">
                        <strong>{change.field}</strong>: {change.before.slice(0, 60)} → {change.after.slice(0, 60)}
                      </Text>
                    ))}
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

export function AuditPage() {
  return (
    <RequireRole roles={['network_admin']}>
      <Audit />
    </RequireRole>
  );
}
