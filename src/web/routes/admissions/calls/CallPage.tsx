import { Alert, Badge, Button, Card, Grid, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicCall } from '../../../../contracts/calls.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallKindBadge, CallPhaseBadge } from './CallBadges.js';
import { DaysLeft } from './CallDates.js';
import { formatList } from './call-text.js';

/** The call's eligibility rules in words: every sector, stage and region when the call sets none. */
export function EligibilityList({ eligibility }: { eligibility: PublicCall['eligibility'] }) {
  const { t } = useTranslation();
  const list = (values: string[], prefix: string) =>
    values.length
      ? formatList(
          values.map((value) => t(`${prefix}.${value}`)),
          currentLocale(),
        )
      : t('calls.eligibility.any');
  const label = (key: string) => <strong>{t('calls.labelColon', { label: t(key) })}</strong>;
  return (
    <List spacing={4} size="sm">
      <List.Item>
        {label('calls.eligibility.sectors')} {list(eligibility.sectors, 'sector')}
      </List.Item>
      <List.Item>
        {label('calls.eligibility.stages')} {list(eligibility.stages, 'companyStage')}
      </List.Item>
      <List.Item>
        {label('calls.eligibility.regions')} {list(eligibility.regions, 'region')}
      </List.Item>
      <List.Item>
        {label('calls.eligibility.maxAge')}{' '}
        {eligibility.maxCompanyAgeYears === null
          ? t('calls.eligibility.noAgeLimit')
          : t('calls.eligibility.years', { count: formatNumber(eligibility.maxCompanyAgeYears, currentLocale()) })}
      </List.Item>
    </List>
  );
}

/** The evaluation grid as applicants read it: each criterion's share of the score. */
function CallCriteria({ criteria }: { criteria: PublicCall['criteria'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (criteria.length === 0) return null;
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <>
      <Title order={2} size="h3">
        {t('calls.criteria.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('calls.criteria.publicIntro')}
      </Text>
      <Stack gap="xs">
        {criteria.map((criterion) => {
          const share = totalWeight ? (criterion.weight / totalWeight) * 100 : 0;
          return (
            <div key={criterion.id}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {pickText(criterion.label, locale)}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatNumber(share, locale, { maximumFractionDigits: 0 })} %
                </Text>
              </Group>
              {criterion.description && (
                <Text size="xs" c="dimmed">
                  {pickText(criterion.description, locale)}
                </Text>
              )}
              <Progress value={share} size="sm" aria-hidden />
            </div>
          );
        })}
      </Stack>
    </>
  );
}

/** The call's dates and the way to apply (or why one cannot yet, or any more). */
function ApplyCard({ call: data }: { call: PublicCall }) {
  const { t } = useTranslation();
  const slug = data.slug;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text size="sm">
          <strong>{t('calls.labelColon', { label: t('calls.opens') })}</strong> <LocalInstant instant={data.opensAt} />
        </Text>
        <Text size="sm" data-testid="call-deadline">
          <strong>{t('calls.labelColon', { label: t('calls.closes') })}</strong> <LocalInstant instant={data.closesAt} hijri />
        </Text>
        {data.phase === 'open' && <DaysLeft closesAt={data.closesAt} />}
        {data.phase === 'open' ? (
          <Button renderRoot={(props) => <Link {...props} to="/calls/$slug/apply" params={{ slug }} />} size="md" data-testid="apply">
            {t('calls.apply')}
          </Button>
        ) : (
          <Alert color={data.phase === 'upcoming' ? 'blue' : 'gray'}>
            {data.phase === 'upcoming' ? t('calls.notOpenYet') : t('calls.closedNotice')}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('calls.noAccountNeeded')}
        </Text>
      </Stack>
    </Card>
  );
}

export function CallPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { slug } = useParams({ from: '/calls/$slug' });
  const call = useQuery({ queryKey: ['public-call', slug], queryFn: () => api.get<PublicCall>(`/public/calls/${slug}`) });

  if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (!call.data) return <Loading />;
  const data = call.data;

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={6}>
        <Group gap="xs">
          <CallPhaseBadge phase={data.phase} />
          <CallKindBadge kind={data.kind} />
          <Badge variant="outline" color="gray">
            {data.park ? pickText(data.park.name, locale) : t('calls.networkWide')}
          </Badge>
        </Group>
        <Title order={1}>
          <Bdi>{pickText(data.title, locale)}</Bdi>
        </Title>
        {data.summary && (
          <Text size="lg" c="dimmed">
            {pickText(data.summary, locale)}
          </Text>
        )}
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack>
            {data.description && <Text style={{ whiteSpace: 'pre-line' }}>{pickText(data.description, locale)}</Text>}
            <Title order={2} size="h3">
              {t('calls.eligibility.title')}
            </Title>
            <EligibilityList eligibility={data.eligibility} />
            <CallCriteria criteria={data.criteria} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <ApplyCard call={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
