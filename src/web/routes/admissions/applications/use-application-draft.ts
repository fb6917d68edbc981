import { type UseFormReturnType, useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../contracts/admissions.js';
import type { ApplicantApplication, ApplicationFile } from '../../../../contracts/applications.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import { ApiError } from '../../../api.js';
import { notifyError, notifySuccess, showApiError } from '../../../components/feedback.js';
import { readAsBase64 } from '../../../files.js';
import { applicantApi, draftStore } from './applicant-api.js';
import { type ApplicationValues, draftErrors, initialApplicationValues, submissionErrors, toDraftBody } from './application-form-values.js';
import { maxFileBytes } from './QuestionField.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error' };
type Applicant = { name: string; email: string } | null;

/** Moves the reader to the first field the server or the check found wrong. */
function focusFirstError(errors: Record<string, unknown>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = first.startsWith('answers.') ? `question-${first.slice('answers.'.length)}` : `field-${first.replace('.', '-')}`;
  const element = document.getElementById(id);
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element?.focus({ preventScroll: true });
}

type Form = UseFormReturnType<ApplicationValues>;

/** Shows what the server refused: its field problems on the fields (the first one in view), its message in a notification. */
function showServerErrors(form: Form, error: unknown) {
  showApiError(error, form as never);
  if (error instanceof ApiError && error.details.length)
    focusFirstError(Object.fromEntries(error.details.map((detail) => [detail.path, true])));
}

/**
 * Saving the draft: the first save starts it (its secret kept in this browser), the next ones change it. Saves
 * follow one another: the second must see the id the first one started, and a failed one does not stop the next.
 */
function useDraftSaves({ call, application, form }: { call: PublicCall; application: ApplicantApplication | null; form: Form }) {
  const [draftId, setDraftId] = useState<string | null>(application?.id ?? null);
  const draftIdRef = useRef<string | null>(application?.id ?? null);
  const [saveState, setSaveState] = useState<SaveState>(
    application ? { kind: 'saved', at: new Date(application.updatedAt) } : { kind: 'idle' },
  );
  const saving = useRef<Promise<string | null> | null>(null);

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

  /** Saves the form as it is (starting the draft the first time); answers the draft's id. */
  const save = async (): Promise<string | null> => {
    const run = (saving.current ?? Promise.resolve(null)).catch(() => null).then(doSave);
    saving.current = run;
    try {
      return await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  };
  return { draftId, saveState, save };
}

/** The draft's files: uploaded to the draft (started first if need be), removed, downloaded by their owner. */
function useDraftFiles({
  application,
  form,
  draftId,
  save,
}: {
  application: ApplicantApplication | null;
  form: Form;
  draftId: string | null;
  save: () => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<ApplicationFile[]>(application?.files ?? []);

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
      notifySuccess(t('applications.fileAdded', { name: stored.name }));
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        form.setFieldError(`answers.${question.id}`, error.details.map((detail) => detail.message).join(' '));
        return;
      }
      showServerErrors(form, error);
    }
  };

  const removeFile = async (file: ApplicationFile) => {
    if (!draftId) return;
    try {
      await applicantApi.removeFile(draftId, file.id);
      setFiles((current) => current.filter((candidate) => candidate.id !== file.id));
      notifySuccess(t('applications.fileRemoved', { name: file.name }));
    } catch (error) {
      showServerErrors(form, error);
    }
  };

  const download = (file: ApplicationFile) => draftId && applicantApi.download(draftId, file);
  return { files, upload, removeFile, download };
}

/**
 * The applicant's draft as they fill it in: the form's values, saved a few seconds after the last valid change and
 * with "Save draft", its files, and the submission, checked first with the server's own rules (then by the server).
 */
export function useApplicationDraft({
  call,
  application,
  me,
  onSubmitted,
}: {
  call: PublicCall;
  application: ApplicantApplication | null;
  me: Applicant;
  onSubmitted: (application: ApplicantApplication) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const autosaveRef = useRef(() => {});
  const form = useForm<ApplicationValues>({
    mode: 'controlled',
    initialValues: initialApplicationValues(call, application, me),
    onValuesChange: () => autosaveRef.current(),
  });
  const { draftId, saveState, save } = useDraftSaves({ call, application, form });
  const { files, upload, removeFile, download } = useDraftFiles({ application, form, draftId, save });

  // Autosave a few seconds after the last change, when what is typed so far is valid.
  autosaveRef.current = useDebouncedCallback(() => {
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
      notifySuccess(t('applications.draftSaved'));
    } catch (error) {
      showServerErrors(form, error);
    }
  };

  const submit = async () => {
    const values = form.getValues();
    const errors = submissionErrors(call, values, files, me !== null);
    form.setErrors(errors);
    if (Object.keys(errors).length) {
      focusFirstError(errors);
      notifyError(t('applications.fixErrors'));
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
      notifySuccess(t('applications.submittedNotice', { reference: submitted.reference }));
      // The person may just have been signed in: everything about "who am I" is asked again.
      await client.invalidateQueries();
      onSubmitted(submitted);
    } catch (error) {
      showServerErrors(form, error);
    } finally {
      setSubmitting(false);
    }
  };

  return { form, files, saveState, submitting, saveNow, upload, removeFile, download, submit };
}

export type ApplicationDraft = ReturnType<typeof useApplicationDraft>;
