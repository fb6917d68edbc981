import { Alert, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyDetail } from '../../../../contracts/companies.js';
import { ApiError, api } from '../../../api.js';
import { usePageName } from '../../../components/DocumentTitle.js';
import { Loading } from '../../../components/Loading.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { useMe } from '../../../session.js';
import { CompanyHistoryPanel } from '../lifecycle/CompanyHistoryPanel.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';
import { CompanyMembersPanel } from '../members/CompanyMembersPanel.js';
import { CompanyReportsPanel } from '../reports/CompanyReportsPanel.js';
import { CompanyForm } from './CompanyForm.js';
import { CompanyLogo } from './CompanyLogo.js';
import { CompanyProfilePanel } from './CompanyProfilePanel.js';
import { type CompanyTab, companyTabs } from './company-search.js';

/** The company's name, logo, current status and park; the edit button for who may edit it. */
function CompanyHeader({ company, onEdit }: { company: CompanyDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const name = company.brandName || company.legalName;
  usePageName(name);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <CompanyLogo name={name} url={company.logoUrl} size={64} />
        <div style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          {company.brandName && company.brandName !== company.legalName && <Text c="dimmed">{company.legalName}</Text>}
          <Group gap="xs" mt={4}>
            <LifecycleBadge status={company.status} />
            <Text size="sm" c="dimmed">
              {t('companies.since')} <LocalDate date={company.statusDate} />
            </Text>
            {company.parkName && (
              <Text size="sm" c="dimmed">
                · {company.parkName}
              </Text>
            )}
          </Group>
        </div>
      </Group>
      {company.rights.editProfile && (
        <Button
          leftSection={<IconPencil size={16} />}
          variant="light"
          onClick={onEdit}
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
  );
}

/** The tabs the reader may open: profile and history for all, members and reports by right. */
function CompanyTabs({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const { tab } = useSearch({ from: '/companies/$companyId' });
  const navigate = useNavigate({ from: '/companies/$companyId' });
  const available = companyTabs.filter(
    (value) => (value !== 'members' || company.rights.manageMembers) && (value !== 'reports' || company.rights.readReports),
  );
  const current = tab && available.includes(tab) ? tab : 'profile';
  return (
    <Tabs
      value={current}
      onChange={(value) =>
        navigate({
          // The other tabs' list parameters stay: back on their tab, the reader finds their filters again.
          search: ((previous: Record<string, unknown>) => ({ ...previous, tab: (value ?? 'profile') as CompanyTab })) as never,
          replace: true,
        })
      }
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
        <CompanyProfilePanel company={company} />
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="md">
        <CompanyHistoryPanel company={company} />
      </Tabs.Panel>
      {company.rights.manageMembers && (
        <Tabs.Panel value="members" pt="md">
          <CompanyMembersPanel company={company} />
        </Tabs.Panel>
      )}
      {company.rights.readReports && (
        <Tabs.Panel value="reports" pt="md">
          <CompanyReportsPanel companyId={company.id} canFile={company.rights.fileReports} />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

function Company() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const { companyId } = useParams({ from: '/companies/$companyId' });
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
  if (!company.data) return <Loading />;
  const data = company.data;

  return (
    <Stack gap="lg">
      <CompanyHeader company={data} onEdit={edit.open} />
      {!data.rights.editProfile && data.rights.read && me.data?.grants.some((grant) => grant.scopeId === data.id) && (
        <Text size="sm" c="dimmed">
          {t('companies.readOnly')}
        </Text>
      )}
      <CompanyTabs company={data} />
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
