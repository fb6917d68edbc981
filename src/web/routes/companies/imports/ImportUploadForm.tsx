import { Accordion, Badge, Button, Card, FileInput, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyImport, importFields, requiredImportFields } from '../../../../contracts/company-imports.js';
import { ApiError, api } from '../../../api.js';
import { notifyError, useAction } from '../../../components/feedback.js';
import { downloadFromApi, readAsBase64 } from '../../../files.js';
import { i18n } from '../../../i18n/index.js';
import { hasRole, useMe } from '../../../session.js';
import { useParkOptions } from '../profile/park-options.js';

/** Same limit as the server's: a larger file is refused there anyway, so say it before sending 5 MB. */
const maxFileBytes = 5 * 1024 * 1024;

async function downloadTemplate(format: 'csv' | 'xlsx') {
  const downloaded = await downloadFromApi(`/companies/import-template?format=${format}`, { fallbackName: `template.${format}` });
  if (!downloaded) notifyError(i18n.t('errors.network'));
}

/** The template to download and the rules a file follows. */
function ImportTemplateCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('import.prepare')}
        </Title>
        <Text size="sm">{t('import.templateHelp')}</Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadTemplate('xlsx')}>
            {t('import.templateXlsx')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadTemplate('csv')}>
            {t('import.templateCsv')}
          </Button>
        </Group>
        <Accordion variant="contained">
          <Accordion.Item value="rules">
            <Accordion.Control>{t('import.columnsTitle')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Group gap={6}>
                  {importFields.map((field) => (
                    <Badge key={field} variant={requiredImportFields.includes(field) ? 'filled' : 'light'} color="teal" tt="none">
                      {t(`import.field.${field}`)}
                      {requiredImportFields.includes(field) ? ` · ${t('import.required')}` : ''}
                    </Badge>
                  ))}
                </Group>
                <List size="sm" spacing={4}>
                  <List.Item>{t('import.rule.required')}</List.Item>
                  <List.Item>{t('import.rule.identifiers')}</List.Item>
                  <List.Item>{t('import.rule.dates')}</List.Item>
                  <List.Item>{t('import.rule.values')}</List.Item>
                  <List.Item>{t('import.rule.park')}</List.Item>
                  <List.Item>{t('import.rule.history')}</List.Item>
                  <List.Item>{t('import.rule.admin')}</List.Item>
                </List>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}

/** The template, the rules a file follows, then the target park and the file to send. */
export function ImportUploadForm({ onSent }: { onSent: (created: CompanyImport) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const parks = useParkOptions();
  const isAdmin = hasRole(me.data, 'network_admin');
  const [parkId, setParkId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ file?: string; parkId?: string }>({});

  // A manager of one park imports into it unless the file says otherwise.
  useEffect(() => {
    if (!isAdmin && parks.length === 1 && parkId === null) setParkId(parks[0].value);
  }, [isAdmin, parks, parkId]);

  const send = useAction({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      return api.post<CompanyImport>('/companies/imports', { file: { name: file.name, content: await readAsBase64(file) }, parkId });
    },
    success: () => t('import.sent'),
    onSuccess: (created) => {
      setFile(null);
      onSent(created);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        setErrors(
          Object.fromEntries(error.details.map((detail) => [detail.path.startsWith('file') ? 'file' : detail.path, detail.message])),
        );
      }
    },
  });

  const submit = () => {
    if (!file) {
      setErrors({ file: t('validation.required') });
      return;
    }
    if (file.size > maxFileBytes) {
      setErrors({ file: t('import.fileTooLarge') });
      return;
    }
    setErrors({});
    send.mutate();
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ImportTemplateCard />
      <Card withBorder>
        <form
          noValidate
          data-testid="import-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('import.send')}
            </Title>
            <Select
              label={t('import.targetPark')}
              description={t('import.targetParkHelp')}
              placeholder={t('import.targetParkNone')}
              clearable
              searchable
              data={parks}
              value={parkId}
              onChange={setParkId}
              error={errors.parkId}
            />
            <FileInput
              label={t('import.file')}
              placeholder={t('import.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} />}
              // The default placeholder grey is 2:1 on white; dimmed text keeps 4.5:1.
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              clearable
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setErrors({});
              }}
              error={errors.file}
              required
            />
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending} data-testid="import-check">
                {t('import.check')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </SimpleGrid>
  );
}
