import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  useDirection,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCircleCheck, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyImport, CompanyImportStatus, ImportPreviewRow, ImportProblem } from '../../../../contracts/company-imports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { api } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { showApiError } from '../../../components/forms.js';
import { LocalDate, LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { currentLocale } from '../../../i18n/index.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';

export const importStatusColor: Record<CompanyImportStatus, string> = {
  validating: 'blue',
  invalid: 'orange',
  ready: 'teal',
  importing: 'blue',
  completed: 'teal',
  failed: 'red',
};

/** Checking and importing run in the background: the page asks again every second until they end. */
const busy = (status: CompanyImportStatus | undefined) => status === 'validating' || status === 'importing';
const problemsPageSize = 50;

function ProgressOf({ data }: { data: CompanyImport }) {
  const { t } = useTranslation();
  const n = (value: number) => formatNumber(value, currentLocale());
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

function ProblemsTable({ importId, problems, problemCount }: { importId: string; problems: ImportProblem[]; problemCount: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const shown = problems.slice((page - 1) * problemsPageSize, page * problemsPageSize);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('import.problems')}
        </Title>
        <ExportButtons path={`/companies/imports/${importId}/problems/export`} filters={{}} />
      </Group>
      {problemCount > problems.length && (
        <Text size="sm" c="dimmed">
          {t('import.problemsTruncated', { shown: formatNumber(problems.length, currentLocale()) })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={340}>
        <Table striped data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('import.row')}</Table.Th>
              <Table.Th w="25%">{t('import.column')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((problem) => (
              <Table.Tr key={`${problem.row}|${problem.column}|${problem.message}`}>
                <Table.Td>{problem.row || '—'}</Table.Td>
                <Table.Td>{problem.column || '—'}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={problems.length} pageSize={problemsPageSize} page={page} onChange={setPage} />
    </Stack>
  );
}

function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.row')}</Table.Th>
            <Table.Th>{t('import.field.legalName')}</Table.Th>
            <Table.Th>{t('import.field.ice')}</Table.Th>
            <Table.Th>{t('import.field.legalForm')}</Table.Th>
            <Table.Th>{t('import.field.stage')}</Table.Th>
            <Table.Th>{t('import.field.sectors')}</Table.Th>
            <Table.Th>{t('import.field.park')}</Table.Th>
            <Table.Th>{t('import.statuses')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row} bg={row.hasProblems ? 'var(--mantine-color-orange-light)' : undefined}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {row.row}
                  {row.hasProblems && (
                    <Tooltip label={t('import.rowHasProblems')}>
                      <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" aria-label={t('import.rowHasProblems')} />
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.legalName || '—'}
                </Text>
                {row.brandName && (
                  <Text size="xs" c="dimmed">
                    {row.brandName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="ltr" ff="monospace">
                  {row.ice ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{row.legalForm ? t(`legalForm.${row.legalForm}`) : '—'}</Table.Td>
              <Table.Td>{row.stage ? t(`companyStage.${row.stage}`) : '—'}</Table.Td>
              <Table.Td>{row.sectors.length ? row.sectors.map((sector) => t(`sector.${sector}`)).join(', ') : '—'}</Table.Td>
              <Table.Td>{row.park?.name ?? '—'}</Table.Td>
              <Table.Td miw={180}>
                <Stack gap={6}>
                  {row.history.map((step) => (
                    <Stack key={`${step.status}-${step.effectiveDate}`} gap={0} align="flex-start">
                      <LifecycleBadge status={step.status} size="sm" />
                      <Text size="xs">
                        <LocalDate date={step.effectiveDate} />
                      </Text>
                    </Stack>
                  ))}
                  {row.history.length === 0 && '—'}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One import: its progress while it runs, then what was understood, every problem, and the way forward. */
export function ImportResult({ id, onNew }: { id: string; onNew: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { dir } = useDirection();
  const Forward = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  const n = (value: number) => formatNumber(value, currentLocale());
  const current = useQuery({
    queryKey: ['company-import', id],
    queryFn: () => api.get<CompanyImport>(`/companies/imports/${id}`),
    refetchInterval: (query) => (busy(query.state.data?.status) ? 1000 : false),
  });
  const status = current.data?.status;
  // The list of past imports shows the new status once a step ends.
  useEffect(() => {
    if (status) client.invalidateQueries({ queryKey: ['company-imports'] });
  }, [status, client]);
  const confirm = useMutation({
    mutationFn: () => api.post<CompanyImport>(`/companies/imports/${id}/confirm`),
    onSuccess: (updated) => client.setQueryData(['company-import', id], updated),
    onError: (error) => {
      showApiError(error);
      return client.invalidateQueries({ queryKey: ['company-import', id] });
    },
  });

  if (current.isPending) return <Loader aria-label={t('common.loading')} />;
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
  const recognized = data.columns.filter((column) => column.field !== null);
  const ignored = data.columns.filter((column) => column.field === null && column.header);

  return (
    <Card withBorder data-testid="import-result">
      <Stack>
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
              {data.createdBy && t('import.sentBy', { name: data.createdBy.name })} · <LocalInstant instant={data.createdAt} />
              {data.park ? ` · ${data.park.name}` : ''}
            </Text>
          </Stack>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onNew}>
            {t('import.newImport')}
          </Button>
        </Group>

        {busy(data.status) && <ProgressOf data={data} />}

        {data.status === 'invalid' && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('import.invalidTitle')}>
            <Text size="sm" fw={600}>
              {t('import.invalidCounts', { count: n(data.problemCount), rows: n(data.invalidRows), total: n(data.totalRows) })}
            </Text>
            <Text size="sm">{t('import.invalidText')}</Text>
          </Alert>
        )}
        {data.status === 'ready' && (
          <Alert color="teal" icon={<IconCircleCheck />} title={t('import.readyTitle', { count: n(data.totalRows) })}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('import.readyText')}</Text>
              {data.canConfirm && (
                <Button onClick={() => confirm.mutate()} loading={confirm.isPending} data-testid="import-confirm">
                  {t('import.confirm', { count: n(data.totalRows) })}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {data.status === 'completed' && (
          <Alert color="teal" icon={<IconCircleCheck />} title={t('import.completedTitle', { count: n(data.importedRows) })}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('import.completedText')}</Text>
              <Button component={Link} to="/companies" variant="light" rightSection={<Forward size={16} />}>
                {t('import.seeCompanies')}
              </Button>
            </Stack>
          </Alert>
        )}
        {data.status === 'failed' && <Alert color="red" icon={<IconAlertTriangle />} title={t('import.failedTitle')} />}

        {data.problems.length > 0 && <ProblemsTable importId={data.id} problems={data.problems} problemCount={data.problemCount} />}

        {data.columns.length > 0 && (
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
        )}

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
