import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import { callPhases, type OfficerCallSummary } from '../../../../contracts/calls.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { hasRole, useMe } from '../../../session.js';
import { CallKindBadge, CallPhaseBadge } from './CallBadges.js';

const defaults = { phase: '', kind: '', published: '', sort: 'closesAt', order: 'desc' };
type CallsList = ListPage<OfficerCallSummary, typeof defaults>;

const submittedCount = (call: OfficerCallSummary) =>
  Object.entries(call.counts).reduce((sum, [status, count]) => (status === 'draft' ? sum : sum + count), 0);

/** Search, phase, kind, publication and sort of the officers' calls, and their export. */
function CallFilters({ list }: { list: CallsList }) {
  const { t } = useTranslation();
  return (
    <ListToolbar
      list={list}
      filters={[
        {
          name: 'phase',
          label: t('calls.phaseLabel'),
          options: callPhases.map((value) => ({ value, label: t(`calls.phase.${value}`) })),
          placeholder: t('calls.filterAll'),
        },
        {
          name: 'kind',
          label: t('calls.kindLabel'),
          options: callKinds.map((value) => ({ value, label: t(`calls.kind.${value}`) })),
          placeholder: t('calls.filterAll'),
        },
        {
          name: 'published',
          label: t('calls.admin.publication'),
          options: [
            { value: 'true', label: t('calls.admin.published') },
            { value: 'false', label: t('calls.admin.unpublished') },
          ],
          placeholder: t('calls.filterAll'),
        },
      ]}
      sort={[
        { value: 'closesAt', label: t('calls.closes') },
        { value: 'opensAt', label: t('calls.opens') },
        { value: 'title', label: t('calls.admin.titleColumn') },
        { value: 'updatedAt', label: t('calls.admin.updatedAt') },
      ]}
    />
  );
}

function CallRow({ call }: { call: OfficerCallSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.Tr data-testid="call-row">
      <Table.Td>
        <Link to="/admin/calls/$callId" params={{ callId: call.id }}>
          {pickText(call.title, locale)}
        </Link>
        {!call.published && (
          <Badge ms="xs" size="xs" variant="outline" color="orange">
            {t('calls.admin.unpublished')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <CallKindBadge kind={call.kind} />
      </Table.Td>
      <Table.Td>{call.park ? pickText(call.park.name, locale) : t('calls.networkWide')}</Table.Td>
      <Table.Td>
        <LocalInstant instant={call.closesAt} hijri />
      </Table.Td>
      <Table.Td>
        <CallPhaseBadge phase={call.phase} />
      </Table.Td>
      <Table.Td>
        <Link to="/admin/calls/$callId/applications" params={{ callId: call.id }}>
          {t('calls.admin.countSummary', {
            submitted: formatNumber(submittedCount(call), locale),
            waiting: formatNumber(call.counts.submitted, locale),
          })}
        </Link>
      </Table.Td>
    </Table.Tr>
  );
}

function CallsAdmin() {
  const { t } = useTranslation();
  const me = useMe();
  const canCreate = hasRole(me.data, 'network_admin', 'program_officer');
  const list = useListPage<OfficerCallSummary, typeof defaults>({ path: '/calls', defaults, pageSize: 20 });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('calls.admin.title')}</Title>
        {canCreate && (
          <Button component={Link} to="/admin/calls/new" leftSection={<IconPlus size={16} />} data-testid="new-call">
            {t('calls.admin.new')}
          </Button>
        )}
      </Group>
      <CallFilters list={list} />
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls.admin.titleColumn')}</Table.Th>
              <Table.Th>{t('calls.kindLabel')}</Table.Th>
              <Table.Th>{t('calls.admin.park')}</Table.Th>
              <Table.Th>{t('calls.closes')}</Table.Th>
              <Table.Th>{t('calls.phaseLabel')}</Table.Th>
              <Table.Th>{t('calls.admin.applications')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((call) => (
              <CallRow key={call.id} call={call} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
    </Stack>
  );
}

/** The calls' administration: officers run them; park managers read their parks' calls. */
export function CallsAdminPage() {
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <CallsAdmin />
    </RequireRole>
  );
}
