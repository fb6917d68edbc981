import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { currentLocale, loadPageWords } from '../../i18n/index.js';
import { hasRole, useMe } from '../../session.js';
import { NetworkFilters, useNetworkList } from './NetworkFilters.js';
import { NetworkOverview } from './NetworkOverview.js';
import { ParkCard } from './ParkCard.js';

/**
 * The form for a new park, loaded when an administrator opens it (with the words beyond core its checks may show):
 * the network is everyone's first page.
 */
const ParkForm = lazy(() => Promise.all([import('./ParkForm.js'), loadPageWords()]).then(([module]) => ({ default: module.ParkForm })));

export function NetworkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useNetworkList();
  const [creating, creation] = useDisclosure(false);
  const roadmap = useQuery({ queryKey: ['roadmap', locale], queryFn: () => api.get<Roadmap>('/parks/roadmap') });

  return (
    <Stack gap="lg">
      <NetworkHeader roadmap={roadmap.data} onCreate={creation.open} />
      <NetworkOverview roadmap={roadmap.data} />
      <Title order={2} size="h3">
        {t('network.parks')}
      </Title>
      <NetworkFilters list={list} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.query.data?.items.map((park) => (
          <ParkCard key={park.id} park={park} />
        ))}
      </SimpleGrid>
      <ListFooter list={list} />
      {creating && (
        <Suspense fallback={null}>
          <ParkForm opened={creating} onClose={creation.close} isNetworkAdmin />
        </Suspense>
      )}
    </Stack>
  );
}

/** The title, the count of parks by status, and for the network's administrators the way to add a park. */
function NetworkHeader({ roadmap, onCreate }: { roadmap: Roadmap | undefined; onCreate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Group justify="space-between">
      <div>
        <Title order={1}>{t('network.title')}</Title>
        {roadmap && (
          <Text c="dimmed">
            {t('network.summary', {
              open: roadmap.openCount,
              building: roadmap.underConstructionCount,
              planned: roadmap.plannedCount,
            })}
          </Text>
        )}
      </div>
      {hasRole(me.data, 'network_admin') && (
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate} data-testid="create-park">
          {t('park.create')}
        </Button>
      )}
    </Group>
  );
}
