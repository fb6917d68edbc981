import { Alert, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OfficerCall } from '../../../../contracts/calls.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError, api } from '../../../api.js';
import { Bdi } from '../../../components/Bdi.js';
import { Loading } from '../../../components/Loading.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallAdminTabs } from './CallAdminTabs.js';
import { CallPhaseBadge } from './CallBadges.js';
import { CommitteeSection, EligibilitySection, GeneralSection, Section } from './CallSettingsSections.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import type { Text3 } from './call-settings-values.js';
import { QuestionsBuilder } from './QuestionsBuilder.js';
import { useCallSettings } from './use-call-settings.js';

const plainFieldset = { border: 0, padding: 0, margin: 0, minWidth: 0 };

/** The call's title, phase and publication, and the button that publishes it or takes it off the public pages. */
function CallSettingsHeader({
  call,
  title,
  canManage,
  publication,
}: {
  call: OfficerCall | undefined;
  title: string;
  canManage: boolean;
  publication: ReturnType<typeof useCallSettings>['publication'];
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Title order={1}>
          <Bdi>{title}</Bdi>
        </Title>
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
  );
}

function CallSettingsForm({ call }: { call?: OfficerCall }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { form, save, publication, canManage, frozen } = useCallSettings(call);
  const titleText = (value: Text3) => value[locale] || value.fr;
  const title = call ? titleText(form.getValues().title) || pickText(call.title, locale) : t('calls.admin.new');

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="call-settings">
      <Stack maw={1100}>
        <CallSettingsHeader call={call} title={title} canManage={canManage} publication={publication} />
        {call && <CallAdminTabs callId={call.id} active="settings" />}
        {!canManage && <Alert color="blue">{t('calls.settings.readOnly')}</Alert>}
        {frozen && canManage && <Alert color="orange">{t('calls.settings.frozen')}</Alert>}

        <fieldset disabled={!canManage} style={plainFieldset}>
          <Stack>
            <GeneralSection form={form} call={call} frozen={frozen} />
            <EligibilitySection form={form} />
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

            <CommitteeSection form={form} call={call} canManage={canManage} />

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
  const call = useQuery({ queryKey: ['call', callId], queryFn: () => api.get<OfficerCall>(`/calls/${callId}`) });
  if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (!call.data) return <Loading />;
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
