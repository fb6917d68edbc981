import { Alert, Badge, Button, Card, Group, Loader, MultiSelect, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationReview } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { showApiError } from '../../../components/forms.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { DecisionForm } from '../decisions/DecisionForm.js';
import { ReviewMemberStatusBadge, ReviewScoreText, wholeBadge } from './ReviewBadges.js';

export const applicationReviewKey = (applicationId: string) => ['application-review', applicationId] as const;

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
  if (!review.data) return <Loader aria-label={t('common.loading')} />;
  const data = review.data;
  const { call, aggregate } = data;

  return (
    <Stack gap="md" data-testid="application-review-panel">
      <Title order={2} size="h3">
        {t('reviews.panel.title')}
      </Title>
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

      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table striped withTableBorder data-testid="review-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reviews.member')}</Table.Th>
              <Table.Th>{t('reviews.myStatus')}</Table.Th>
              {call.criteria.map((criterion) => (
                <Table.Th key={criterion.id}>
                  {pickText(criterion.label, locale)}{' '}
                  <Text span size="xs" c="dimmed">
                    ×{criterion.weight}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th>{t('reviews.weightedScore')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.members.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Text fw={600}>{member.name}</Text>
                  {member.conflict && (
                    <Text size="sm" c="var(--mantine-color-orange-light-color)">
                      {t('reviews.conflictReasonShown', { reason: member.conflict.reason })}
                    </Text>
                  )}
                  {member.evaluation?.comment && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {member.evaluation.comment}
                    </Text>
                  )}
                  {member.evaluation && (
                    <Text size="xs" c="dimmed">
                      <LocalInstant instant={member.evaluation.submittedAt} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ReviewMemberStatusBadge status={member.status} />
                </Table.Td>
                {call.criteria.map((criterion) => {
                  const score = member.evaluation?.scores.find((item) => item.criterionId === criterion.id);
                  return (
                    <Table.Td key={criterion.id}>
                      {score ? (
                        <>
                          <Text fw={600}>{score.score}</Text>
                          {score.comment && (
                            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                              {score.comment}
                            </Text>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <ReviewScoreText score={member.evaluation?.weightedScore ?? null} />
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2}>
                <Text fw={700}>{t('reviews.criterionMean')}</Text>
              </Table.Td>
              {call.criteria.map((criterion) => (
                <Table.Td key={criterion.id}>
                  <ReviewScoreText score={aggregate.criterionMeans.find((mean) => mean.criterionId === criterion.id)?.mean ?? null} />
                </Table.Td>
              ))}
              <Table.Td>
                <Text fw={700}>
                  <ReviewScoreText score={aggregate.score} />
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* On a phone, one card per member: the grid's columns would not fit side by side. */}
      <Stack hiddenFrom="sm" gap="xs">
        {data.members.map((member) => (
          <Card key={member.userId} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700}>{member.name}</Text>
              <ReviewMemberStatusBadge status={member.status} />
            </Group>
            {member.conflict && (
              <Text size="sm" c="var(--mantine-color-orange-light-color)">
                {t('reviews.conflictReasonShown', { reason: member.conflict.reason })}
              </Text>
            )}
            {member.evaluation && (
              <Stack gap={4} mt="xs">
                {call.criteria.map((criterion) => {
                  const score = member.evaluation?.scores.find((item) => item.criterionId === criterion.id);
                  return (
                    <div key={criterion.id}>
                      <Group justify="space-between" wrap="nowrap">
                        <Text size="sm">
                          {pickText(criterion.label, locale)}{' '}
                          <Text span size="xs" c="dimmed">
                            ×{criterion.weight}
                          </Text>
                        </Text>
                        <Text fw={700}>{score?.score ?? '—'}</Text>
                      </Group>
                      {score?.comment && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {score.comment}
                        </Text>
                      )}
                    </div>
                  );
                })}
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={700}>
                    {t('reviews.weightedScore')}
                  </Text>
                  <Text fw={700}>
                    <ReviewScoreText score={member.evaluation.weightedScore} max={call.scoreMax} />
                  </Text>
                </Group>
                {member.evaluation.comment && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {member.evaluation.comment}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  <LocalInstant instant={member.evaluation.submittedAt} />
                </Text>
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
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
  const save = useMutation({
    mutationFn: () => api.put<ApplicationReview>(`/applications/${review.applicationId}/assignments`, { memberUserIds: selected }),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
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
