import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type WaitingListPage as Page, type WaitingListEntry, waitingListStatuses } from '../../../../contracts/reviews.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError } from '../../../api.js';
import { Loading } from '../../../components/Loading.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { ListExport, ListSearch } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { SortControls } from '../../../components/SortControls.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { CloseEntryModal } from './CloseEntryModal.js';

/** No sort chosen: the queue's order while waiting, the latest closed first otherwise. */
const defaults = { status: 'waiting', fitsAreaM2: '', sort: '', order: 'asc' };
type WaitingList = ListPage<WaitingListEntry, typeof defaults>;
type Closing = { entry: WaitingListEntry; action: 'allocate' | 'withdraw' };

const naturalSort = (status: string) => (status === 'waiting' ? 'position' : 'closedOn');
const fitsOf = (value: string) => (Number(value) > 0 ? Number(value) : undefined);

/** A park's waiting list: first come, first served; who gets a unit of a given size; allocations and withdrawals. */
export function WaitingListPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager', 'program_officer']}>
      <WaitingListOfPark />
    </RequireRole>
  );
}

/** The unit size asked about, typed freely: the list (and the address) follow once typing pauses. */
function FitsInput({ list }: { list: WaitingList }) {
  const { t } = useTranslation();
  const [fits, setFits] = useState<number | string>(list.filters.fitsAreaM2);
  const [debounced] = useDebouncedValue(fits, 300);
  const { setFilter, filters } = list;
  useEffect(() => {
    if (String(debounced) !== filters.fitsAreaM2) setFilter('fitsAreaM2')(String(debounced));
  }, [debounced, filters.fitsAreaM2, setFilter]);
  return (
    <NumberInput
      label={t('waitingList.fits')}
      description={t('waitingList.fitsHelp')}
      value={fits}
      onChange={setFits}
      min={1}
      decimalScale={2}
      suffix={` ${t('reviews.squareMetres')}`}
      w={220}
      data-testid="fits-filter"
    />
  );
}

function WaitingListFilters({ list }: { list: WaitingList }) {
  const { t } = useTranslation();
  const { filters, setFilter } = list;
  return (
    <Group align="flex-end" gap="sm">
      {filters.status === 'waiting' && <FitsInput list={list} />}
      <ListSearch list={list} />
      <SortControls
        fields={['position', 'requiredAreaM2', 'companyName', 'closedOn'].map((value) => ({
          value,
          label: t(`waitingList.sort.${value}`),
        }))}
        sort={filters.sort || naturalSort(filters.status)}
        order={filters.order}
        onSort={setFilter('sort')}
        onOrder={setFilter('order')}
      />
      <ListExport list={list} />
    </Group>
  );
}

function EntryActions({ entry, onClose }: { entry: WaitingListEntry; onClose: (closing: Closing) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="light" onClick={() => onClose({ entry, action: 'allocate' })} data-testid="allocate">
        {t('waitingList.allocate')}
      </Button>
      <Button size="xs" variant="subtle" color="gray" onClick={() => onClose({ entry, action: 'withdraw' })}>
        {t('waitingList.withdraw')}
      </Button>
    </Group>
  );
}

type EntriesProps = { page: Page; waitingView: boolean; onClose: (closing: Closing) => void };

function EntriesTable({ page, waitingView, onClose }: EntriesProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
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
            {waitingView && page.canManage && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((entry) => (
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
              {waitingView && page.canManage && (
                <Table.Td>
                  <EntryActions entry={entry} onClose={onClose} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone, one card per company. */
function EntryCards({ page, waitingView, onClose }: EntriesProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack hiddenFrom="sm" gap="xs">
      {page.items.map((entry) => (
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
              {waitingView && page.canManage && <EntryActions entry={entry} onClose={onClose} />}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function WaitingListOfPark() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { park } = useParams({ from: '/parks/$park/waiting-list' });
  const [closing, setClosing] = useState<Closing | null>(null);
  const list = useListPage<WaitingListEntry, typeof defaults>({
    path: `/parks/${park}/waiting-list`,
    defaults,
    pageSize: 25,
    apiQuery: ({ status, fitsAreaM2, sort, ...rest }) => ({
      ...rest,
      status,
      // Who would get a unit is asked of the queue only.
      fitsAreaM2: status === 'waiting' ? fitsOf(fitsAreaM2) : undefined,
      sort: sort || naturalSort(status),
    }),
  });
  // The waiting list's page carries its park, and whether the reader keeps the list, above the rows.
  const page = list.query.data as Page | undefined;

  if (list.query.error instanceof ApiError && (list.query.error.status === 404 || list.query.error.status === 403)) return <NotFoundPage />;
  if (!page) return <Loading />;
  const waitingView = list.filters.status === 'waiting';
  const fits = waitingView ? fitsOf(list.filters.fitsAreaM2) : undefined;
  const first = page.items.find((entry) => entry.position === 1);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/parks/${park}`} size="sm">
          {pickText(page.park.name, locale)}
        </Anchor>
        <Title order={1}>{t('waitingList.title', { park: pickText(page.park.name, locale) })}</Title>
        <Text c="dimmed">{t('waitingList.intro')}</Text>
      </div>
      <SegmentedControl
        value={list.filters.status}
        onChange={list.setFilter('status')}
        data={waitingListStatuses.map((value) => ({ value, label: t(`waitingList.status.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <WaitingListFilters list={list} />
      {fits !== undefined && first && (
        <Alert color="teal" data-testid="fits-answer">
          {t('waitingList.nextFor', { company: isolate(first.companyName), area: formatNumber(fits, locale) })}
        </Alert>
      )}
      <EntriesTable page={page} waitingView={waitingView} onClose={setClosing} />
      <EntryCards page={page} waitingView={waitingView} onClose={setClosing} />
      <ListFooter list={list} empty={fits ? t('waitingList.noneFits') : t('waitingList.empty')} />
      {closing && <CloseEntryModal entry={closing.entry} action={closing.action} onClose={() => setClosing(null)} />}
    </Stack>
  );
}
