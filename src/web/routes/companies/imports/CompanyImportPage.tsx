import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../components/RequireRole.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportResult } from './ImportResult.js';
import { problemsPrefix } from './ImportTables.js';
import { ImportUploadForm } from './ImportUploadForm.js';

/** Another import opened: the past imports keep their filters, the problems start at their first page. */
function openedSearch(previous: Record<string, unknown>, id: string | undefined) {
  const kept = Object.fromEntries(Object.entries(previous).filter(([name]) => name !== 'id' && !name.startsWith(problemsPrefix)));
  return id ? { ...kept, id } : kept;
}

const route = getRouteApi('/companies/import');

function CompanyImport() {
  const { t } = useTranslation();
  const { id } = route.useSearch();
  const navigate = useNavigate();
  const open = (importId?: string) =>
    navigate({ to: '/companies/import', search: ((previous: Record<string, unknown>) => openedSearch(previous, importId)) as never });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('import.title')}</Title>
        <Anchor component={Link} to="/companies" size="sm">
          {t('import.seeCompanies')}
        </Anchor>
      </Group>
      <Text maw={900}>{t('import.intro')}</Text>
      {id ? <ImportResult key={id} id={id} onNew={() => open()} /> : <ImportUploadForm onSent={(created) => open(created.id)} />}
      <ImportHistory current={id} onOpen={open} />
    </Stack>
  );
}

export function CompanyImportPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager']}>
      <CompanyImport />
    </RequireRole>
  );
}
