import { Badge, Button, Card, Grid, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Park, parkStatuses, type Roadmap, regions, sectors } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { pickText } from '../../../shared/localized-text.js';
import { api } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { LocalDate } from '../../components/LocalDate.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { SortControls } from '../../components/SortControls.js';
import { currentLocale } from '../../i18n/index.js';
import { hasRole, useMe } from '../../session.js';
import { MoroccoMap } from './MoroccoMap.js';
import { ParkForm } from './ParkForm.js';
import { RoadmapTimeline } from './RoadmapTimeline.js';

export function NetworkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const [creating, creation] = useDisclosure(false);
  const list = useListPage<Park>({
    path: '/parks',
    defaults: { status: '', region: '', sector: '', sort: 'name', order: 'asc' },
    pageSize: 12,
  });
  const { filters, setFilter } = list;

  const roadmap = useQuery({ queryKey: ['roadmap', locale], queryFn: () => api.get<Roadmap>('/parks/roadmap') });
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('network.title')}</Title>
          {roadmap.data && (
            <Text c="dimmed">
              {t('network.summary', {
                open: roadmap.data.openCount,
                building: roadmap.data.underConstructionCount,
                planned: roadmap.data.plannedCount,
              })}
            </Text>
          )}
        </div>
        {hasRole(me.data, 'network_admin') && (
          <Button leftSection={<IconPlus size={16} />} onClick={creation.open} data-testid="create-park">
            {t('park.create')}
          </Button>
        )}
      </Group>

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('network.map')}
            </Title>
            {roadmap.data ? <MoroccoMap roadmap={roadmap.data} /> : <Loader aria-label={t('common.loading')} />}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('network.roadmap')}
            </Title>
            {roadmap.data ? <RoadmapTimeline roadmap={roadmap.data} /> : <Loader aria-label={t('common.loading')} />}
          </Card>
        </Grid.Col>
      </Grid>

      <Title order={2} size="h3">
        {t('network.parks')}
      </Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('common.search')}
          leftSection={<IconSearch size={14} />}
          value={list.search}
          onChange={(event) => list.setSearch(event.currentTarget.value)}
        />
        <Select
          label={t('park.status')}
          clearable
          data={parkStatuses.map(option('parkStatus'))}
          value={filters.status || null}
          onChange={setFilter('status')}
        />
        <Select
          label={t('park.region')}
          clearable
          searchable
          data={regions.map(option('region'))}
          value={filters.region || null}
          onChange={setFilter('region')}
        />
        <Select
          label={t('park.sector')}
          clearable
          data={sectors.map(option('sector'))}
          value={filters.sector || null}
          onChange={setFilter('sector')}
        />
        <SortControls
          fields={['name', 'city', 'status', 'openingDate'].map((value) => ({ value, label: t(`park.sort.${value}`) }))}
          sort={filters.sort}
          order={filters.order}
          onSort={setFilter('sort')}
          onOrder={setFilter('order')}
        />
        <ExportButtons path={list.exportPath} filters={list.apiFilters} />
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.query.data?.items.map((park) => (
          <Card key={park.id} withBorder component={Link} to={`/parks/${park.slug}`} data-testid="park-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700}>{pickText(park.name, locale)}</Text>
              <Badge
                variant="light"
                style={{ flexShrink: 0 }}
                color={park.status === 'open' ? 'teal' : park.status === 'planned' ? 'violet' : 'orange'}
              >
                {t(`parkStatus.${park.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {pickText(park.city, locale)} · {t(`region.${park.region}`)}
            </Text>
            <Text size="sm" mt="xs">
              {park.status === 'open' ? t('network.openedOn') : t('network.targetDate')}{' '}
              <LocalDate date={park.openingDate ?? park.targetOpeningDate} />
            </Text>
            <Group gap={4} mt="xs">
              {park.sectors.map((sector) => (
                <Badge key={sector} size="xs" variant="outline" color="gray">
                  {t(`sector.${sector}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm" mt="xs">
              {t('park.statsLine', {
                spaces: formatNumber(park.stats.spaceCount, locale),
                area: formatNumber(park.stats.leasableAreaM2, locale, { maximumFractionDigits: 0 }),
                capacity: park.capacityCompanies === null ? '—' : formatNumber(park.capacityCompanies, locale),
              })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <ListFooter list={list} />
      {creating && <ParkForm opened={creating} onClose={creation.close} isNetworkAdmin />}
    </Stack>
  );
}
