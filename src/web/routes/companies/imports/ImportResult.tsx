import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title, useDirection } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCircleCheck, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyImport } from '../../../../contracts/company-imports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { Loading } from '../../../components/Loading.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { PreviewTable, ProblemsTable } from './ImportTables.js';
import { busy, importStatusColor } from './import-status.js';

const useNumber = () => {
  const locale = currentLocale();
  return (value: number) => formatNumber(value, locale);
};

/** How far the check or the import has gone. */
function ProgressOf({ data }: { data: CompanyImport }) {
  const { t } = useTranslation();
  const n = useNumber();
  if (data.status === 'validating') {
    const known = data.totalRows > 0;
    return (
      <Stack gap={4}>
        <Progress
          value={known ? (100 * data.processedRows) / data.totalRows : 100}
          striped
          animated
          size="lg"
          aria-label={t('import.status.validating')}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {known ? t('import.checking', { processed: n(data.processedRows), total: n(data.totalRows) }) : t('import.reading')}
        </Text>
      </Stack>
    );
  }
  const partial = data.importedRows > 0;
  return (
    <Stack gap={4}>
      <Progress
        value={partial ? (100 * data.importedRows) / data.totalRows : 100}
        striped
        animated
        size="lg"
        aria-label={t('import.status.importing')}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {partial
          ? t('import.importingProgress', { done: n(data.importedRows), total: n(data.totalRows) })
          : t('import.importingAll', { total: n(data.totalRows) })}
      </Text>
      <Text size="sm">{t('import.allOrNothing')}</Text>
    </Stack>
  );
}

/** The file, its status, who sent it when, and a way to start another import. */
function ImportHeader({ data, onNew }: { data: CompanyImport; onNew: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={2}>
        <Group gap="xs">
          <IconFileImport size={20} />
          <Anchor href={`/api/v1/companies/imports/${data.id}/file`} fw={600} title={t('import.downloadFile')}>
            {data.fileName}
          </Anchor>
          <Badge color={importStatusColor[data.status]} variant="light" data-testid="import-status">
            {t(`import.status.${data.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {data.createdBy && t('import.sentBy', { name: isolate(data.createdBy.name) })} · <LocalInstant instant={data.createdAt} />
          {data.park ? ` · ${data.park.name}` : ''}
        </Text>
      </Stack>
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onNew}>
        {t('import.newImport')}
      </Button>
    </Group>
  );
}

/** What the check or the import came to, and the way forward: correct the file, confirm, or see the companies. */
function ImportOutcome({ data, onConfirm, confirming }: { data: CompanyImport; onConfirm: () => void; confirming: boolean }) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const Forward = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  const n = useNumber();
  if (data.status === 'invalid') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('import.invalidTitle')}>
        <Text size="sm" fw={600}>
          {t('import.invalidCounts', { count: n(data.problemCount), rows: n(data.invalidRows), total: n(data.totalRows) })}
        </Text>
        <Text size="sm">{t('import.invalidText')}</Text>
      </Alert>
    );
  }
  if (data.status === 'ready') {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title={t('import.readyTitle', { count: n(data.totalRows) })}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('import.readyText')}</Text>
          {data.canConfirm && (
            <Button onClick={onConfirm} loading={confirming} data-testid="import-confirm">
              {t('import.confirm', { count: n(data.totalRows) })}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  if (data.status === 'completed') {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title={t('import.completedTitle', { count: n(data.importedRows) })}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('import.completedText')}</Text>
          <Button component={Link} to="/companies" variant="light" rightSection={<Forward size={16} />}>
            {t('import.seeCompanies')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (data.status === 'failed') return <Alert color="red" icon={<IconAlertTriangle />} title={t('import.failedTitle')} />;
  return null;
}

/** The file's columns: those recognized (and as what), those ignored. */
function ImportColumns({ data }: { data: CompanyImport }) {
  const { t } = useTranslation();
  const recognized = data.columns.filter((column) => column.field !== null);
  const ignored = data.columns.filter((column) => column.field === null && column.header);
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {t('import.columns')}
      </Title>
      <Group gap={6}>
        {recognized.map((column) => (
          <Badge key={column.header} variant="light" color="teal" tt="none">
            {column.header}
            {column.field && t(`import.field.${column.field}`) !== column.header ? ` → ${t(`import.field.${column.field}`)}` : ''}
          </Badge>
        ))}
        {ignored.map((column) => (
          <Badge key={column.header} variant="outline" color="gray" tt="none">
            {column.header} · {t('import.ignored')}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** One import: its progress while it runs, then what was understood, every problem, and the way forward. */
export function ImportResult({ id, onNew }: { id: string; onNew: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({
    queryKey: ['company-import', id],
    queryFn: () => api.get<CompanyImport>(`/companies/imports/${id}`),
    refetchInterval: (query) => (busy(query.state.data?.status) ? 1000 : false),
  });
  const status = current.data?.status;
  // The list of past imports shows the new status once a step ends, and the problems are those of the step.
  useEffect(() => {
    if (!status) return;
    client.invalidateQueries({ queryKey: ['/companies/imports'] });
    client.invalidateQueries({ queryKey: [`/companies/imports/${id}/problems`] });
  }, [status, id, client]);
  const confirm = useAction({
    mutationFn: () => api.post<CompanyImport>(`/companies/imports/${id}/confirm`),
    success: () => t('import.confirmed'),
    onSuccess: (updated) => client.setQueryData(['company-import', id], updated),
    onError: () => client.invalidateQueries({ queryKey: ['company-import', id] }),
  });

  if (current.isPending) return <Loading />;
  if (current.isError || !current.data) {
    return (
      <Alert color="red" title={t('import.notFound')}>
        <Button variant="default" onClick={onNew} mt="sm">
          {t('import.newImport')}
        </Button>
      </Alert>
    );
  }
  const data = current.data;
  return (
    <Card withBorder data-testid="import-result">
      <Stack>
        <ImportHeader data={data} onNew={onNew} />
        {busy(data.status) && <ProgressOf data={data} />}
        <ImportOutcome data={data} onConfirm={() => confirm.mutate()} confirming={confirm.isPending} />
        {data.problems.length > 0 && <ProblemsTable importId={data.id} kept={data.problems.length} problemCount={data.problemCount} />}
        {data.columns.length > 0 && <ImportColumns data={data} />}
        {data.preview.length > 0 && (
          <Stack gap={6}>
            <Title order={3} size="h5">
              {t('import.preview')}
            </Title>
            <PreviewTable rows={data.preview} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
