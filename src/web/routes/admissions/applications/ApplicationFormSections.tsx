import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicCall } from '../../../../contracts/calls.js';
import { companyStages } from '../../../../contracts/companies.js';
import { regions, sectors } from '../../../../contracts/parks.js';
import { formatInstant, formatInstantHijriDate, formatNumber } from '../../../../shared/calendar.js';
import { applicationConsentText } from '../../../../shared/consent.js';
import { DateField } from '../../../components/DateFields.js';
import { SignInLink } from '../../../components/SignInLink.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { warningProps } from './field-warning.js';
import { QuestionField } from './QuestionField.js';
import type { ApplicationDraft } from './use-application-draft.js';

type Form = ApplicationDraft['form'];

/**
 * A field's input props with the id the error focus looks for (`field-<name>`), and its warning when what it
 * holds breaks its rule (and it shows no error).
 */
export function fieldOf(form: Form, warnings: Record<string, string> = {}) {
  return (name: string) => {
    const props = form.getInputProps(name);
    return { id: `field-${name.replace('.', '-')}`, ...props, ...warningProps(props.error, warnings[name]) };
  };
}

function FormSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Who to write to about the application. */
export function ContactSection({ draft }: { draft: ApplicationDraft }) {
  const { t } = useTranslation();
  const field = fieldOf(draft.form, draft.warnings);
  return (
    <FormSection title={t('applications.section.contact')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('applications.field.contactName')} withAsterisk autoComplete="name" {...field('contactName')} />
        <TextInput
          label={t('applications.field.contactEmail')}
          withAsterisk
          type="email"
          dir="ltr"
          autoComplete="email"
          {...field('contactEmail')}
        />
        <TextInput label={t('applications.field.contactPhone')} type="tel" dir="ltr" autoComplete="tel" {...field('contactPhone')} />
      </SimpleGrid>
    </FormSection>
  );
}

/** The company or project: name, stage, sector, region, creation date, ICE and, for an office, the area needed. */
export function CompanySection({ draft, call }: { draft: ApplicationDraft; call: PublicCall }) {
  const { t } = useTranslation();
  const { form } = draft;
  const field = fieldOf(form, draft.warnings);
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  const stage = form.getValues().stage;
  return (
    <FormSection title={t('applications.section.company')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('applications.field.companyName')}
          description={t('applications.field.companyNameHelp')}
          withAsterisk
          {...field('companyName')}
        />
        <Select label={t('applications.field.stage')} withAsterisk data={companyStages.map(option('companyStage'))} {...field('stage')} />
        <Select label={t('applications.field.sector')} withAsterisk searchable data={sectors.map(option('sector'))} {...field('sector')} />
        <Select label={t('applications.field.region')} withAsterisk searchable data={regions.map(option('region'))} {...field('region')} />
        <DateField
          label={t('applications.field.creationDate')}
          description={stage === 'project_holder' ? t('applications.field.creationDateProjectHolder') : undefined}
          withAsterisk={stage !== 'project_holder'}
          {...field('creationDate')}
        />
        <TextInput
          label={t('applications.field.ice')}
          description={t('applications.field.iceHelp')}
          dir="ltr"
          inputMode="numeric"
          maxLength={20}
          {...field('ice')}
        />
        {call.kind === 'residency' && (
          <NumberInput
            label={t('applications.field.requiredAreaM2')}
            withAsterisk
            min={1}
            max={100000}
            suffix=" m²"
            dir="ltr"
            {...field('requiredAreaM2')}
          />
        )}
      </SimpleGrid>
    </FormSection>
  );
}

/** The officer's questions, in the reader's language, file questions with their uploads. */
export function QuestionsSection({ call, draft }: { call: PublicCall; draft: ApplicationDraft }) {
  const { t } = useTranslation();
  if (call.questions.length === 0) return null;
  return (
    <FormSection title={t('applications.section.questions')}>
      {call.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          form={draft.form}
          warning={draft.warnings[`answers.${question.id}`]}
          files={draft.files}
          disabled={draft.submitting}
          onUpload={draft.upload}
          onRemove={draft.removeFile}
          onDownload={draft.download}
        />
      ))}
    </FormSection>
  );
}

/** The account made on submission, for a person not signed in. */
function AccountFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const field = fieldOf(form);
  return (
    <>
      <Text size="sm">{t('applications.accountExplain')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('applications.account.name')} withAsterisk autoComplete="name" {...field('account.name')} />
        <TextInput
          label={t('applications.account.email')}
          withAsterisk
          type="email"
          dir="ltr"
          autoComplete="email"
          {...field('account.email')}
        />
        <PasswordInput
          label={t('applications.account.password')}
          description={t('applications.account.passwordHelp')}
          withAsterisk
          autoComplete="new-password"
          {...field('account.password')}
        />
      </SimpleGrid>
      <Text size="sm">
        {t('applications.haveAccount')} <SignInLink variant="anchor" />
      </Text>
    </>
  );
}

/** Where the draft stands, plainly: saved (when), not saved yet, being saved, or not saved and why; and what to check. */
function SaveStateText({ saveState, warnings }: { saveState: ApplicationDraft['saveState']; warnings: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap={0}>
      <Text
        size="xs"
        fw={saveState.kind === 'error' ? 600 : undefined}
        c={saveState.kind === 'error' ? 'red.8' : 'dimmed'}
        aria-live="polite"
        data-testid="save-state"
        data-state={saveState.kind}
      >
        {saveState.kind === 'saved' && t('applications.savedAt', { time: `${formatInstant(saveState.at, locale)} ${t('time.morocco')}` })}
        {saveState.kind === 'pending' && t('applications.notSavedYet')}
        {saveState.kind === 'saving' && t('applications.saving')}
        {saveState.kind === 'error' && t('applications.notSaved', { reason: saveState.reason })}
      </Text>
      {warnings > 0 && (
        <Text size="xs" c="dimmed" data-testid="warnings-count">
          {t('applications.warningsCount', { count: formatNumber(warnings, locale) })}
        </Text>
      )}
    </Stack>
  );
}

/** Who submits (their account, or the one made now), the consent, the deadline, and the save and submit buttons. */
export function SubmitSection({
  call,
  draft,
  me,
}: {
  call: PublicCall;
  draft: ApplicationDraft;
  me: { name: string; email: string } | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { saveState, submitting } = draft;
  return (
    <FormSection title={t('applications.section.submit')}>
      {me ? (
        <Text size="sm">{t('applications.submitAs', { name: isolate(me.name), email: isolate(me.email) })}</Text>
      ) : (
        <AccountFields form={draft.form} />
      )}
      <Checkbox id="field-consent" label={applicationConsentText(locale)} {...draft.form.getInputProps('consent', { type: 'checkbox' })} />
      <Alert color="gray" variant="light">
        {t('applications.deadlineReminder', {
          date: formatInstant(call.closesAt, locale),
          hijri: formatInstantHijriDate(call.closesAt, locale),
        })}
      </Alert>
      <Group justify="space-between" wrap="wrap-reverse" gap="sm">
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={draft.saveNow}
            loading={saveState.kind === 'saving' && !submitting}
            data-testid="save-draft"
          >
            {t('applications.saveDraft')}
          </Button>
          <SaveStateText saveState={saveState} warnings={Object.keys(draft.warnings).length} />
        </Group>
        <Button type="submit" size="md" leftSection={<IconSend size={18} />} loading={submitting} data-testid="submit-application">
          {t('applications.submit')}
        </Button>
      </Group>
    </FormSection>
  );
}
