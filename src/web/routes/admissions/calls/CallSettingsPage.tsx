import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import { type CommitteeMember, createCallBodySchema, type OfficerCall, updateCallBodySchema } from '../../../../contracts/calls.js';
import { companyStages } from '../../../../contracts/companies.js';
import type { Page } from '../../../../contracts/lists.js';
import { type Park, regions, sectors } from '../../../../contracts/parks.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { showApiError } from '../../../components/forms.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallAdminTabs } from './CallAdminTabs.js';
import { CallPhaseBadge } from './CallBadges.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import { type CallSettingsValues, callFormErrors, initialCallValues, type Text3, toCallBody } from './call-settings-values.js';
import { QuestionsBuilder } from './QuestionsBuilder.js';

const languages = ['fr', 'ar', 'en'] as const;
const plainFieldset = { border: 0, padding: 0, margin: 0, minWidth: 0 };

function Section({ title, children, description }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

function CallSettingsForm({ call }: { call?: OfficerCall }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const navigate = useNavigate();
  const canManage = call ? call.canManage : true;
  const frozen = call ? !call.formEditable : false;
  const schema = call ? updateCallBodySchema : createCallBodySchema;
  const form = useForm<CallSettingsValues>({
    mode: 'controlled',
    initialValues: initialCallValues(call),
    validate: (values) => callFormErrors(schema, values),
  });
  const parks = useQuery({ queryKey: ['parks-for-calls'], queryFn: () => api.get<Page<Park>>('/parks?pageSize=100&sort=name') });
  const candidates = useQuery({
    queryKey: ['committee-candidates'],
    queryFn: () => api.get<{ items: CommitteeMember[] }>('/calls/committee-candidates'),
    enabled: canManage,
  });

  const save = useMutation({
    mutationFn: (values: CallSettingsValues) => {
      const body = toCallBody(values);
      if (!call) return api.post<OfficerCall>('/calls', body);
      const { published: _published, ...changes } = body;
      return api.patch<OfficerCall>(`/calls/${call.id}`, changes);
    },
    onSuccess: async (saved) => {
      // What is shown is what the server kept (trimmed texts, dropped empty translations).
      form.setValues(initialCallValues(saved));
      form.resetDirty();
      await client.invalidateQueries();
      notifications.show({ color: 'teal', message: t('common.saved') });
      if (!call) await navigate({ to: '/admin/calls/$callId', params: { callId: saved.id } });
    },
    onError: (error) => showApiError(error, form as never),
  });
  const publication = useMutation({
    mutationFn: (publish: boolean) => api.post<OfficerCall>(`/calls/${call?.id}/${publish ? 'publish' : 'unpublish'}`),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
  });

  const members = [...(candidates.data?.items ?? []), ...(call?.committee ?? [])].filter(
    (member, index, all) => all.findIndex((other) => other.userId === member.userId) === index,
  );
  const longText = (field: 'summary' | 'description', rows: number) => (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
      {languages.map((lang) => (
        <Textarea
          key={lang}
          label={`${t(`calls.settings.${field}`)} (${t(`language.${lang}`)})`}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          lang={lang}
          autosize
          minRows={rows}
          maxRows={16}
          {...form.getInputProps(`${field}.${lang}`)}
        />
      ))}
    </SimpleGrid>
  );
  const titleText = (value: Text3) => value[locale] || value.fr;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="call-settings">
      <Stack maw={1100}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1}>{call ? titleText(form.getValues().title) || pickText(call.title, locale) : t('calls.admin.new')}</Title>
            {call && (
              <Group gap="xs">
                <CallPhaseBadge phase={call.phase} />
                <Badge variant="outline" color={call.published ? 'teal' : 'orange'}>
                  {call.published ? t('calls.admin.published') : t('calls.admin.unpublished')}
                </Badge>
                {call.published && (
                  <Link to="/calls/$slug" params={{ slug: call.slug }}>
                    {t('calls.settings.publicPage')}
                  </Link>
                )}
              </Group>
            )}
          </Stack>
          {call && canManage && (
            <Button
              variant={call.published ? 'default' : 'filled'}
              leftSection={call.published ? <IconEyeOff size={16} /> : <IconEye size={16} />}
              loading={publication.isPending}
              onClick={() => publication.mutate(!call.published)}
              data-testid="toggle-publication"
            >
              {call.published ? t('calls.settings.unpublish') : t('calls.settings.publish')}
            </Button>
          )}
        </Group>
        {call && <CallAdminTabs callId={call.id} active="settings" />}
        {!canManage && <Alert color="blue">{t('calls.settings.readOnly')}</Alert>}
        {frozen && canManage && <Alert color="orange">{t('calls.settings.frozen')}</Alert>}

        <fieldset disabled={!canManage} style={plainFieldset}>
          <Stack>
            <Section title={t('calls.settings.general')}>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
                {languages.map((lang) => (
                  <TextInput
                    key={lang}
                    label={`${t('calls.settings.title')} (${t(`language.${lang}`)})`}
                    dir={lang === 'ar' ? 'rtl' : 'ltr'}
                    lang={lang}
                    withAsterisk={lang === 'fr'}
                    {...form.getInputProps(`title.${lang}`)}
                  />
                ))}
              </SimpleGrid>
              {longText('summary', 2)}
              {longText('description', 5)}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('calls.settings.slug')}
                  description={t('calls.settings.slugHelp')}
                  dir="ltr"
                  withAsterisk
                  {...form.getInputProps('slug')}
                />
                <Select
                  label={t('calls.kindLabel')}
                  allowDeselect={false}
                  disabled={frozen}
                  data={callKinds.map((value) => ({ value, label: t(`calls.kind.${value}`) }))}
                  {...form.getInputProps('kind')}
                />
                <Select
                  label={t('calls.admin.park')}
                  clearable
                  placeholder={t('calls.networkWide')}
                  data={(parks.data?.items ?? []).map((park) => ({ value: park.id, label: pickText(park.name, locale) }))}
                  {...form.getInputProps('parkId')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  type="datetime-local"
                  label={t('calls.opens')}
                  description={t('calls.settings.localTime')}
                  disabled={frozen}
                  withAsterisk
                  {...form.getInputProps('opensAt')}
                />
                <TextInput
                  type="datetime-local"
                  label={t('calls.closes')}
                  description={frozen ? t('calls.settings.extendOnly') : t('calls.settings.localTime')}
                  withAsterisk
                  {...form.getInputProps('closesAt')}
                />
              </SimpleGrid>
              {!call && <Switch label={t('calls.settings.publishNow')} {...form.getInputProps('published', { type: 'checkbox' })} />}
            </Section>

            <Section title={t('calls.eligibility.title')} description={t('calls.settings.eligibilityHelp')}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <MultiSelect
                  label={t('calls.eligibility.sectors')}
                  placeholder={t('calls.eligibility.any')}
                  data={sectors.map((value) => ({ value, label: t(`sector.${value}`) }))}
                  clearable
                  {...form.getInputProps('eligibility.sectors')}
                />
                <MultiSelect
                  label={t('calls.eligibility.stages')}
                  placeholder={t('calls.eligibility.any')}
                  data={companyStages.map((value) => ({ value, label: t(`companyStage.${value}`) }))}
                  clearable
                  {...form.getInputProps('eligibility.stages')}
                />
                <MultiSelect
                  label={t('calls.eligibility.regions')}
                  placeholder={t('calls.eligibility.any')}
                  data={regions.map((value) => ({ value, label: t(`region.${value}`) }))}
                  clearable
                  searchable
                  {...form.getInputProps('eligibility.regions')}
                />
                <NumberInput
                  label={t('calls.eligibility.maxAge')}
                  description={t('calls.settings.maxAgeHelp')}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  {...form.getInputProps('eligibility.maxCompanyAgeYears')}
                />
              </SimpleGrid>
            </Section>

            <Section title={t('calls.builder.title')} description={t('calls.builder.help')}>
              <fieldset disabled={frozen} style={plainFieldset}>
                <QuestionsBuilder form={form} frozen={frozen || !canManage} />
              </fieldset>
            </Section>

            <Section title={t('calls.criteria.title')} description={t('calls.grid.help')}>
              <fieldset disabled={frozen} style={plainFieldset}>
                <CriteriaEditor form={form} frozen={frozen || !canManage} />
              </fieldset>
            </Section>

            <Section title={t('calls.committee.title')} description={t('calls.committee.help')}>
              {canManage ? (
                <MultiSelect
                  label={t('calls.committee.members')}
                  searchable
                  clearable
                  nothingFoundMessage={t('calls.committee.noCandidates')}
                  data={members.map((member) => ({ value: member.userId, label: `${member.name} · ${member.email}` }))}
                  {...form.getInputProps('committeeMemberIds')}
                />
              ) : (
                <Text size="sm">{call?.committee.map((member) => member.name).join(', ') || '—'}</Text>
              )}
              {form.errors.committeeMemberIds === undefined &&
                Object.entries(form.errors)
                  .filter(([path]) => path.startsWith('committeeMemberIds.'))
                  .map(([path, message]) => {
                    const member = members.find(
                      (candidate) => candidate.userId === form.getValues().committeeMemberIds[Number(path.split('.')[1])],
                    );
                    return (
                      <Text key={path} size="sm" c="red.8">
                        {member ? `${member.name}: ` : ''}
                        {message}
                      </Text>
                    );
                  })}
            </Section>

            {canManage && (
              <Group justify="flex-end">
                <Button type="submit" size="md" loading={save.isPending} data-testid="save-call">
                  {call ? t('common.save') : t('calls.settings.create')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </Stack>
    </form>
  );
}

function ExistingCall({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const call = useQuery({ queryKey: ['call', callId], queryFn: () => api.get<OfficerCall>(`/calls/${callId}`) });
  if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (!call.data) return <Loader aria-label={t('common.loading')} />;
  return <CallSettingsForm key={call.data.id} call={call.data} />;
}

export function CallSettingsPage() {
  const { callId } = useParams({ from: '/admin/calls/$callId' });
  return (
    <RequireRole roles={['network_admin', 'program_officer', 'park_manager']}>
      <ExistingCall callId={callId} />
    </RequireRole>
  );
}

export function NewCallPage() {
  return (
    <RequireRole roles={['network_admin', 'program_officer']}>
      <CallSettingsForm />
    </RequireRole>
  );
}
