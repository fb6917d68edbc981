import { Alert, Button, Card, Group, Modal, NumberInput, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../contracts/admissions.js';
import type { Page } from '../../../../contracts/lists.js';
import type { Park } from '../../../../contracts/parks.js';
import { type ApplicationReview, decisionBodySchema } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { DecisionBadge } from '../reviews/ReviewBadges.js';

type Values = { decision: Decision | ''; reason: string; requiredAreaM2: number | string; parkId: string | null };

function toBody(values: Values, residency: boolean) {
  return {
    decision: values.decision || undefined,
    reason: values.reason,
    ...(residency && values.decision === 'admitted'
      ? { requiredAreaM2: values.requiredAreaM2 === '' ? null : Number(values.requiredAreaM2), parkId: values.parkId }
      : {}),
  };
}

type Form = UseFormReturnType<Values>;

/** The decision taken, when it was, and the reason the applicant read. */
function DecisionShown({ review }: { review: ApplicationReview }) {
  const { t } = useTranslation();
  if (!review.decision) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <DecisionBadge decision={review.decision} />
        {review.decidedAt && (
          <Text size="sm" c="dimmed">
            <LocalInstant instant={review.decidedAt} />
          </Text>
        )}
      </Group>
      {review.decisionReason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('decisions.reasonShown', { reason: isolate(review.decisionReason) })}
        </Text>
      )}
    </Stack>
  );
}

/** The choice among the decisions allowed now, the reason and, admitted to a residency, the area (and park) it waits for. */
function DecisionFields({ review, form }: { review: ApplicationReview; form: Form }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const residency = review.call.kind === 'residency';
  const needsPark = residency && review.call.parkId === null;
  const parks = useQuery({
    queryKey: ['parks-for-decision', locale],
    queryFn: () => api.get<Page<Park>>('/parks?pageSize=100&status=open&sort=name'),
    enabled: needsPark,
  });
  return (
    <>
      {review.decision === 'waitlisted' && <Alert color="violet">{t('decisions.waitlistedCanChange')}</Alert>}
      <Radio.Group label={t('decisions.choose')} required {...form.getInputProps('decision')}>
        <Group mt="xs">
          {review.allowedDecisions.map((decision) => (
            <Radio key={decision} value={decision} label={t(`decisions.decision.${decision}`)} data-testid={`decision-${decision}`} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('decisions.reason')}
        description={t('decisions.reasonHelp')}
        required={form.values.decision === 'rejected' || form.values.decision === 'waitlisted'}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
      {residency && form.values.decision === 'admitted' && (
        <>
          <NumberInput
            label={t('decisions.requiredArea')}
            description={t('decisions.requiredAreaHelp')}
            min={1}
            decimalScale={2}
            suffix={` ${t('reviews.squareMetres')}`}
            {...form.getInputProps('requiredAreaM2')}
          />
          {needsPark && (
            <Select
              label={t('decisions.park')}
              data={(parks.data?.items ?? []).map((park) => ({ value: park.id, label: pickText(park.name, locale) }))}
              clearable
              {...form.getInputProps('parkId')}
            />
          )}
        </>
      )}
    </>
  );
}

/**
 * The officer's decision on an application: admitted, waitlisted or rejected with a reason the applicant
 * reads in their decision letter. Admitted to a residency: the required area sets their place on the park's
 * waiting list. Shown read-only once decided, or to whom only reads.
 */
export function DecisionForm({ review, onDecided }: { review: ApplicationReview; onDecided?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<Values | null>(null);
  const residency = review.call.kind === 'residency';
  const form = useForm<Values>({
    initialValues: { decision: '', reason: '', requiredAreaM2: review.requiredAreaM2 ?? '', parkId: null },
    validate: (values) => zodValidator(decisionBodySchema)(toBody(values, residency)),
  });
  const decide = useAction({
    mutationFn: (values: Values) =>
      api.post<ApplicationReview>(`/applications/${review.applicationId}/decision`, toBody(values, residency)),
    success: (_review, values) =>
      t('decisions.recorded', { decision: t(`decisions.decision.${values.decision}`), reference: isolate(review.reference) }),
    form,
    onSuccess: async () => {
      setConfirming(null);
      form.reset();
      await client.invalidateQueries();
      onDecided?.();
    },
    onError: () => {
      setConfirming(null);
    },
  });

  const decided = review.decision !== null && (review.allowedDecisions.length === 0 || !review.call.canDecide);
  return (
    <Card withBorder data-testid="decision-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('decisions.title')}
        </Title>
        <DecisionShown review={review} />
        {decided && review.allowedDecisions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('decisions.final')}
          </Text>
        )}
        {!review.call.canDecide && review.decision === null && <Text c="dimmed">{t('decisions.readOnly')}</Text>}
        {review.call.canDecide && review.allowedDecisions.length > 0 && (
          <form onSubmit={form.onSubmit((values) => setConfirming(values))} noValidate data-testid="decision-form">
            <Stack gap="sm">
              <DecisionFields review={review} form={form} />
              <Group justify="flex-end">
                <Button type="submit" data-testid="decide">
                  {t('decisions.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('decisions.confirmTitle')} centered>
        {confirming?.decision && (
          <Stack>
            <Text>
              {t('decisions.confirmText', {
                decision: t(`decisions.decision.${confirming.decision}`),
                reference: isolate(review.reference),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => decide.mutate(confirming)} loading={decide.isPending} data-testid="confirm-decision">
                {t('decisions.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
