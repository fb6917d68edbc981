import { Alert, Anchor, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../../contracts/parks.js';
import type { SpaceImportPreview, SpaceImportResult } from '../../../../contracts/space-imports.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { notifyError, useAction } from '../../../components/feedback.js';
import { downloadFromApi, readAsBase64 } from '../../../files.js';
import { currentLocale, i18n } from '../../../i18n/index.js';

async function downloadTemplate(park: string, format: 'csv' | 'xlsx') {
  const downloaded = await downloadFromApi(`/parks/${park}/space-import-template?format=${format}`, { fallbackName: `spaces.${format}` });
  if (!downloaded) notifyError(i18n.t('errors.network'));
}

/** What the check found: the problems by row and column, or what the import will create. */
function PreviewResult({ preview }: { preview: SpaceImportPreview }) {
  const { t } = useTranslation();
  if (preview.problems.length === 0) {
    const list = (items: string[]) => (items.length ? items.join(', ') : t('spaceImport.none'));
    return (
      <Alert color="teal" data-testid="space-import-ready">
        {t('spaceImport.ready', { count: preview.rowCount, buildings: list(preview.newBuildings), floors: list(preview.newFloors) })}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="space-import-problems">
      <Title order={2} size="h4">
        {t('spaceImport.problems', { count: preview.problems.length })}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('spaceImport.row')}</Table.Th>
              <Table.Th>{t('spaceImport.column')}</Table.Th>
              <Table.Th>{t('spaceImport.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.problems.map((problem) => (
              <Table.Tr key={`${problem.row}-${problem.column}-${problem.message}`}>
                <Table.Td>{problem.row || '—'}</Table.Td>
                <Table.Td>{problem.column}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A park's managers send a sheet of spaces, see its problems by row and column, then import it whole. */
export function SpaceImportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const { park: reference } = useParams({ from: '/parks/$park/import-spaces' });
  const park = useQuery({ queryKey: ['park', reference, locale], queryFn: () => api.get<ParkDetail>(`/parks/${reference}`) });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<SpaceImportPreview | null>(null);
  const body = async () => {
    if (!file) throw new Error('no file');
    return { file: { name: file.name, content: await readAsBase64(file) } };
  };
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.details.length) setFileError(error.details[0].message);
  };
  const check = useAction({
    mutationFn: async () => api.post<SpaceImportPreview>(`/parks/${reference}/space-imports/preview`, await body()),
    success: (checked) => t('spaceImport.checked', { count: checked.rowCount }),
    onSuccess: (checked) => setPreview(checked),
    onError,
  });
  const run = useAction({
    mutationFn: async () => api.post<SpaceImportResult>(`/parks/${reference}/space-imports`, await body()),
    success: (result) => t('spaceImport.done', { count: result.spaceCount }),
    onSuccess: async () => {
      setPreview(null);
      setFile(null);
      await client.invalidateQueries();
    },
    onError,
  });
  const name = park.data ? pickText(park.data.name, locale) : '';
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('spaceImport.title')}</Title>
        <Anchor component={Link} to={`/parks/${reference}`}>
          {name || t('spaceImport.back')}
        </Anchor>
      </div>
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">{t('spaceImport.help')}</Text>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadTemplate(reference, 'xlsx')}>
              {t('spaceImport.templateXlsx')}
            </Button>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadTemplate(reference, 'csv')}>
              {t('spaceImport.templateCsv')}
            </Button>
          </Group>
          <FileInput
            label={t('spaceImport.file')}
            placeholder={t('spaceImport.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={16} />}
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            clearable
            required
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setPreview(null);
              setFileError(undefined);
            }}
            error={fileError}
            data-testid="space-import-file"
          />
          <Group justify="flex-end">
            <Button
              variant="light"
              disabled={!file}
              loading={check.isPending}
              onClick={() => check.mutate()}
              data-testid="space-import-preview"
            >
              {t('spaceImport.preview')}
            </Button>
            <Button
              disabled={!file || !preview || preview.problems.length > 0}
              loading={run.isPending}
              onClick={() => run.mutate()}
              data-testid="space-import-run"
            >
              {t('spaceImport.run')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {preview && <PreviewResult preview={preview} />}
    </Stack>
  );
}
