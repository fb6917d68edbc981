import { Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../components/RequireRole.js';
import { useMe } from '../../../session.js';
import { CompanyForm } from './CompanyForm.js';

function NewCompany() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  // A manager of a single park adds companies to it; others choose.
  const managed = me.data?.grants.filter((grant) => grant.role === 'park_manager' && grant.scopeId) ?? [];
  const defaultParkId = managed.length === 1 ? managed[0].scopeId : null;
  return (
    <Stack maw={960}>
      <Title order={1}>{t('companies.create')}</Title>
      <CompanyForm
        defaultParkId={defaultParkId}
        canChoosePark
        onSaved={(company) => navigate({ to: '/companies/$companyId', params: { companyId: company.id } })}
        onCancel={() => navigate({ to: '/companies' })}
      />
    </Stack>
  );
}

export function NewCompanyPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager']}>
      <NewCompany />
    </RequireRole>
  );
}
