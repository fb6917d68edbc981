import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OfficerApplication, type OfficerApplicationSummary, officerApplicationStatuses } from '../../../../contracts/applications.js';
import type { OfficerCall } from '../../../../contracts/calls.js';
import { companyStages } from '../../../../contracts/companies.js';
import { sectors } from '../../../../contracts/parks.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallAdminTabs } from '../calls/CallAdminTabs.js';
import { ApplicationStatusBadge } from '../calls/CallBadges.js';
import { EligibilityDecisionForm } from './EligibilityDecisionForm.js';

const defaults = { status: '', sector: '', stage: '', sort: 'submittedAt', order: 'asc' };
type ApplicationsList = ListPage<OfficerApplicationSummary, typeof defaults>;

/** Opens the eligibility decision of one application in a dialog (its findings are read with it). */
function EligibilityDialog({ applicationId, onClose }: { applicationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const application = useQuery({
    queryKey: ['officer-application', applicationId],
    queryFn: () => api.get<OfficerApplication>(`/applications/${applicationId}`),
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('applications.eligibility.title')}>
      {application.data ? (
        <Stack>
          <Text size="sm" fw={700}>
            <Bdi ltr>{application.data.reference}</Bdi> · <Bdi>{application.data.companyName}</Bdi>
          </Text>
          <EligibilityDecisionForm applicationId={applicationId} problems={application.data.eligibilityProblems} onDone={onClose} />
        </Stack>
      ) : (
        <Loading />
      )}
    </Modal>
  );
}

/** Search, status, sector, stage and sort of a call's applications, and their export. */
function ApplicationFilters({ list }: { list: ApplicationsList }) {
  const { t } = useTranslation();
  const choices = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <ListToolbar
      list={list}
      filters={[
        {
          name: 'status',
          label: t('applications.statusLabel'),
          options: choices(officerApplicationStatuses, 'applications.status'),
          placeholder: t('calls.filterAll'),
        },
        { name: 'sector', label: t('applications.field.sector'), options: choices(sectors, 'sector'), placeholder: t('calls.filterAll') },
        {
          name: 'stage',
          label: t('applications.field.stage'),
          options: choices(companyStages, 'companyStage'),
          placeholder: t('calls.filterAll'),
        },
      ]}
      sort={[
        { value: 'submittedAt', label: t('applications.submittedAt') },
        { value: 'reference', label: t('applications.reference') },
        { value: 'companyName', label: t('applications.field.companyName') },
        { value: 'status', label: t('applications.statusLabel') },
      ]}
    />
  );
}

function ApplicationRow({
  application,
  canManage,
  onDecide,
}: {
  application: OfficerApplicationSummary;
  canManage: boolean;
  onDecide: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="application-row">
      <Table.Td>
        {/* A reference is one word: 2026-0001 never breaks at its dash. */}
        <Link to="/admin/applications/$applicationId" params={{ applicationId: application.id }} style={{ whiteSpace: 'nowrap' }}>
          <Bdi ltr>{application.reference}</Bdi>
        </Link>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          <Bdi>{application.companyName}</Bdi>
        </Text>
        <Text size="xs" c="dimmed">
          <Bdi>{application.contactName}</Bdi>
        </Text>
      </Table.Td>
      <Table.Td>{application.sector ? t(`sector.${application.sector}`) : '—'}</Table.Td>
      <Table.Td>{application.stage ? t(`companyStage.${application.stage}`) : '—'}</Table.Td>
      <Table.Td>
        <LocalInstant instant={application.submittedAt} />
      </Table.Td>
      <Table.Td>
        <ApplicationStatusBadge status={application.status} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {application.eligibilityProblemCount > 0 ? (
            <Badge color="orange" variant="light">
              {t('applications.eligibility.problemCount', { count: application.eligibilityProblemCount })}
            </Badge>
          ) : (
            <Badge color="teal" variant="light">
              {t('applications.eligibility.clear')}
            </Badge>
          )}
          {canManage && application.status === 'submitted' && (
            <Button size="compact-xs" variant="light" onClick={onDecide} data-testid="open-eligibility">
              {t('applications.eligibility.decide')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function CallApplications({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [deciding, setDeciding] = useState<string | null>(null);
  const call = useQuery({ queryKey: ['call', callId], queryFn: () => api.get<OfficerCall>(`/calls/${callId}`) });
  const list = useListPage<OfficerApplicationSummary, typeof defaults>({ path: `/calls/${callId}/applications`, defaults, pageSize: 25 });

  if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (!call.data) return <Loading />;
  const counts = call.data.counts;

  return (
    <Stack>
      <Title order={1}>
        <Bdi>{pickText(call.data.title, locale)}</Bdi>
      </Title>
      <CallAdminTabs callId={callId} active="applications" />
      <Group gap="xs">
        {officerApplicationStatuses.map((status) => (
          <Badge key={status} variant="light" color="gray" size="lg">
            {t(`applications.status.${status}`)}: {counts[status]}
          </Badge>
        ))}
      </Group>
      <ApplicationFilters list={list} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('applications.reference')}</Table.Th>
              <Table.Th>{t('applications.field.companyName')}</Table.Th>
              <Table.Th>{t('applications.field.sector')}</Table.Th>
              <Table.Th>{t('applications.field.stage')}</Table.Th>
              <Table.Th>{t('applications.submittedAt')}</Table.Th>
              <Table.Th>{t('applications.statusLabel')}</Table.Th>
              <Table.Th>{t('applications.eligibility.check')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((application) => (
              <ApplicationRow
                key={application.id}
                application={application}
                canManage={call.data.canManage}
                onDecide={() => setDeciding(application.id)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
      {deciding && <EligibilityDialog applicationId={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

/** A call's submitted applications for the officers (park managers read their parks'), with the eligibility decision. */
export function CallApplicationsPage() {
  const { callId } = useParams({ from: '/admin/calls/$callId/applications' });
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <CallApplications callId={callId} />
    </RequireRole>
  );
}
