import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationReview } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { ReviewMemberStatusBadge, ReviewScoreText } from './ReviewBadges.js';

/** Every member's scores and comments on one application, criterion by criterion, with the means (a table on wide screens). */
export function MembersTable({ review: data }: { review: ApplicationReview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { call, aggregate } = data;
  return (
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
                    {t('reviews.conflictReasonShown', { reason: isolate(member.conflict.reason) })}
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
  );
}

/** The same on a phone: one card per member, the grid's columns would not fit side by side. */
export function MemberCards({ review: data }: { review: ApplicationReview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { call } = data;
  return (
    <Stack hiddenFrom="sm" gap="xs">
      {data.members.map((member) => (
        <Card key={member.userId} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={700}>{member.name}</Text>
            <ReviewMemberStatusBadge status={member.status} />
          </Group>
          {member.conflict && (
            <Text size="sm" c="var(--mantine-color-orange-light-color)">
              {t('reviews.conflictReasonShown', { reason: isolate(member.conflict.reason) })}
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
  );
}
