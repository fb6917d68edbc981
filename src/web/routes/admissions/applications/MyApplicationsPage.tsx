import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { applicationStatuses } from '../../../../contracts/admissions.js';
import type { MyApplication } from '../../../../contracts/applications.js';
import { pickText } from '../../../../shared/localized-text.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { ListExport, ListFilter } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { ApplicationStatusBadge } from '../calls/CallBadges.js';

/** One of the person's applications: its call, company, reference and status, the decision once made, the way back to it. */
function MyApplicationCard({ application }: { application: MyApplication }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder data-testid="my-application">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={700}>
              <Bdi>{pickText(application.call.title, locale)}</Bdi>
            </Text>
            <Text size="sm" c="dimmed">
              {application.companyName ? <Bdi>{application.companyName}</Bdi> : '—'}
              {application.reference && (
                <>
                  {' · '}
                  <Bdi ltr>{application.reference}</Bdi>
                </>
              )}
            </Text>
          </div>
          <ApplicationStatusBadge status={application.status} />
        </Group>
        {application.submittedAt ? (
          <Text size="sm">
            {t('applications.submittedOn')} <LocalInstant instant={application.submittedAt} />
          </Text>
        ) : (
          <Text size="sm">
            {t('applications.mine.deadline')} <LocalInstant instant={application.call.closesAt} hijri />
          </Text>
        )}
        {application.decision && (
          <Alert color={application.decision === 'admitted' ? 'teal' : application.decision === 'waitlisted' ? 'grape' : 'red'} p="xs">
            <Text size="sm" fw={700}>
              {t(`applications.decision.${application.decision}`)}
            </Text>
            {application.decisionReason && (
              <Text size="sm">
                <Bdi>{application.decisionReason}</Bdi>
              </Text>
            )}
          </Alert>
        )}
        <Group>
          <Button
            renderRoot={(props) => (
              <Link {...props} to="/calls/$slug/apply" params={{ slug: application.call.slug }} search={{ application: application.id }} />
            )}
            size="xs"
            variant={application.status === 'draft' ? 'filled' : 'light'}
          >
            {application.status === 'draft' ? t('applications.mine.continue') : t('applications.mine.view')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const list = useListPage<MyApplication>({
    path: '/my/applications',
    defaults: { status: '', sort: 'updatedAt', order: 'desc' },
    pageSize: 20,
  });

  return (
    <Stack maw={900}>
      <Title order={1}>{t('applications.mine.title')}</Title>
      <Group align="flex-end">
        <ListFilter
          list={list}
          name="status"
          label={t('applications.statusLabel')}
          placeholder={t('calls.filterAll')}
          options={applicationStatuses.map((value) => ({ value, label: t(`applications.status.${value}`) }))}
        />
        <Button component={Link} to="/calls" variant="light">
          {t('applications.mine.findCalls')}
        </Button>
        <ListExport list={list} />
      </Group>
      {list.query.isPending && <Loading />}
      {list.query.data?.items.map((application) => (
        <MyApplicationCard key={application.id} application={application} />
      ))}
      <ListFooter list={list} empty={t('applications.mine.none')} />
    </Stack>
  );
}

export function MyApplicationsPage() {
  return (
    <RequireRole roles="signed-in">
      <MyApplications />
    </RequireRole>
  );
}
