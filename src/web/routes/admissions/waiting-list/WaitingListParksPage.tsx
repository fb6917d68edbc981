import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WaitingListParkSummary } from '../../../../contracts/reviews.js';
import { Loading } from '../../../components/Loading.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';

/** The parks whose waiting lists the reader follows, with how many companies wait and since when. */
export function WaitingListParksPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager', 'program_officer']}>
      <WaitingListParks />
    </RequireRole>
  );
}

function ParkCard({ park }: { park: WaitingListParkSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="waiting-list-park">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Anchor component={Link} to={`/parks/${park.parkId}/waiting-list`} fw={700}>
          {park.name}
        </Anchor>
        <Text fw={800} size="xl" c={park.waiting ? 'teal.9' : 'dimmed'}>
          {park.waiting}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {park.waiting ? t('waitingList.waitingCount', { count: park.waiting }) : t('waitingList.empty')}
      </Text>
      {park.oldestRequestedOn && (
        <Text size="sm">
          {t('waitingList.oldest')} <LocalDate date={park.oldestRequestedOn} />
        </Text>
      )}
    </Card>
  );
}

function WaitingListParks() {
  const { t } = useTranslation();
  const list = useListPage<WaitingListParkSummary>({ path: '/waiting-lists', defaults: { sort: 'name', order: 'asc' }, pageSize: 24 });
  return (
    <Stack>
      <div>
        <Title order={1}>{t('waitingList.parksTitle')}</Title>
        <Text c="dimmed">{t('waitingList.intro')}</Text>
      </div>
      <ListToolbar list={list} sort={[{ value: 'name', label: t('waitingList.sort.name') }]} />
      {list.query.isPending && <Loading />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.query.data?.items.map((park) => (
          <ParkCard key={park.parkId} park={park} />
        ))}
      </SimpleGrid>
      <ListFooter list={list} />
    </Stack>
  );
}
