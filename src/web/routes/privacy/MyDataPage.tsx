import { Alert, Badge, Button, Card, Checkbox, Group, PasswordInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBodySchema, type ErasureRequest, type PersonalDataRead } from '../../../contracts/privacy.js';
import { api } from '../../api.js';
import { Bdi } from '../../components/Bdi.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';
import { downloadFromApi } from '../../files.js';

/** The current password, a new one; the other sessions are signed out. */
function PasswordCard() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' }, validate: zodValidator(changePasswordBodySchema) });
  const change = useAction({
    mutationFn: (values: typeof form.values) => api.post('/me/password', values),
    success: () => t('privacy.password.changed'),
    onSuccess: () => form.reset(),
    form,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('privacy.password.title')}
      </Title>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack>
          <PasswordInput label={t('privacy.password.current')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('privacy.password.new')}
            description={t('privacy.password.hint')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('privacy.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Everything the platform holds about the person, to download. */
function ExportCard() {
  const { t } = useTranslation();
  const download = (format: 'json' | 'xlsx') =>
    downloadFromApi(`/me/personal-data?format=${format}`, { fallbackName: `my-data.${format}` });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('privacy.export.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('privacy.export.body')}
      </Text>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => download('xlsx')}>
          {t('privacy.export.xlsx')}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => download('json')}>
          {t('privacy.export.json')}
        </Button>
      </Group>
    </Card>
  );
}

/** Who read the person's data, what and when. */
function ReadsCard() {
  const { t } = useTranslation();
  const list = useListPage<PersonalDataRead>({
    path: '/me/personal-data/reads',
    defaults: { sort: 'at', order: 'desc' },
    prefix: 'r',
    pageSize: 10,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('privacy.reads.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.reads.body')}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table striped data-testid="data-reads">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.reads.at')}</Table.Th>
              <Table.Th>{t('privacy.reads.who')}</Table.Th>
              <Table.Th>{t('privacy.reads.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((read) => (
              <Table.Tr key={read.id}>
                <Table.Td>
                  <LocalInstant instant={read.at} />
                </Table.Td>
                <Table.Td>
                  <Bdi>{read.actorName ?? '—'}</Bdi>
                </Table.Td>
                <Table.Td>{read.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter list={list} />
    </Card>
  );
}

const statusColor = { pending: 'blue', completed: 'teal', refused: 'red' } as const;

/** The person's erasure request: ask, or see where it stands and the answer. */
function ErasureCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['/me/erasure-request'],
    queryFn: () => api.get<{ request: ErasureRequest | null }>('/me/erasure-request'),
  });
  const [understood, setUnderstood] = useState(false);
  const form = useForm({ initialValues: { reason: '' } });
  const ask = useAction({
    mutationFn: (values: typeof form.values) => api.post('/me/erasure-request', values),
    success: () => t('privacy.erasure.sent'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/me/erasure-request'] }),
    form,
  });
  const request = mine.data?.request ?? null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('privacy.erasure.title')}
      </Title>
      {request && (
        <Alert color={statusColor[request.status]} variant="light" mb="sm" data-testid="erasure-status">
          <Group gap="xs" mb={4}>
            <Badge color={statusColor[request.status]}>{t(`privacy.status.${request.status}`)}</Badge>
            <Text size="sm">
              {t('privacy.erasure.askedOn')} <LocalInstant instant={request.requestedAt} />
            </Text>
          </Group>
          {request.response && <Text size="sm">{request.response}</Text>}
        </Alert>
      )}
      {request?.status !== 'pending' && (
        <form onSubmit={form.onSubmit((values) => ask.mutate(values))} noValidate>
          <Stack>
            <Text size="sm">{t('privacy.erasure.body')}</Text>
            <Textarea label={t('privacy.erasure.reason')} autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
            <Checkbox
              label={t('privacy.erasure.understood')}
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" variant="light" disabled={!understood} loading={ask.isPending}>
                {t('privacy.erasure.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

export function MyDataPage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles="signed-in">
      <Stack maw={760}>
        <Title order={1}>{t('nav.myData')}</Title>
        <Text size="sm">{t('privacy.intro')}</Text>
        <ExportCard />
        <ReadsCard />
        <PasswordCard />
        <ErasureCard />
      </Stack>
    </RequireRole>
  );
}
