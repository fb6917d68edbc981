import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OfficerApplication } from '../../../../contracts/applications.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { ApplicationStatusBadge } from '../calls/CallBadges.js';
import { ApplicationReviewPanel } from '../reviews/ApplicationReviewPanel.js';
import { AnswersView, ApplicantFieldsView } from './AnswersView.js';
import { EligibilityDecisionForm } from './EligibilityDecisionForm.js';

/** The eligibility check: the decision form while it waits for one, else what the check found and who decided. */
function EligibilityCard({ application: data }: { application: OfficerApplication }) {
  const { t } = useTranslation();
  const checked = data.eligibilityCheckedAt !== null;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('applications.eligibility.title')}
        </Title>
        {data.canDecideEligibility ? (
          <EligibilityDecisionForm applicationId={data.id} problems={data.eligibilityProblems} />
        ) : (
          <Stack gap="xs">
            {data.eligibilityProblems.length > 0 ? (
              <Alert color="orange" title={t('applications.eligibility.problemsFound')}>
                {data.eligibilityProblems.map((problem) => (
                  <Text key={problem.key} size="sm">
                    {problem.message}
                  </Text>
                ))}
              </Alert>
            ) : (
              <Text size="sm">{t('applications.eligibility.noProblem')}</Text>
            )}
            {checked && (
              <Text size="sm">
                {t(
                  data.status === 'ineligible'
                    ? 'applications.eligibility.declaredIneligible'
                    : 'applications.eligibility.declaredEligible',
                  {
                    name: data.eligibilityCheckedBy ?? '—',
                  },
                )}{' '}
                <LocalInstant instant={data.eligibilityCheckedAt} />
              </Text>
            )}
            {data.eligibilityNote && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                <strong>{t('applications.eligibility.note')}:</strong> {data.eligibilityNote}
              </Text>
            )}
            {!checked && data.status === 'submitted' && <Text size="sm">{t('applications.eligibility.waiting')}</Text>}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function ApplicationAdmin({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const application = useQuery({
    queryKey: ['officer-application', applicationId],
    queryFn: () => api.get<OfficerApplication>(`/applications/${applicationId}`),
  });
  if (application.error instanceof ApiError && application.error.status === 404) return <NotFoundPage />;
  if (!application.data) return <Loading />;
  const data = application.data;

  return (
    <Stack maw={1100}>
      <Stack gap={4}>
        <Text c="dimmed">
          <Link to="/admin/calls/$callId/applications" params={{ callId: data.call.id }}>
            {pickText(data.call.title, locale)}
          </Link>
          {data.call.park && ` · ${pickText(data.call.park.name, locale)}`}
        </Text>
        <Group gap="sm">
          <Title order={1}>
            <Bdi ltr>{data.reference}</Bdi> · <Bdi>{data.companyName}</Bdi>
          </Title>
          <ApplicationStatusBadge status={data.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('applications.submittedOn')} <LocalInstant instant={data.submittedAt} />
          {data.applicant && (
            <>
              {` · ${t('applications.account')} `}
              <Bdi>{data.applicant.name}</Bdi>
            </>
          )}
        </Text>
      </Stack>

      <EligibilityCard application={data} />

      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('applications.section.company')}
          </Title>
          <ApplicantFieldsView application={data} />
        </Stack>
      </Card>

      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('applications.section.questions')}
          </Title>
          <AnswersView
            questions={data.call.questions}
            answers={data.answers}
            files={data.files}
            fileLink={(file) => ({ href: `/api/v1/applications/${data.id}/files/${file.id}` })}
          />
        </Stack>
      </Card>

      <ApplicationReviewPanel applicationId={data.id} />
    </Stack>
  );
}

export function ApplicationAdminPage() {
  const { applicationId } = useParams({ from: '/admin/applications/$applicationId' });
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <ApplicationAdmin applicationId={applicationId} />
    </RequireRole>
  );
}
