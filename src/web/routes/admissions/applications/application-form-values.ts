import { z } from 'zod';
import type { Question } from '../../../../contracts/admissions.js';
import {
  type ApplicantApplication,
  type ApplicationDraftBody,
  type ApplicationFile,
  draftFieldsRulesSchema,
  submittedFieldsSchema,
} from '../../../../contracts/applications.js';
import { newPasswordSchema } from '../../../../contracts/auth.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import { type AnswerValue, answersSchemaFor } from '../../../../shared/application-answers.js';
import { describeIssues } from '../../../../shared/validation-messages.js';
import { currentLocale, i18n } from '../../../i18n/index.js';

/** What the applicant's form holds: strings for inputs, '' for "not given". */
export type ApplicationValues = {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  companyName: string;
  sector: string | null;
  stage: string | null;
  region: string | null;
  creationDate: string;
  ice: string;
  requiredAreaM2: number | string;
  answers: Record<string, AnswerValue>;
  consent: boolean;
  account: { name: string; email: string; password: string };
};

export function initialApplicationValues(
  call: PublicCall,
  application: ApplicantApplication | null,
  me: { name: string; email: string } | null,
): ApplicationValues {
  const answers: Record<string, AnswerValue> = {};
  for (const question of call.questions) {
    const stored = application?.answers[question.id];
    if (question.kind === 'multi_choice') answers[question.id] = Array.isArray(stored) ? (stored as string[]) : [];
    else if (question.kind === 'number') answers[question.id] = typeof stored === 'number' ? stored : '';
    else if (question.kind !== 'file') answers[question.id] = typeof stored === 'string' ? stored : '';
  }
  return {
    contactName: application?.contactName || me?.name || '',
    contactEmail: application?.contactEmail || me?.email || '',
    contactPhone: application?.contactPhone ?? '',
    companyName: application?.companyName ?? '',
    sector: application?.sector ?? null,
    stage: application?.stage ?? null,
    region: application?.region ?? null,
    creationDate: application?.creationDate ?? '',
    ice: application?.ice ?? '',
    requiredAreaM2: application?.requiredAreaM2 ?? '',
    answers,
    consent: false,
    account: { name: '', email: '', password: '' },
  };
}

const formQuestions = (questions: Question[]) => questions.filter((question) => question.kind !== 'file');

// A number field may hold what is not a number yet ("-" while typing): not an answer.
const numberOrNull = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : null);

/** The draft as the API takes it: every field (a save sends the whole form), '' as null, cleared answers as null. */
export function toDraftBody(call: PublicCall, values: ApplicationValues): ApplicationDraftBody {
  const answers: Record<string, unknown> = {};
  for (const question of formQuestions(call.questions)) {
    const value = values.answers[question.id];
    const empty = value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    answers[question.id] = empty ? null : question.kind === 'number' ? numberOrNull(value) : value;
  }
  return {
    contactName: values.contactName,
    contactEmail: values.contactEmail.trim(),
    contactPhone: values.contactPhone,
    companyName: values.companyName,
    sector: (values.sector || null) as ApplicationDraftBody['sector'],
    stage: (values.stage || null) as ApplicationDraftBody['stage'],
    region: (values.region || null) as ApplicationDraftBody['region'],
    creationDate: values.creationDate || null,
    ice: values.ice.trim() || null,
    requiredAreaM2: values.requiredAreaM2 === '' ? null : numberOrNull(values.requiredAreaM2),
    answers,
  };
}

function errorsOf(result: z.ZodSafeParseResult<unknown>, prefix = ''): Record<string, string> {
  if (result.success) return {};
  const translate = (key: string) => (i18n.exists(key) ? i18n.t(key) : undefined);
  const errors: Record<string, string> = {};
  for (const problem of describeIssues(result.error.issues, currentLocale(), translate)) {
    errors[`${prefix}${problem.path}`] ??= problem.message;
  }
  return errors;
}

const withoutNulls = (answers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== null));

/**
 * What the draft holds that does not follow its field's rule yet (an ICE of 14 digits, a number past its bound):
 * shown as warnings while editing, never stopping a save. Empty fields are not warned about: a draft may be
 * incomplete. The rules are the server's, which refuses them on submission.
 */
export function draftWarnings(call: PublicCall, values: ApplicationValues): Record<string, string> {
  const body = toDraftBody(call, values);
  return {
    ...errorsOf(draftFieldsRulesSchema.safeParse(body, { reportInput: true })),
    ...errorsOf(
      answersSchemaFor(formQuestions(call.questions), { forSubmission: false }).safeParse(withoutNulls(body.answers ?? {}), {
        reportInput: true,
      }),
      'answers.',
    ),
  };
}

/** Everything a submission needs, checked here first with the server's own rules. */
export function submissionErrors(
  call: PublicCall,
  values: ApplicationValues,
  files: ApplicationFile[],
  signedIn: boolean,
): Record<string, string> {
  const body = toDraftBody(call, values);
  const answers: Record<string, unknown> = withoutNulls(body.answers ?? {});
  for (const question of call.questions.filter((candidate) => candidate.kind === 'file')) {
    answers[question.id] = files.filter((file) => file.questionId === question.id).map((file) => file.id);
  }
  const orUndefined = <T>(value: T | null | undefined) => value ?? undefined;
  const errors: Record<string, string> = {
    ...draftWarnings(call, values),
    ...errorsOf(
      submittedFieldsSchema.safeParse(
        { ...body, sector: orUndefined(body.sector), stage: orUndefined(body.stage), region: orUndefined(body.region) },
        { reportInput: true },
      ),
    ),
    ...errorsOf(answersSchemaFor(call.questions, { forSubmission: true }).safeParse(answers, { reportInput: true }), 'answers.'),
  };
  if (!body.creationDate && body.stage && body.stage !== 'project_holder')
    errors.creationDate ??= i18n.t('validation.creation_date_required');
  if (call.kind === 'residency' && body.requiredAreaM2 === null) errors.requiredAreaM2 ??= i18n.t('validation.required_area_required');
  if (!values.consent) errors.consent = i18n.t('validation.consent_required');
  if (!signedIn) {
    const account = z.object({ name: z.string().trim().min(1, 'validation.required'), email: z.email(), password: newPasswordSchema });
    Object.assign(errors, errorsOf(account.safeParse(values.account, { reportInput: true }), 'account.'));
  }
  return errors;
}
