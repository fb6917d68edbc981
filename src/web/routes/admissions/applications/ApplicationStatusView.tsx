import { Alert, Button, Card, Group, List, Modal, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { Trans, useTranslation } from 'react-i18next';
import type { ApplicantApplication } from '../../../../contracts/applications.js';
import { pickText } from '../../../../shared/localized-text.js';
import { Bdi } from '../../../components/Bdi.js';
import { useAction } from '../../../components/feedback.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { ApplicationStatusBadge } from '../calls/CallBadges.js';
import { AnswersView, ApplicantFieldsView } from './AnswersView.js';
import { applicantApi } from './applicant-api.js';

/** Where the application is on its way: submitted → eligibility → committee → decision. */
function progressStep(application: ApplicantApplication): number {
  switch (application.status) {
    case 'submitted':
      return 1;
    case 'under_review':
      return 2;
    case 'ineligible':
      return 1;
    case 'admitted':
    case 'waitlisted':
    case 'rejected':
      return 3;
    default:
      return 0;
  }
}

/** Where the application stands in words: its status, why it is not eligible, the decision and its reason. */
function StatusNotices({ application }: { application: ApplicantApplication }) {
  const { t } = useTranslation();
  return (
    <>
      {application.status === 'submitted' && <Alert color="blue">{t('applications.statusText.submitted')}</Alert>}
      {application.status === 'under_review' && <Alert color="violet">{t('applications.statusText.under_review')}</Alert>}
      {application.status === 'withdrawn' && <Alert color="gray">{t('applications.statusText.withdrawn')}</Alert>}
      {application.ineligibility && (
        <Alert color="orange" title={t('applications.statusText.ineligible')}>
          <List size="sm" spacing={4}>
            {application.ineligibility.problems.map((problem) => (
              <List.Item key={problem.key}>{problem.message}</List.Item>
            ))}
            {application.ineligibility.note && <List.Item>{application.ineligibility.note}</List.Item>}
          </List>
        </Alert>
      )}
      {application.decision && (
        <Alert
          color={application.decision === 'admitted' ? 'teal' : application.decision === 'waitlisted' ? 'grape' : 'red'}
          title={t(`applications.decision.${application.decision}`)}
          data-testid="decision"
        >
          {application.decisionReason && <Text size="sm">{application.decisionReason}</Text>}
          {application.decidedAt && (
            <Text size="xs" c="dimmed" mt={4}>
              <LocalInstant instant={application.decidedAt} />
            </Text>
          )}
        </Alert>
      )}
    </>
  );
}

/**
 * The call, the reference and the status. The reference is one word in its own direction: 2026-0001 inside the
 * Arabic sentence, never broken at its dash on a phone.
 */
function StatusHeading({ application }: { application: ApplicantApplication }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap={4}>
      <Text c="dimmed">
        <Link to="/calls/$slug" params={{ slug: application.call.slug }}>
          <Bdi>{pickText(application.call.title, locale)}</Bdi>
        </Link>
      </Text>
      <Group gap="sm">
        <Title order={1}>
          {application.reference ? (
            <Trans
              i18nKey="applications.referenceTitle"
              values={{ reference: application.reference }}
              components={{ ref: <Bdi ltr nowrap /> }}
            />
          ) : (
            t('applications.draftTitle')
          )}
        </Title>
        <ApplicationStatusBadge status={application.status} />
      </Group>
      {application.submittedAt && (
        <Text size="sm" c="dimmed">
          {t('applications.submittedOn')} <LocalInstant instant={application.submittedAt} />
        </Text>
      )}
    </Stack>
  );
}

/** The applicant's view of a submitted application: its status, then what they sent. Never scores. */
export function ApplicationStatusView({
  application,
  onChanged,
}: {
  application: ApplicantApplication;
  onChanged: (a: ApplicantApplication) => void;
}) {
  const { t } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const withdraw = useAction({
    mutationFn: () => applicantApi.withdraw(application.id),
    success: () => t('applications.withdrawn'),
    onSuccess: (updated) => {
      confirm.close();
      onChanged(updated);
    },
  });
  const step = progressStep(application);

  return (
    <Stack gap="lg" maw={900}>
      <StatusHeading application={application} />

      <StatusNotices application={application} />

      {application.status !== 'withdrawn' && (
        <Card withBorder>
          <Timeline active={step} bulletSize={16} lineWidth={2} aria-label={t('applications.progress')}>
            <Timeline.Item title={t('applications.step.submitted')} />
            <Timeline.Item title={t('applications.step.eligibility')} />
            <Timeline.Item title={t('applications.step.committee')} />
            <Timeline.Item title={t('applications.step.decision')} />
          </Timeline>
        </Card>
      )}

      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('applications.whatYouSent')}
          </Title>
          <ApplicantFieldsView application={application} />
          <AnswersView
            questions={application.call.questions}
            answers={application.answers}
            files={application.files}
            fileLink={(file) => ({ onClick: () => applicantApi.download(application.id, file) })}
          />
        </Stack>
      </Card>

      <Group>
        <Button component={Link} to="/my/applications" variant="light">
          {t('applications.nav.mine')}
        </Button>
        {application.withdrawable && (
          <Button color="red" variant="subtle" onClick={confirm.open} data-testid="withdraw">
            {t('applications.withdraw')}
          </Button>
        )}
      </Group>
      <Modal opened={confirming} onClose={confirm.close} title={t('applications.withdrawTitle')}>
        <Stack>
          <Text size="sm">{t('applications.withdrawText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t('applications.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
