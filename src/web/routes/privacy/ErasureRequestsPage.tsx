import { Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ErasureRequest } from '../../../contracts/privacy.js';
import { api } from '../../api.js';
import { Bdi } from '../../components/Bdi.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { useAction } from '../../components/feedback.js';
import { LocalInstant } from '../../components/LocalDate.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { ListFooter } from '../../components/lists/ListFooter.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { RequireRole } from '../../components/RequireRole.js';

const statuses = ['pending', 'completed', 'refused'] as const;
const statusColor = { pending: 'blue', completed: 'teal', refused: 'red' } as const;

/** One request: who asked, why; a pending one is carried out or refused with an answer the person reads. */
function RequestCard({ request }: { request: ErasureRequest }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { response: '' } });
  const process = useAction({
    mutationFn: (outcome: 'complete' | 'refuse') =>
      api.post(`/erasure-requests/${request.id}/process`, { outcome, response: form.values.response }),
    success: (_result, outcome) => t(outcome === 'complete' ? 'privacy.admin.completed' : 'privacy.admin.refused'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/erasure-requests'] }),
    form,
  });
  const confirm = useConfirm();
  const askComplete = () =>
    confirm.ask({
      message: t('privacy.admin.confirmComplete', { name: request.requesterName }),
      confirmLabel: t('privacy.admin.complete'),
      danger: true,
      onConfirm: () => process.mutate('complete'),
    });
  return (
    <Card withBorder data-testid="erasure-request">
      {confirm.dialog}
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          <Bdi>{request.requesterName}</Bdi> · <Bdi>{request.requesterEmail}</Bdi>
        </Text>
        <Badge color={statusColor[request.status]}>{t(`privacy.status.${request.status}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('privacy.erasure.askedOn')} <LocalInstant instant={request.requestedAt} />
      </Text>
      {request.reason && <Text size="sm">{request.reason}</Text>}
      {request.status === 'pending' ? (
        <Stack mt="sm">
          <Text size="sm">{t('privacy.admin.explain')}</Text>
          <Textarea label={t('privacy.admin.response')} autosize minRows={2} maxLength={2000} {...form.getInputProps('response')} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => process.mutate('refuse')}
              loading={process.isPending && process.variables === 'refuse'}
            >
              {t('privacy.admin.refuse')}
            </Button>
            <Button color="red" onClick={askComplete} loading={process.isPending && process.variables === 'complete'}>
              {t('privacy.admin.complete')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap={4} mt="sm">
          {request.response && <Text size="sm">{request.response}</Text>}
          {request.kept.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('privacy.admin.kept')}
              </Text>
              <List size="sm">
                {request.kept.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

function ErasureRequests() {
  const { t } = useTranslation();
  const list = useListPage<ErasureRequest>({
    path: '/erasure-requests',
    defaults: { status: 'pending', sort: 'requestedAt', order: 'desc' },
    pageSize: 20,
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.erasureRequests')}</Title>
      <Text size="sm">{t('privacy.admin.intro')}</Text>
      <ListToolbar
        list={list}
        search={false}
        filters={[
          {
            name: 'status',
            label: t('privacy.admin.status'),
            options: statuses.map((value) => ({ value, label: t(`privacy.status.${value}`) })),
          },
        ]}
      />
      {list.query.data?.items.map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
      <ListFooter list={list} />
    </Stack>
  );
}

export function ErasureRequestsPage() {
  return (
    <RequireRole roles={['network_admin']}>
      <ErasureRequests />
    </RequireRole>
  );
}
