import {
  Alert,
  Anchor,
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
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../contracts/admissions.js';
import type { ApplicantApplication, ApplicationFile, PublicCall } from '../../../../contracts/calls.js';
import { companyStages } from '../../../../contracts/companies.js';
import { regions, sectors } from '../../../../contracts/parks.js';
import { formatInstant } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { ApiError } from '../../../api.js';
import { readAsBase64 } from '../../../files.js';
import { currentLocale, i18n } from '../../../i18n/index.js';
import { CallDates } from '../calls/CallDates.js';
import { applicantApi, draftStore } from './applicant-api.js';
import { type ApplicationValues, draftErrors, initialApplicationValues, submissionErrors, toDraftBody } from './application-form-values.js';
import { maxFileBytes, QuestionField } from './QuestionField.js';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error' };

/** Moves the reader to the first field the server or the check found wrong. */
function focusFirstError(errors: Record<string, unknown>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = first.startsWith('answers.') ? `question-${first.slice('answers.'.length)}` : `field-${first.replace('.', '-')}`;
  const element = document.getElementById(id);
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element?.focus({ preventScroll: true });
}

/**
 * The applicant's form: fixed fields, then the officer's questions in the reader's language. The draft
 * is saved as they go (and with "Save draft"); the first save starts it and keeps its secret in this
 * browser. Submitting checks everything first with the server's rules, then the server checks again.
 */
export function ApplicationForm({
  call,
  application,
  me,
  onSubmitted,
}: {
  call: PublicCall;
  application: ApplicantApplication | null;
  me: { name: string; email: string } | null;
  onSubmitted: (application: ApplicantApplication) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const [draftId, setDraftId] = useState<string | null>(application?.id ?? null);
  // Saves follow one another: the second must see the id the first one started.
  const draftIdRef = useRef<string | null>(application?.id ?? null);
  const [files, setFiles] = useState<ApplicationFile[]>(application?.files ?? []);
  const [saveState, setSaveState] = useState<SaveState>(
    application ? { kind: 'saved', at: new Date(application.updatedAt) } : { kind: 'idle' },
  );
  const [submitting, setSubmitting] = useState(false);
  const saving = useRef<Promise<string | null> | null>(null);
  const form = useForm<ApplicationValues>({
    mode: 'controlled',
    initialValues: initialApplicationValues(call, application, me),
    onValuesChange: () => autosave(),
  });

  const showServerErrors = (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.details.length) {
        const errors = Object.fromEntries(error.details.map((detail) => [detail.path, detail.message]));
        form.setErrors(errors);
        focusFirstError(errors);
      }
      notifications.show({ color: 'red', message: error.message, autoClose: error.status === 409 ? false : 6000 });
      return;
    }
    notifications.show({ color: 'red', message: i18n.t('errors.network') });
  };

  /** Saves the form as it is (starting the draft the first time); answers the draft's id. */
  const save = async (): Promise<string | null> => {
    const doSave = async (): Promise<string | null> => {
      setSaveState({ kind: 'saving' });
      try {
        const body = toDraftBody(call, form.getValues());
        const existing = draftIdRef.current;
        if (existing) {
          await applicantApi.save(existing, body);
          setSaveState({ kind: 'saved', at: new Date() });
          return existing;
        }
        const started = await applicantApi.start(call.slug, body);
        draftStore.remember(call.slug, started.application.id, started.draftToken);
        draftIdRef.current = started.application.id;
        setDraftId(started.application.id);
        setSaveState({ kind: 'saved', at: new Date() });
        return started.application.id;
      } catch (error) {
        setSaveState({ kind: 'error' });
        throw error;
      }
    };
    // Each save waits for the one before it (a failed one does not stop the next).
    const run = (saving.current ?? Promise.resolve(null)).catch(() => null).then(doSave);
    saving.current = run;
    try {
      return await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  };

  // Autosave a few seconds after the last change, when what is typed so far is valid.
  const autosave = useDebouncedCallback(() => {
    if (submitting || Object.keys(draftErrors(call, form.getValues())).length) return;
    save().catch(() => {});
  }, 2500);

  const saveNow = async () => {
    const errors = draftErrors(call, form.getValues());
    form.setErrors(errors);
    if (Object.keys(errors).length) {
      focusFirstError(errors);
      return;
    }
    try {
      await save();
      notifications.show({ color: 'teal', message: t('applications.draftSaved') });
    } catch (error) {
      showServerErrors(error);
    }
  };

  const upload = async (question: Question, file: File) => {
    if (file.size > maxFileBytes) {
      form.setFieldError(`answers.${question.id}`, t('applications.fileTooLarge'));
      return;
    }
    try {
      const id = await save();
      if (!id) return;
      const stored = await applicantApi.upload(id, question.id, { name: file.name, content: await readAsBase64(file) });
      setFiles((current) => [...current, stored]);
      form.clearFieldError(`answers.${question.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        form.setFieldError(`answers.${question.id}`, error.details.map((detail) => detail.message).join(' '));
        return;
      }
      showServerErrors(error);
    }
  };

  const removeFile = async (file: ApplicationFile) => {
    if (!draftId) return;
    try {
      await applicantApi.removeFile(draftId, file.id);
      setFiles((current) => current.filter((candidate) => candidate.id !== file.id));
    } catch (error) {
      showServerErrors(error);
    }
  };

  const submit = async () => {
    const values = form.getValues();
    const errors = submissionErrors(call, values, files, me !== null);
    form.setErrors(errors);
    if (Object.keys(errors).length) {
      focusFirstError(errors);
      notifications.show({ color: 'red', message: t('applications.fixErrors') });
      return;
    }
    setSubmitting(true);
    try {
      const id = await save();
      if (!id) return;
      const submitted = await applicantApi.submit(id, {
        consent: true,
        ...(me ? {} : { account: { name: values.account.name, email: values.account.email.trim(), password: values.account.password } }),
      });
      draftStore.forget(call.slug, id);
      // The person may just have been signed in: everything about "who am I" is asked again.
      await client.invalidateQueries();
      onSubmitted(submitted);
    } catch (error) {
      showServerErrors(error);
    } finally {
      setSubmitting(false);
    }
  };

  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  const stage = form.getValues().stage;
  const field = (name: string) => ({ id: `field-${name.replace('.', '-')}`, ...form.getInputProps(name) });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="application-form"
    >
      <Stack gap="lg" maw={860}>
        <Stack gap={4}>
          <Text c="dimmed">
            <Link to="/calls/$slug" params={{ slug: call.slug }}>
              {pickText(call.title, locale)}
            </Link>
          </Text>
          <Title order={1}>{t('applications.applyTitle')}</Title>
          <CallDates call={call} />
          <Text size="sm" c="dimmed">
            {t('applications.draftExplain')}
          </Text>
        </Stack>

        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              {t('applications.section.contact')}
            </Title>
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
          </Stack>
        </Card>

        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              {t('applications.section.company')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('applications.field.companyName')}
                description={t('applications.field.companyNameHelp')}
                withAsterisk
                {...field('companyName')}
              />
              <Select
                label={t('applications.field.stage')}
                withAsterisk
                data={companyStages.map(option('companyStage'))}
                {...field('stage')}
              />
              <Select
                label={t('applications.field.sector')}
                withAsterisk
                searchable
                data={sectors.map(option('sector'))}
                {...field('sector')}
              />
              <Select
                label={t('applications.field.region')}
                withAsterisk
                searchable
                data={regions.map(option('region'))}
                {...field('region')}
              />
              <TextInput
                type="date"
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
          </Stack>
        </Card>

        {call.questions.length > 0 && (
          <Card withBorder>
            <Stack>
              <Title order={2} size="h4">
                {t('applications.section.questions')}
              </Title>
              {call.questions.map((question) => (
                <QuestionField
                  key={question.id}
                  question={question}
                  form={form}
                  files={files}
                  disabled={submitting}
                  onUpload={upload}
                  onRemove={removeFile}
                  onDownload={(file) => draftId && applicantApi.download(draftId, file)}
                />
              ))}
            </Stack>
          </Card>
        )}

        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              {t('applications.section.submit')}
            </Title>
            {me ? (
              <Text size="sm">{t('applications.submitAs', { name: me.name, email: me.email })}</Text>
            ) : (
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
                  {t('applications.haveAccount')}{' '}
                  <Anchor component={Link} to="/sign-in">
                    {t('auth.signIn')}
                  </Anchor>
                </Text>
              </>
            )}
            <Checkbox id="field-consent" label={t('applications.consent')} {...form.getInputProps('consent', { type: 'checkbox' })} />
            <Alert color="gray" variant="light">
              {t('applications.deadlineReminder', { date: formatInstant(call.closesAt, locale) })}
            </Alert>
            <Group justify="space-between" wrap="wrap-reverse" gap="sm">
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} />}
                  onClick={saveNow}
                  loading={saveState.kind === 'saving' && !submitting}
                  data-testid="save-draft"
                >
                  {t('applications.saveDraft')}
                </Button>
                <Text size="xs" c={saveState.kind === 'error' ? 'red.8' : 'dimmed'} aria-live="polite" data-testid="save-state">
                  {saveState.kind === 'saved' && t('applications.savedAt', { time: formatInstant(saveState.at, locale) })}
                  {saveState.kind === 'saving' && t('applications.saving')}
                  {saveState.kind === 'error' && t('applications.saveFailed')}
                </Text>
              </Group>
              <Button type="submit" size="md" leftSection={<IconSend size={18} />} loading={submitting} data-testid="submit-application">
                {t('applications.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </form>
  );
}
