import { Alert, Badge, Button, Card, Group, MultiSelect, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationReview } from '../../../../contracts/reviews.js';
import { ApiError, api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { Loading } from '../../../components/Loading.js';
import { currentLocale } from '../../../i18n/index.js';
import { DecisionForm } from '../decisions/DecisionForm.js';
import { ReviewScoreText, wholeBadge } from './ReviewBadges.js';
import { MemberCards, MembersTable } from './ReviewMembers.js';

export const applicationReviewKey = (applicationId: string) => ['application-review', applicationId] as const;

/** The application's score, spread (flagged when members are far apart), rank and the call's scale. */
function ReviewAggregate({ review }: { review: ApplicationReview }) {
  const { t } = useTranslation();
  const { call, aggregate } = review;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('reviews.score')}
        </Text>
        <Text fw={700} size="lg" data-testid="review-aggregate-score">
          <ReviewScoreText score={aggregate.score} max={call.scoreMax} />
        </Text>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('reviews.spread')}
        </Text>
        <Group gap={6}>
          <Text fw={700} size="lg">
            <ReviewScoreText score={aggregate.spread} />
          </Text>
          {aggregate.flagged && (
            <Tooltip label={t('reviews.flagged')}>
              <Badge
                color="orange"
                variant="light"
                styles={wholeBadge}
                leftSection={<IconAlertTriangle size={12} />}
                data-testid="review-flag"
              >
                {t('reviews.ranking.flag')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('reviews.rank')}
        </Text>
        <Text fw={700} size="lg">
          {aggregate.rank ?? '—'}
        </Text>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('reviews.scale')}
        </Text>
        <Text fw={700} size="lg">
          {t('reviews.scaleRange', { min: call.scoreMin, max: call.scoreMax })}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

/**
 * The committee's work on one application, for officers (and, read-only, the managers of the call's park):
 * each member's scores and comments, conflicts with their reasons, the assignments, the decision.
 */
export function ApplicationReviewPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const review = useQuery({
    queryKey: [...applicationReviewKey(applicationId), locale],
    queryFn: () => api.get<ApplicationReview>(`/applications/${applicationId}/review`),
  });

  if (review.error instanceof ApiError && (review.error.status === 404 || review.error.status === 403)) return null;
  if (!review.data) return <Loading />;
  const data = review.data;
  const { call } = data;

  return (
    <Stack gap="md" data-testid="application-review-panel">
      <Title order={2} size="h3">
        {t('reviews.panel.title')}
      </Title>
      <ReviewAggregate review={data} />

      <MembersTable review={data} />
      <MemberCards review={data} />
      {data.members.length === 0 && <Text c="dimmed">{t('reviews.noMembers')}</Text>}

      {call.canDecide && data.status === 'under_review' && <AssignmentsEditor review={data} />}
      <DecisionForm review={data} />
    </Stack>
  );
}

/** Which members of the call's committee review this application; members who scored stay. */
function AssignmentsEditor({ review }: { review: ApplicationReview }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const assigned = review.members.map((member) => member.userId);
  const [selected, setSelected] = useState<string[]>(assigned);
  const assignedKey = assigned.join(',');
  useEffect(() => setSelected(assignedKey ? assignedKey.split(',') : []), [assignedKey]);
  const scored = new Set(review.members.filter((member) => member.status === 'scored').map((member) => member.userId));
  const save = useAction({
    mutationFn: () => api.put<ApplicationReview>(`/applications/${review.applicationId}/assignments`, { memberUserIds: selected }),
    success: () => t('reviews.assignments.saved', { count: selected.length }),
    onSuccess: () => client.invalidateQueries(),
  });
  if (review.committee.length === 0) return <Alert color="gray">{t('reviews.assignments.noCommittee')}</Alert>;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('reviews.assignments.title')}
        </Title>
        <MultiSelect
          label={t('reviews.assignments.members')}
          description={t('reviews.assignments.help')}
          data={review.committee.map((member) => ({ value: member.userId, label: member.name, disabled: scored.has(member.userId) }))}
          value={selected}
          onChange={(value) => setSelected([...new Set([...value, ...scored])])}
          data-testid="assignments-select"
        />
        <Group justify="flex-end">
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={selected.join(',') === assignedKey}
            data-testid="save-assignments"
          >
            {t('reviews.assignments.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
