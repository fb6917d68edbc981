import { Badge, Box, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { DateField } from '../../components/DateFields.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { ActorFilter } from './ActorFilter.js';

const entityTypes = [
  'park',
  'building',
  'floor',
  'space',
  'company',
  'company_import',
  'call',
  'application',
  'waiting_list_entry',
  'user',
  'invitation',
  'erasure_request',
  'outbound_email',
];

/** The fields an entry changed, as the server words them: name, then old value → new value (or what it was set to). */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {entry.changes.map((change) => (
        <Text key={change.field} size="xs" data-testid="audit-change">
          <strong>{change.field}</strong>
          {t('audit.fieldSeparator')}
          {change.before !== null && (
            <>
              <bdi>{change.before}</bdi> {t('audit.arrow')}{' '}
            </>
          )}
          <bdi>{change.after ?? '—'}</bdi>
        </Text>
      ))}
    </Stack>
  );
}

function Audit() {
  const { t } = useTranslation();
  const list = useListPage<AuditEntry>({
    path: '/audit',
    defaults: { entityType: '', action: '', actorUserId: '', from: '', to: '', sort: 'at', order: 'desc' },
  });
  const field = (name: 'action') => (
    <TextInput
      label={t(`audit.${name}`)}
      placeholder={t('audit.actionPlaceholder')}
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
            options: entityTypes.map((value) => ({
              value,
              label: t(`audit.type.${value}`),
            })),
          },
        ]}
        sort={[{ value: 'at', label: t('audit.at') }]}
      >
        {field('action')}
        <ActorFilter value={list.filters.actorUserId} onChange={list.setFilter('actorUserId')} />
        {day('from')}
        {day('to')}
      </ListToolbar>
      {/* Fixed columns whose long words break: the table fits a phone without scrolling sideways. */}
      <Table striped verticalSpacing="xs" layout="fixed" style={{ overflowWrap: 'anywhere' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={{ base: 112, sm: 150 }}>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.what')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.query.data?.items.map((entry) => (
            <Table.Tr key={entry.id} data-testid="audit-row">
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm">
                  <LocalInstant instant={entry.at} />
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" data-testid="audit-sentence">
                  {entry.sentence}
                </Text>
                <Badge size="xs" variant="light" color="gray" mt={4}>
                  {entry.typeLabel}
                </Badge>
                {/* On a phone the changes go under the sentence. */}
                <Box hiddenFrom="sm" mt={4}>
                  <Changes entry={entry} />
                </Box>
              </Table.Td>
              <Table.Td visibleFrom="sm" style={{ verticalAlign: 'top' }}>
                <Changes entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
