import { Card, Grid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../contracts/parks.js';
import { Loading } from '../../components/Loading.js';
import { MoroccoMap } from './MoroccoMap.js';
import { RoadmapTimeline } from './RoadmapTimeline.js';

/** The network at a glance: the parks on the map of Morocco beside the roadmap of openings. */
export function NetworkOverview({ roadmap }: { roadmap: Roadmap | undefined }) {
  const { t } = useTranslation();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('network.map')}
          </Title>
          {roadmap ? <MoroccoMap roadmap={roadmap} /> : <Loading />}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('network.roadmap')}
          </Title>
          {roadmap ? <RoadmapTimeline roadmap={roadmap} /> : <Loading />}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
