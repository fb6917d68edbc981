import { Button, Card, Group, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Deliberation, deliberationBodySchema } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { api } from '../../../api.js';
import { DateField } from '../../../components/DateFields.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { LocalDate, LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';

/** The minutes of the committee's deliberations on a call: a form for officers, the list for every reader. */
export function CallReviewDeliberations({ callId, canRecord }: { callId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['deliberations', callId],
    queryFn: () => api.get<{ items: Deliberation[] }>(`/calls/${callId}/deliberations`),
  });
  const form = useForm({
    initialValues: { heldOn: localToday(), attendees: [] as string[], minutes: '' },
    validate: zodValidator(deliberationBodySchema),
  });
  const record = useAction({
    mutationFn: (values: typeof form.values) => api.post<Deliberation>(`/calls/${callId}/deliberations`, values),
    success: () => t('reviews.minutes.recorded'),
    form,
    onSuccess: async () => {
      form.reset();
      await client.invalidateQueries({ queryKey: ['deliberations', callId] });
    },
  });

  return (
    <Stack data-testid="deliberations">
      <Title order={2} size="h3">
        {t('reviews.minutes.title')}
      </Title>
      {canRecord && (
        <Card withBorder>
          <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <DateField label={t('reviews.minutes.heldOn')} required max={localToday()} {...form.getInputProps('heldOn')} />
                <TagsInput
                  label={t('reviews.minutes.attendees')}
                  description={t('reviews.minutes.attendeesHelp')}
                  required
                  clearable
                  {...form.getInputProps('attendees')}
                />
              </Group>
              <Textarea label={t('reviews.minutes.text')} required autosize minRows={4} {...form.getInputProps('minutes')} />
              <Group justify="flex-end">
                <Button type="submit" loading={record.isPending} data-testid="record-minutes">
                  {t('reviews.minutes.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {list.data?.items.length === 0 && <Text c="dimmed">{t('reviews.minutes.none')}</Text>}
      {list.data?.items.map((deliberation) => (
        <Card key={deliberation.id} withBorder>
          <Stack gap={4}>
            <Text fw={700}>
              <LocalDate date={deliberation.heldOn} />
            </Text>
            <Text size="sm">
              {t('reviews.minutes.attendeesList', {
                names: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(deliberation.attendees),
              })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{deliberation.minutes}</Text>
            <Text size="xs" c="dimmed">
              {t('reviews.minutes.recordedBy', { name: isolate(deliberation.recordedByName ?? '—') })} ·{' '}
              <LocalInstant instant={deliberation.recordedAt} />
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
