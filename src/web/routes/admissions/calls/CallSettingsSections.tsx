import { Card, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callKinds } from '../../../../contracts/admissions.js';
import type { CommitteeMember, OfficerCall } from '../../../../contracts/calls.js';
import { companyStages } from '../../../../contracts/companies.js';
import type { Page } from '../../../../contracts/lists.js';
import { type Park, regions, sectors } from '../../../../contracts/parks.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api } from '../../../api.js';
import { ParkDateTimeField } from '../../../components/DateFields.js';
import { currentLocale } from '../../../i18n/index.js';
import type { CallSettingsForm } from './use-call-settings.js';

const languages = ['fr', 'ar', 'en'] as const;

/** A card of the settings form with its heading and what it is for. */
export function Section({ title, children, description }: { title: string; description?: string; children: React.ReactNode }) {
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

/** A long text of the call in each language, side by side. */
function LongText({ form, field, rows }: { form: CallSettingsForm; field: 'summary' | 'description'; rows: number }) {
  const { t } = useTranslation();
  return (
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
}

/** Titles, texts, short name, kind, park, dates and (for a new call) publication. */
export function GeneralSection({ form, call, frozen }: { form: CallSettingsForm; call: OfficerCall | undefined; frozen: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const parks = useQuery({ queryKey: ['parks-for-calls'], queryFn: () => api.get<Page<Park>>('/parks?pageSize=100&sort=name') });
  return (
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
      <LongText form={form} field="summary" rows={2} />
      <LongText form={form} field="description" rows={5} />
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
        <ParkDateTimeField
          label={t('calls.opens')}
          name={t('calls.opens')}
          description={t('calls.settings.localTime')}
          disabled={frozen}
          withAsterisk
          testId="call-opens"
          {...form.getInputProps('opensAt')}
        />
        <ParkDateTimeField
          label={t('calls.closes')}
          name={t('calls.closes')}
          description={frozen ? t('calls.settings.extendOnly') : t('calls.settings.localTime')}
          withAsterisk
          testId="call-closes"
          {...form.getInputProps('closesAt')}
        />
      </SimpleGrid>
      {!call && <Switch label={t('calls.settings.publishNow')} {...form.getInputProps('published', { type: 'checkbox' })} />}
    </Section>
  );
}

/** Which sectors, stages, regions and company ages the call admits. */
export function EligibilitySection({ form }: { form: CallSettingsForm }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The call's selection committee, picked among the people holding the committee role. */
export function CommitteeSection({ form, call, canManage }: { form: CallSettingsForm; call: OfficerCall | undefined; canManage: boolean }) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: ['committee-candidates'],
    queryFn: () => api.get<{ items: CommitteeMember[] }>('/calls/committee-candidates'),
    enabled: canManage,
  });
  const members = [...(candidates.data?.items ?? []), ...(call?.committee ?? [])].filter(
    (member, index, all) => all.findIndex((other) => other.userId === member.userId) === index,
  );
  return (
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
  );
}
