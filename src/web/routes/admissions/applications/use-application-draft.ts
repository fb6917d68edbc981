import { type UseFormReturnType, useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../contracts/admissions.js';
import type { ApplicantApplication, ApplicationFile } from '../../../../contracts/applications.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import { currentApplicationConsentVersion } from '../../../../shared/consent.js';
import { ApiError } from '../../../api.js';
import { notifyError, notifySuccess, showApiError } from '../../../components/feedback.js';
import { readAsBase64 } from '../../../files.js';
import { i18n } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';
import { applicantApi, draftStore } from './applicant-api.js';
import {
  type ApplicationValues,
  draftWarnings,
  initialApplicationValues,
  submissionErrors,
  toDraftBody,
} from './application-form-values.js';
import { maxFileBytes } from './QuestionField.js';

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
 * Where the draft stands, said plainly beside the save button: saved (when), not saved yet (changes waiting for
 * the next save), being saved, or not saved with the reason (the server's words, or that it cannot be reached).
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; reason: string };

/** Why a save failed, in the reader's words: the server's field problems or message, or that it cannot be reached. */
function failureReason(error: unknown): string {
  if (error instanceof ApiError) return error.details.length ? error.details.map((detail) => detail.message).join(' ') : error.message;
  return i18n.t('applications.notSavedOffline');
}

/** A failed save that may succeed later (the network, the server's own trouble) is tried again after this. */
const retryAfterMs = 10_000;

/**
 * Saving the draft: the first save starts it (its secret kept in this browser), the next ones change it. Saves
 * follow one another: the second must see the id the first one started, and a failed one does not stop the next.
 * Every change is counted, so that a save finishing while the applicant types still says "not saved yet".
 */
function useDraftSaves({ call, application, form }: { call: PublicCall; application: ApplicantApplication | null; form: Form }) {
  const [draftId, setDraftId] = useState<string | null>(application?.id ?? null);
  const draftIdRef = useRef<string | null>(application?.id ?? null);
  const [saveState, setSaveState] = useState<SaveState>(
    application ? { kind: 'saved', at: new Date(application.updatedAt) } : { kind: 'idle' },
  );
  const saving = useRef<Promise<string | null> | null>(null);
  const changes = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);

  const doSave = async (): Promise<string | null> => {
    const seen = changes.current;
    setSaveState({ kind: 'saving' });
    const settled = () => (changes.current === seen ? { kind: 'saved' as const, at: new Date() } : { kind: 'pending' as const });
    try {
      const body = toDraftBody(call, form.getValues());
      const existing = draftIdRef.current;
      if (existing) {
        await applicantApi.save(existing, body);
        setSaveState(settled());
        return existing;
      }
      const started = await applicantApi.start(call.slug, body);
      draftStore.remember(call.slug, started.application.id, started.draftToken);
      draftIdRef.current = started.application.id;
      setDraftId(started.application.id);
      setSaveState(settled());
      return started.application.id;
    } catch (error) {
      setSaveState({ kind: 'error', reason: failureReason(error) });
      const mayPassLater = !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
      if (mayPassLater && !retry.current) {
        retry.current = setTimeout(() => {
          retry.current = null;
          save().catch(() => {});
        }, retryAfterMs);
      }
      throw error;
    }
  };

  /** Saves the form as it is (starting the draft the first time); answers the draft's id. */
  const save = async (): Promise<string | null> => {
    if (retry.current) clearTimeout(retry.current);
    retry.current = null;
    const run = (saving.current ?? Promise.resolve(null)).catch(() => null).then(doSave);
    saving.current = run;
    try {
      return await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  };

  /** The form changed: not saved until the next save ends. */
  const changed = () => {
    changes.current += 1;
    setSaveState((state) => (state.kind === 'saving' || state.kind === 'error' ? state : { kind: 'pending' }));
  };

  useEffect(() => () => (retry.current ? clearTimeout(retry.current) : undefined), []);
  // Leaving with changes not saved: the browser asks first.
  const unsaved = saveState.kind === 'pending' || saveState.kind === 'saving' || saveState.kind === 'error';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { draftId, saveState, save, changed };
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
      notifySuccess(t('applications.fileAdded', { name: isolate(stored.name) }));
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
      notifySuccess(t('applications.fileRemoved', { name: isolate(file.name) }));
    } catch (error) {
      showServerErrors(form, error);
    }
  };

  const download = (file: ApplicationFile) => draftId && applicantApi.download(draftId, file);
  return { files, upload, removeFile, download };
}

/**
 * The applicant's draft as they fill it in: the form's values, saved a few seconds after the last change and with
 * "Save draft" (as typed: what breaks a rule is a warning on its field), its files, and the submission, checked
 * first with the server's own rules (then by the server), its problems shown as errors on their fields.
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
  const { draftId, saveState, save, changed } = useDraftSaves({ call, application, form });
  const { files, upload, removeFile, download } = useDraftFiles({ application, form, draftId, save });
  // What does not follow its rule yet: said on its field, saved all the same, refused only on submission.
  const warnings = draftWarnings(call, form.getValues());

  // Autosave a few seconds after the last change, whatever the fields hold: a draft is never lost.
  const autosave = useDebouncedCallback(() => {
    if (!submitting) save().catch(() => {});
  }, 2500);
  autosaveRef.current = () => {
    changed();
    autosave();
  };

  const saveNow = async () => {
    try {
      await save();
      const toCheck = Object.keys(draftWarnings(call, form.getValues())).length > 0;
      notifySuccess(t(toCheck ? 'applications.draftSavedWithWarnings' : 'applications.draftSaved'));
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
        consentVersion: currentApplicationConsentVersion,
        ...(me ? {} : { account: { name: values.account.name, email: values.account.email.trim(), password: values.account.password } }),
      });
      draftStore.forget(call.slug, id);
      notifySuccess(t('applications.submittedNotice', { reference: isolate(submitted.reference) }));
      // The person may just have been signed in: everything about "who am I" is asked again.
      await client.invalidateQueries();
      onSubmitted(submitted);
    } catch (error) {
      showServerErrors(form, error);
    } finally {
      setSubmitting(false);
    }
  };

  return { form, files, warnings, saveState, submitting, saveNow, upload, removeFile, download, submit };
}

export type ApplicationDraft = ReturnType<typeof useApplicationDraft>;
