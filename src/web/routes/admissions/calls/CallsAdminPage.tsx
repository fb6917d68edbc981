import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import { callPhases, type OfficerCallSummary } from '../../../../contracts/calls.js';
import type { Page } from '../../../../contracts/lists.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { hasRole, useMe } from '../../../session.js';
import { CallKindBadge, CallPhaseBadge } from './CallBadges.js';

const pageSize = 20;

function CallsAdmin() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const canCreate = hasRole(me.data, 'network_admin', 'program_officer');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState({ phase: '', kind: '', published: '', sort: 'closesAt', order: 'desc' });
  const [page, setPage] = useState(1);
  const query = { ...filters, q };
  const calls = useQuery({
    queryKey: ['calls-admin', query, page, locale],
    queryFn: () => api.get<Page<OfficerCallSummary>>(`/calls${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [name]: value ?? '' }));
    setPage(1);
  };
  const submittedCount = (call: OfficerCallSummary) =>
    Object.entries(call.counts).reduce((sum, [status, count]) => (status === 'draft' ? sum : sum + count), 0);

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
      <Group align="flex-end" gap="sm">
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <Select
          label={t('calls.phaseLabel')}
          placeholder={t('calls.filterAll')}
          clearable
          data={callPhases.map((value) => ({ value, label: t(`calls.phase.${value}`) }))}
          value={filters.phase || null}
          onChange={setFilter('phase')}
        />
        <Select
          label={t('calls.kindLabel')}
          placeholder={t('calls.filterAll')}
          clearable
          data={callKinds.map((value) => ({ value, label: t(`calls.kind.${value}`) }))}
          value={filters.kind || null}
          onChange={setFilter('kind')}
        />
        <Select
          label={t('calls.admin.publication')}
          placeholder={t('calls.filterAll')}
          clearable
          data={[
            { value: 'true', label: t('calls.admin.published') },
            { value: 'false', label: t('calls.admin.unpublished') },
          ]}
          value={filters.published || null}
          onChange={setFilter('published')}
        />
        <SortControls
          fields={[
            { value: 'closesAt', label: t('calls.closes') },
            { value: 'opensAt', label: t('calls.opens') },
            { value: 'title', label: t('calls.admin.titleColumn') },
            { value: 'updatedAt', label: t('calls.admin.updatedAt') },
          ]}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path="/calls/export" filters={query} />
      </Group>
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
            {calls.data?.items.map((call) => (
              <Table.Tr key={call.id} data-testid="call-row">
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
                  <LocalInstant instant={call.closesAt} />
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
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {calls.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.total', { count: calls.data.total })}
          </Text>
          <Pager total={calls.data.total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}

export function CallsAdminPage() {
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <CallsAdmin />
    </RequireRole>
  );
}
