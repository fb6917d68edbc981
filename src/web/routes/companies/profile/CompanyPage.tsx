import { Alert, Button, Group, Loader, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CompanyDetail } from '../../../../contracts/companies.js';
import { ApiError, api } from '../../../api.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { useMe } from '../../../session.js';
import { CompanyForm } from './CompanyForm.js';
import { CompanyHistoryPanel } from '../lifecycle/CompanyHistoryPanel.js';
import { CompanyLogo } from './CompanyLogo.js';
import { CompanyMembersPanel } from '../members/CompanyMembersPanel.js';
import { CompanyProfilePanel } from './CompanyProfilePanel.js';
import { CompanyReportsPanel } from '../reports/CompanyReportsPanel.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';

export const companyTabs = ['profile', 'history', 'members', 'reports'] as const;
export type CompanyTab = (typeof companyTabs)[number];
/** The open tab is in the address, so that a link (an e-mail, a reminder) can open the right one. */
export const companySearchSchema = z.object({ tab: z.enum(companyTabs).optional().catch(undefined) });

function Company() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const { companyId } = useParams({ from: '/companies/$companyId' });
  const { tab } = useSearch({ from: '/companies/$companyId' });
  const navigate = useNavigate({ from: '/companies/$companyId' });
  const [editing, edit] = useDisclosure(false);
  const company = useQuery({
    queryKey: ['company', companyId, locale, me.data?.user.id],
    queryFn: () => api.get<CompanyDetail>(`/companies/${companyId}`),
  });

  if (company.error instanceof ApiError && company.error.status === 404) return <NotFoundPage />;
  if (company.error instanceof ApiError && company.error.status === 403) {
    return (
      <Alert color="red" title={t('errors.forbiddenTitle')}>
        {t('errors.forbiddenText')}
      </Alert>
    );
  }
  if (!company.data) return <Loader aria-label={t('common.loading')} />;
  const data = company.data;
  const name = data.brandName || data.legalName;
  const available = companyTabs.filter(
    (value) => (value !== 'members' || data.rights.manageMembers) && (value !== 'reports' || data.rights.readReports),
  );
  const current = tab && available.includes(tab) ? tab : 'profile';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <CompanyLogo name={name} url={data.logoUrl} size={64} />
          <div style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            {data.brandName && data.brandName !== data.legalName && <Text c="dimmed">{data.legalName}</Text>}
            <Group gap="xs" mt={4}>
              <LifecycleBadge status={data.status} />
              <Text size="sm" c="dimmed">
                {t('companies.since')} <LocalDate date={data.statusDate} />
              </Text>
              {data.parkName && (
                <Text size="sm" c="dimmed">
                  · {data.parkName}
                </Text>
              )}
            </Group>
          </div>
        </Group>
        {data.rights.editProfile && (
          <Button
            leftSection={<IconPencil size={16} />}
            variant="light"
            onClick={edit.open}
            data-testid="edit-company"
            style={{ flexShrink: 0 }}
          >
            <Text span visibleFrom="xs" inherit>
              {t('companies.edit')}
            </Text>
            <Text span hiddenFrom="xs" inherit>
              {t('companies.editShort')}
            </Text>
          </Button>
        )}
      </Group>
      {!data.rights.editProfile && data.rights.read && me.data?.grants.some((grant) => grant.scopeId === data.id) && (
        <Text size="sm" c="dimmed">
          {t('companies.readOnly')}
        </Text>
      )}

      <Tabs
        value={current}
        onChange={(value) => navigate({ search: { tab: (value ?? 'profile') as CompanyTab }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {available.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`companies.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <CompanyProfilePanel company={data} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <CompanyHistoryPanel company={data} />
        </Tabs.Panel>
        {data.rights.manageMembers && (
          <Tabs.Panel value="members" pt="md">
            <CompanyMembersPanel company={data} />
          </Tabs.Panel>
        )}
        {data.rights.readReports && (
          <Tabs.Panel value="reports" pt="md">
            <CompanyReportsPanel companyId={data.id} canFile={data.rights.fileReports} />
          </Tabs.Panel>
        )}
      </Tabs>

      <Modal
        opened={editing}
        onClose={edit.close}
        size="xl"
        title={t('companies.edit')}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-h3-font-size)' } }}
      >
        {editing && <CompanyForm company={data} canChoosePark={data.rights.recordStatus} onSaved={edit.close} onCancel={edit.close} />}
      </Modal>
    </Stack>
  );
}

export function CompanyPage() {
  return (
    <RequireRole roles="signed-in">
      <Company />
    </RequireRole>
  );
}
