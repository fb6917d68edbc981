import { Alert, Button, Card, Grid, Group, Select, Stack, Text, Textarea, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CompanyDetail, type StatusEvent, transitionBodySchema } from '../../../../contracts/companies.js';
import { localToday } from '../../../../shared/calendar.js';
import { lifecycleTransitions } from '../../../../shared/company-lifecycle.js';
import { api } from '../../../api.js';
import { DateField } from '../../../components/DateFields.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { LocalDate, LocalInstant } from '../../../components/LocalDate.js';
import { isolate } from '../../../i18n/isolate.js';
import { LifecycleBadge, lifecycleColor } from './LifecycleBadge.js';

/** A change of status for park staff, offering only the statuses that may follow the current one. */
function TransitionForm({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const allowed = lifecycleTransitions[company.status];
  const form = useForm({
    initialValues: { status: allowed[0] ?? null, effectiveDate: localToday(), reason: '' } as {
      status: string | null;
      effectiveDate: string;
      reason: string;
    },
    validate: (values) => zodValidator(transitionBodySchema)({ ...values, status: values.status ?? undefined }),
  });
  const record = useAction({
    mutationFn: (values: typeof form.values) => api.post<StatusEvent>(`/companies/${company.id}/transitions`, values),
    success: (event) => t('companies.transitionRecorded', { status: t(`lifecycle.${event.status}`) }),
    form,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['company', company.id] });
      await client.invalidateQueries({ queryKey: ['/companies'] });
    },
  });

  if (allowed.length === 0) {
    return <Alert color="gray">{t('companies.finalStatus', { status: t(`lifecycle.${company.status}`) })}</Alert>;
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('companies.recordChange')}
      </Title>
      <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate data-testid="transition-form">
        <Stack gap="sm">
          <Select
            label={t('companies.newStatus')}
            required
            allowDeselect={false}
            data={allowed.map((value) => ({ value, label: t(`lifecycle.${value}`) }))}
            {...form.getInputProps('status')}
          />
          <DateField
            label={t('companies.statusDate')}
            description={t('companies.statusDateHelp')}
            required
            min={company.statusDate}
            max={localToday()}
            {...form.getInputProps('effectiveDate')}
          />
          <Textarea label={t('companies.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending}>
              {t('companies.recordChangeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The company's route through the network as a timeline, oldest first; nothing in it is ever rewritten. */
export function CompanyHistoryPanel({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const history = company.history;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: company.rights.recordStatus ? 7 : 12 }}>
        <Timeline active={history.length - 1} bulletSize={28} lineWidth={2} aria-label={t('companies.historyLabel')}>
          {history.map((event, index) => (
            <Timeline.Item
              key={event.id}
              bullet={
                index === history.length - 1 ? (
                  <ThemeIcon size={28} radius="xl" color={lifecycleColor[event.status]}>
                    <IconFlag size={14} />
                  </ThemeIcon>
                ) : undefined
              }
              title={
                <Group gap="xs">
                  <LifecycleBadge status={event.status} />
                  <Text fw={600} size="sm">
                    <LocalDate date={event.effectiveDate} />
                  </Text>
                </Group>
              }
              data-testid="history-event"
            >
              {event.reason && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                  {event.reason}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {event.recordedBy
                  ? t('companies.recordedBy', { name: isolate(event.recordedBy.name) })
                  : t(`companies.recordedBySource.${event.source}`)}
                {' · '}
                <LocalInstant instant={event.recordedAt} />
                {event.parkName && event.parkName !== company.parkName ? ` · ${event.parkName}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Grid.Col>
      {company.rights.recordStatus && (
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TransitionForm key={history.length} company={company} />
        </Grid.Col>
      )}
    </Grid>
  );
}
