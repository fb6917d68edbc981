import { Alert, Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFile } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberReview } from '../../../../contracts/reviews.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { LocalDate, LocalInstant } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { ReviewMemberStatusBadge, ReviewScoreText } from './ReviewBadges.js';
import { ReviewConflictButton } from './ReviewConflictButton.js';
import { ReviewScoreForm } from './ReviewScoreForm.js';

export const memberReviewKey = (applicationId: string) => ['member-review', applicationId] as const;

/** One assigned file: the application on one side, the grid on the other (stacked on a phone). */
export function ReviewPage() {
  return (
    <RequireRole roles={['committee_member']}>
      <AssignedApplication />
    </RequireRole>
  );
}

function AssignedApplication() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { applicationId } = useParams({ from: '/reviews/$applicationId' });
  const review = useQuery({
    queryKey: [...memberReviewKey(applicationId), locale],
    queryFn: () => api.get<MemberReview>(`/reviews/${applicationId}`),
  });
  if (review.error instanceof ApiError && review.error.status === 404) return <NotFoundPage />;
  if (!review.data) return <Loading />;
  const data = review.data;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/reviews" size="sm">
          {t('reviews.mine.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>
            <Bdi>{data.companyName}</Bdi>
          </Title>
          <ReviewMemberStatusBadge status={data.myStatus} />
        </Group>
        <Text c="dimmed">
          <Bdi ltr>{data.reference}</Bdi> · <Bdi>{pickText(data.call.title, locale)}</Bdi>
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ApplicationFile review={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {data.conflict && (
              <Alert color="orange" title={t('reviews.conflict.declaredTitle')} data-testid="conflict-declared">
                {t('reviews.conflict.declaredText', { reason: isolate(data.conflict.reason) })}
              </Alert>
            )}
            {data.myEvaluation && <OwnEvaluation review={data} />}
            {data.canScore && <ReviewScoreForm review={data} />}
            {!data.canScore && data.myStatus === 'to_score' && <Alert color="gray">{t('reviews.closed')}</Alert>}
            {data.canScore && <ReviewConflictButton review={data} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ApplicationFile({ review }: { review: MemberReview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {t('reviews.file.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {fact(t('reviews.sector'), review.sector ? t(`sector.${review.sector}`) : '—')}
          {fact(t('reviews.file.stage'), review.stage ? t(`companyStage.${review.stage}`) : '—')}
          {fact(t('reviews.file.region'), review.region ? t(`region.${review.region}`) : '—')}
          {fact(t('reviews.file.creationDate'), <LocalDate date={review.creationDate} />)}
          {review.requiredAreaM2 !== null &&
            fact(t('reviews.file.requiredArea'), t('reviews.areaM2', { area: formatNumber(review.requiredAreaM2, locale) }))}
          {fact(t('reviews.file.submittedAt'), <LocalInstant instant={review.submittedAt} />)}
        </SimpleGrid>
        {review.answers.map((answer) => (
          <div key={answer.questionId}>
            <Text fw={700}>{pickText(answer.label, locale)}</Text>
            {answer.kind === 'file' ? (
              answer.files.length ? (
                <Stack gap={2}>
                  {answer.files.map((file) => (
                    <Anchor key={file.id} href={`/api/v1/reviews/${review.applicationId}/files/${file.id}`} target="_blank" rel="noopener">
                      <Group gap={4} wrap="nowrap">
                        <IconFile size={16} />
                        <span>{file.name}</span>
                        <Text span size="xs" c="dimmed">
                          ({formatNumber(Math.max(1, Math.round(file.size / 1024)), locale)} {t('reviews.file.kilobytes')})
                        </Text>
                      </Group>
                    </Anchor>
                  ))}
                </Stack>
              ) : (
                <Text c="dimmed">{t('reviews.file.noAnswer')}</Text>
              )
            ) : (
              <Text style={{ whiteSpace: 'pre-wrap' }} c={answer.text ? undefined : 'dimmed'}>
                {answer.text || t('reviews.file.noAnswer')}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function OwnEvaluation({ review }: { review: MemberReview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const evaluation = review.myEvaluation;
  if (!evaluation) return null;
  return (
    <Card withBorder data-testid="own-evaluation">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('reviews.own.title')}
          </Title>
          <Badge variant="light" size="lg">
            <ReviewScoreText score={evaluation.weightedScore} max={review.call.scoreMax} />
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('reviews.own.submittedAt')} <LocalInstant instant={evaluation.submittedAt} />
        </Text>
        {review.criteria.map((criterion) => {
          const score = evaluation.scores.find((item) => item.criterionId === criterion.id);
          return (
            <div key={criterion.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{pickText(criterion.label, locale)}</Text>
                <Text fw={700}>
                  <ReviewScoreText score={score?.score ?? null} max={review.call.scoreMax} />
                </Text>
              </Group>
              {score?.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {score.comment}
                </Text>
              )}
            </div>
          );
        })}
        {evaluation.comment && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {evaluation.comment}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
