import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allocateBodySchema,
  type WaitingListPage as Page,
  type WaitingListEntry,
  waitingListStatuses,
  withdrawBodySchema,
} from '../../../../contracts/reviews.js';
import { formatNumber, localToday } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { showApiError, zodValidator } from '../../../components/forms.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';

const pageSize = 25;

/** A park's waiting list: first come, first served; who gets a unit of a given size; allocations and withdrawals. */
export function WaitingListPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager', 'program_officer']}>
      <WaitingList />
    </RequireRole>
  );
}

function WaitingList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { park } = useParams({ from: '/parks/$park/waiting-list' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [fits, setFits] = useState<number | string>('');
  const [fitsAreaM2] = useDebouncedValue(fits, 300);
  const [filters, setFilters] = useState({ status: 'waiting', sort: 'position', order: 'asc' });
  const [page, setPage] = useState(1);
  const [closing, setClosing] = useState<{ entry: WaitingListEntry; action: 'allocate' | 'withdraw' } | null>(null);
  const query = { q, fitsAreaM2: typeof fitsAreaM2 === 'number' && fitsAreaM2 > 0 ? fitsAreaM2 : undefined, ...filters };
  const list = useQuery({
    queryKey: ['waiting-list', park, query, page, locale],
    queryFn: () => api.get<Page>(`/parks/${park}/waiting-list${toQuery({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: keyof typeof filters) => (value: string | null) => {
    setFilters((current) => ({
      ...current,
      [name]: value ?? '',
      ...(name === 'status' ? { sort: value === 'waiting' ? 'position' : 'closedOn' } : {}),
    }));
    setPage(1);
  };

  if (list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 403)) return <NotFoundPage />;
  if (!list.data) return <Loader aria-label={t('common.loading')} />;
  const data = list.data;
  const waitingView = filters.status === 'waiting';
  const first = data.items.find((entry) => entry.position === 1);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/parks/${park}`} size="sm">
          {pickText(data.park.name, locale)}
        </Anchor>
        <Title order={1}>{t('waitingList.title', { park: pickText(data.park.name, locale) })}</Title>
        <Text c="dimmed">{t('waitingList.intro')}</Text>
      </div>
      <SegmentedControl
        value={filters.status}
        onChange={setFilter('status')}
        data={waitingListStatuses.map((value) => ({ value, label: t(`waitingList.status.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Group align="flex-end" gap="sm">
        {waitingView && (
          <NumberInput
            label={t('waitingList.fits')}
            description={t('waitingList.fitsHelp')}
            value={fits}
            onChange={(value) => {
              setFits(value);
              setPage(1);
            }}
            min={1}
            decimalScale={2}
            suffix={` ${t('reviews.squareMetres')}`}
            w={220}
            data-testid="fits-filter"
          />
        )}
        <TextInput label={t('common.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
        <SortControls
          fields={['position', 'requiredAreaM2', 'companyName', 'closedOn'].map((value) => ({
            value,
            label: t(`waitingList.sort.${value}`),
          }))}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path={`/parks/${park}/waiting-list/export`} filters={query} />
      </Group>
      {waitingView && query.fitsAreaM2 !== undefined && first && (
        <Alert color="teal" data-testid="fits-answer">
          {t('waitingList.nextFor', { company: first.companyName, area: formatNumber(query.fitsAreaM2, locale) })}
        </Alert>
      )}

      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table striped highlightOnHover data-testid="waiting-list">
          <Table.Thead>
            <Table.Tr>
              {waitingView && <Table.Th>{t('waitingList.position')}</Table.Th>}
              <Table.Th>{t('waitingList.company')}</Table.Th>
              <Table.Th>{t('waitingList.requiredArea')}</Table.Th>
              <Table.Th>{t('waitingList.requestedOn')}</Table.Th>
              <Table.Th>{waitingView ? t('waitingList.daysWaiting') : t('waitingList.daysWaited')}</Table.Th>
              {!waitingView && <Table.Th>{t('waitingList.closedOn')}</Table.Th>}
              {!waitingView && <Table.Th>{t('waitingList.note')}</Table.Th>}
              {waitingView && data.canManage && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="waiting-row">
                {waitingView && (
                  <Table.Td>
                    <Badge variant="light" size="lg" circle={(entry.position ?? 0) < 100}>
                      {entry.position}
                    </Badge>
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/companies/${entry.companyId}`} fw={600}>
                    {entry.companyName}
                  </Anchor>
                  {entry.applicationReference && (
                    <Text size="xs" c="dimmed">
                      {entry.applicationReference}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t('reviews.areaM2', { area: formatNumber(entry.requiredAreaM2, locale) })}</Table.Td>
                <Table.Td>
                  <LocalDate date={entry.requestedOn} />
                </Table.Td>
                <Table.Td>{formatNumber(entry.daysWaiting, locale)}</Table.Td>
                {!waitingView && (
                  <Table.Td>
                    <LocalDate date={entry.closedOn} />
                  </Table.Td>
                )}
                {!waitingView && <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</Table.Td>}
                {waitingView && data.canManage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setClosing({ entry, action: 'allocate' })} data-testid="allocate">
                        {t('waitingList.allocate')}
                      </Button>
                      <Button size="xs" variant="subtle" color="gray" onClick={() => setClosing({ entry, action: 'withdraw' })}>
                        {t('waitingList.withdraw')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* On a phone, one card per company. */}
      <Stack hiddenFrom="sm" gap="xs">
        {data.items.map((entry) => (
          <Card key={entry.id} withBorder padding="sm" data-testid="waiting-card">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              {waitingView && (
                <Badge variant="light" size="lg" circle={(entry.position ?? 0) < 100}>
                  {entry.position}
                </Badge>
              )}
              <Stack gap={2} style={{ flex: 1 }}>
                <Anchor component={Link} to={`/companies/${entry.companyId}`} fw={600}>
                  {entry.companyName}
                </Anchor>
                <Text size="sm">
                  {t('reviews.areaM2', { area: formatNumber(entry.requiredAreaM2, locale) })} · {t('waitingList.requestedOn')}{' '}
                  <LocalDate date={entry.requestedOn} />
                </Text>
                <Text size="sm" c="dimmed">
                  {t(waitingView ? 'waitingList.daysWaitingCount' : 'waitingList.daysWaitedCount', {
                    days: formatNumber(entry.daysWaiting, locale),
                  })}
                </Text>
                {!waitingView && (
                  <Text size="sm">
                    {t('waitingList.closedOn')} <LocalDate date={entry.closedOn} /> {entry.note && `· ${entry.note}`}
                  </Text>
                )}
                {waitingView && data.canManage && (
                  <Group gap={4} mt={4}>
                    <Button size="xs" variant="light" onClick={() => setClosing({ entry, action: 'allocate' })}>
                      {t('waitingList.allocate')}
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => setClosing({ entry, action: 'withdraw' })}>
                      {t('waitingList.withdraw')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      {data.items.length === 0 && <Text c="dimmed">{query.fitsAreaM2 ? t('waitingList.noneFits') : t('waitingList.empty')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('common.total', { count: data.total })}
        </Text>
        <Pager total={data.total} pageSize={pageSize} page={page} onChange={setPage} />
      </Group>
      {closing && <CloseEntryModal entry={closing.entry} action={closing.action} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

/** Allocating a unit (with its date) or withdrawing a company (with a note saying why). */
function CloseEntryModal({ entry, action, onClose }: { entry: WaitingListEntry; action: 'allocate' | 'withdraw'; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { date: localToday(), note: '' },
    validate: (values) => {
      const errors =
        action === 'allocate'
          ? zodValidator(allocateBodySchema)({ allocatedOn: values.date, note: values.note })
          : zodValidator(withdrawBodySchema)({ withdrawnOn: values.date, note: values.note });
      const { allocatedOn, withdrawnOn, ...rest } = errors as Record<string, string>;
      return { ...rest, ...(allocatedOn || withdrawnOn ? { date: allocatedOn ?? withdrawnOn } : {}) };
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      action === 'allocate'
        ? api.post(`/waiting-list/${entry.id}/allocate`, { allocatedOn: values.date, note: values.note })
        : api.post(`/waiting-list/${entry.id}/withdraw`, { withdrawnOn: values.date, note: values.note }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['waiting-list'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setErrors(Object.fromEntries(error.details.map((detail) => [detail.path === 'note' ? 'note' : 'date', detail.message])));
      }
      showApiError(error);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(action === 'allocate' ? 'waitingList.allocateTitle' : 'waitingList.withdrawTitle', { company: entry.companyName })}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <TextInput
            type="date"
            label={t(action === 'allocate' ? 'waitingList.allocatedOn' : 'waitingList.withdrawnOn')}
            required
            min={entry.requestedOn}
            max={localToday()}
            {...form.getInputProps('date')}
          />
          <Textarea
            label={t(action === 'allocate' ? 'waitingList.allocationNote' : 'waitingList.withdrawalNote')}
            required={action === 'withdraw'}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="confirm-close-entry">
              {t(action === 'allocate' ? 'waitingList.allocate' : 'waitingList.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
