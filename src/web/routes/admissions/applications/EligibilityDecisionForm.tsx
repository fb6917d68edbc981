import { Alert, Button, Group, List, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EligibilityProblemView, OfficerApplication } from '../../../../contracts/applications.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';

type Values = { eligible: 'yes' | 'no' | ''; note: string };

/**
 * The officer's eligibility decision. The automatic check's findings are shown first: declaring the
 * application eligible all the same needs a note; declaring it not eligible sends the reasons to the applicant.
 */
export function EligibilityDecisionForm({
  applicationId,
  problems,
  onDone,
}: {
  applicationId: string;
  problems: EligibilityProblemView[];
  onDone?: (application: OfficerApplication) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    initialValues: { eligible: problems.length ? '' : 'yes', note: '' },
    validate: {
      eligible: (value) => (value ? null : t('validation.required')),
      note: (value, values) => {
        if (values.eligible === 'yes' && problems.length && !value.trim()) return t('validation.override_note_required');
        if (values.eligible === 'no' && !problems.length && !value.trim()) return t('validation.ineligible_reason_required');
        return null;
      },
    },
  });
  const decide = useAction({
    mutationFn: (values: Values) =>
      api.post<OfficerApplication>(`/applications/${applicationId}/eligibility`, {
        eligible: values.eligible === 'yes',
        note: values.note,
      }),
    success: (_application, values) =>
      t(values.eligible === 'yes' ? 'applications.eligibility.declaredEligible' : 'applications.eligibility.declaredIneligible'),
    form,
    onSuccess: async (application) => {
      await client.invalidateQueries();
      onDone?.(application);
    },
  });
  const eligible = form.getValues().eligible;

  return (
    <form onSubmit={form.onSubmit((values) => decide.mutate(values))} noValidate data-testid="eligibility-form">
      <Stack>
        {problems.length > 0 ? (
          <Alert color="orange" title={t('applications.eligibility.problemsFound')}>
            <List size="sm" spacing={4}>
              {problems.map((problem) => (
                <List.Item key={problem.key}>{problem.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="teal">{t('applications.eligibility.noProblem')}</Alert>
        )}
        <Radio.Group label={t('applications.eligibility.decision')} withAsterisk {...form.getInputProps('eligible')}>
          <Group mt="xs">
            <Radio value="yes" label={t('applications.eligibility.eligible')} />
            <Radio value="no" label={t('applications.eligibility.ineligible')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={eligible === 'no' ? t('applications.eligibility.reasonForApplicant') : t('applications.eligibility.note')}
          description={
            eligible === 'no'
              ? t('applications.eligibility.reasonHelp')
              : problems.length
                ? t('applications.eligibility.overrideHelp')
                : t('applications.eligibility.noteHelp')
          }
          autosize
          minRows={3}
          maxLength={2000}
          withAsterisk={(eligible === 'yes' && problems.length > 0) || (eligible === 'no' && problems.length === 0)}
          {...form.getInputProps('note')}
        />
        {eligible === 'yes' && <Alert color="violet">{t('applications.eligibility.eligibleEffect')}</Alert>}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={decide.isPending}
            color={eligible === 'no' ? 'orange' : undefined}
            data-testid="decide-eligibility"
          >
            {t('applications.eligibility.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
