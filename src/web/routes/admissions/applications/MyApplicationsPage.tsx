import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationStatuses } from '../../../../contracts/admissions.js';
import type { MyApplication } from '../../../../contracts/calls.js';
import type { Page } from '../../../../contracts/lists.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api, toQuery } from '../../../api.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { ApplicationStatusBadge } from '../calls/CallBadges.js';

const pageSize = 20;

function MyApplications() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = { status, sort: 'updatedAt', order: 'desc', page, pageSize };
  const list = useQuery({
    queryKey: ['my-applications', query],
    queryFn: () => api.get<Page<MyApplication>>(`/my/applications${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack maw={900}>
      <Title order={1}>{t('applications.mine.title')}</Title>
      <Group align="flex-end">
        <Select
          label={t('applications.statusLabel')}
          placeholder={t('calls.filterAll')}
          clearable
          data={applicationStatuses.map((value) => ({ value, label: t(`applications.status.${value}`) }))}
          value={status || null}
          onChange={(value) => {
            setStatus(value ?? '');
            setPage(1);
          }}
        />
        <Button component={Link} to="/calls" variant="light">
          {t('applications.mine.findCalls')}
        </Button>
      </Group>
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data?.items.length === 0 && <Alert color="gray">{t('applications.mine.none')}</Alert>}
      {list.data?.items.map((application) => (
        <Card key={application.id} withBorder data-testid="my-application">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Text fw={700}>{pickText(application.call.title, locale)}</Text>
                <Text size="sm" c="dimmed">
                  {application.companyName || '—'}
                  {application.reference && (
                    <>
                      {' · '}
                      <span dir="ltr">{application.reference}</span>
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
                {t('applications.mine.deadline')} <LocalInstant instant={application.call.closesAt} />
              </Text>
            )}
            {application.decision && (
              <Alert color={application.decision === 'admitted' ? 'teal' : application.decision === 'waitlisted' ? 'grape' : 'red'} p="xs">
                <Text size="sm" fw={700}>
                  {t(`applications.decision.${application.decision}`)}
                </Text>
                {application.decisionReason && <Text size="sm">{application.decisionReason}</Text>}
              </Alert>
            )}
            <Group>
              <Button
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/calls/$slug/apply"
                    params={{ slug: application.call.slug }}
                    search={{ application: application.id }}
                  />
                )}
                size="xs"
                variant={application.status === 'draft' ? 'filled' : 'light'}
              >
                {application.status === 'draft' ? t('applications.mine.continue') : t('applications.mine.view')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {list.data && <Pager total={list.data.total} pageSize={pageSize} page={page} onChange={setPage} />}
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
