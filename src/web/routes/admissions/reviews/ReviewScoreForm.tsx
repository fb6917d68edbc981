import { Badge, Button, Card, Divider, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationBodySchema, type MemberReview } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { currentLocale } from '../../../i18n/index.js';
import { ReviewScaleInput } from './ReviewScaleInput.js';

type Values = { scores: { criterionId: string; score: number | null; comment: string }[]; comment: string };

function toBody(values: Values) {
  return {
    // An unchosen score is "required", not "expected a number".
    scores: values.scores.map((entry) => ({ ...entry, score: entry.score ?? undefined })),
    comment: values.comment,
  };
}

/**
 * The grid: one score per criterion on the call's scale, with its weight and description, an optional
 * comment on each, and a general comment. Sent once, after a confirmation: an evaluation is final.
 */
export function ReviewScoreForm({ review }: { review: MemberReview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<Values>({
    initialValues: { scores: review.criteria.map((criterion) => ({ criterionId: criterion.id, score: null, comment: '' })), comment: '' },
    validate: (values) => zodValidator(evaluationBodySchema)(toBody(values)),
  });
  const submit = useAction({
    mutationFn: () => api.post<MemberReview>(`/reviews/${review.applicationId}/evaluation`, toBody(form.values)),
    success: () => t('reviews.score.submitted'),
    form,
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries();
    },
    onError: () => {
      setConfirming(false);
    },
  });
  const totalWeight = review.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);

  return (
    <Card withBorder data-testid="score-form">
      <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
        <Stack>
          <div>
            <Title order={2} size="h3">
              {t('reviews.grid.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('reviews.grid.intro', { min: review.call.scoreMin, max: review.call.scoreMax })}
            </Text>
          </div>
          {review.criteria.map((criterion, index) => (
            <Stack key={criterion.id} gap={6}>
              {index > 0 && <Divider />}
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={700}>{pickText(criterion.label, locale)}</Text>
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {t('reviews.grid.weight', { weight: criterion.weight, percent: Math.round((criterion.weight / totalWeight) * 100) })}
                </Badge>
              </Group>
              <ReviewScaleInput
                label={t('reviews.score')}
                groupLabel={t('reviews.grid.scoreOf', { criterion: pickText(criterion.label, locale) })}
                description={criterion.description ? pickText(criterion.description, locale) : undefined}
                min={review.call.scoreMin}
                max={review.call.scoreMax}
                name={`score-${index}`}
                value={form.values.scores[index].score}
                onChange={(value) => form.setFieldValue(`scores.${index}.score`, value)}
                error={form.errors[`scores.${index}.score`]}
              />
              <Textarea
                label={t('reviews.grid.criterionComment')}
                autosize
                minRows={1}
                maxRows={6}
                {...form.getInputProps(`scores.${index}.comment`)}
              />
            </Stack>
          ))}
          <Divider />
          <Textarea label={t('reviews.grid.comment')} autosize minRows={3} {...form.getInputProps('comment')} />
          {form.errors.scores && (
            <Text c="red" size="sm">
              {form.errors.scores}
            </Text>
          )}
          <Button type="submit" data-testid="submit-scores">
            {t('reviews.grid.submit')}
          </Button>
        </Stack>
      </form>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('reviews.grid.confirmTitle')} centered>
        <Stack>
          <Text>{t('reviews.grid.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="confirm-scores">
              {t('reviews.grid.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
