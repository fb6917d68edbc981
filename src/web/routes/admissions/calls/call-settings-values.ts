import type { z } from 'zod';
import type { CallKind, Question } from '../../../../contracts/admissions.js';
import type { CreateCallBody, OfficerCall } from '../../../../contracts/calls.js';
import { fromLocal, toLocalDate, toLocalDateTime } from '../../../../shared/morocco-time.js';
import { describeIssues } from '../../../../shared/validation-messages.js';
import { currentLocale, i18n } from '../../../i18n/index.js';

/** A text in the three languages as the inputs hold it ('' for "not given"). */
export type Text3 = { fr: string; ar: string; en: string };
export type OptionValues = { key: string; value: string; label: Text3 };
export type QuestionValues = {
  /** Stable key for React while questions move; not sent. */
  key: string;
  id: string;
  kind: Question['kind'];
  label: Text3;
  help: Text3;
  required: boolean;
  options: OptionValues[];
  min: number | string;
  max: number | string;
  maxLength: number | string;
};
export type CriterionValues = { key: string; label: Text3; description: Text3; weight: number | string };

export type CallSettingsValues = {
  slug: string;
  title: Text3;
  summary: Text3;
  description: Text3;
  kind: CallKind;
  parkId: string | null;
  /** Local date and time on the park's clock (yyyy-mm-ddThh:mm). */
  opensAt: string;
  closesAt: string;
  eligibility: { sectors: string[]; stages: string[]; regions: string[]; maxCompanyAgeYears: number | string };
  questions: QuestionValues[];
  criteria: CriterionValues[];
  scoreMin: number | string;
  scoreMax: number | string;
  spreadThreshold: number | string;
  committeeMemberIds: string[];
  published: boolean;
};

let counter = 0;
export const newKey = () => `k${++counter}-${Math.random().toString(36).slice(2, 7)}`;

const text3 = (value?: { fr: string; ar?: string; en?: string } | null): Text3 => ({
  fr: value?.fr ?? '',
  ar: value?.ar ?? '',
  en: value?.en ?? '',
});

/** The text as the API takes it: French required, other languages only when given. */
const toText = (value: Text3) => ({
  fr: value.fr,
  ...(value.ar.trim() ? { ar: value.ar } : {}),
  ...(value.en.trim() ? { en: value.en } : {}),
});
const optionalText = (value: Text3) => (value.fr.trim() || value.ar.trim() || value.en.trim() ? toText(value) : undefined);
const optionalNumber = (value: number | string) => (value === '' || value === null ? undefined : Number(value));

export function emptyOption(n: number): OptionValues {
  return { key: newKey(), value: `option-${n}`, label: text3() };
}

export function emptyQuestion(kind: Question['kind'], existingIds: string[]): QuestionValues {
  let n = existingIds.length + 1;
  while (existingIds.includes(`q${n}`)) n += 1;
  const choice = kind === 'choice' || kind === 'multi_choice';
  return {
    key: newKey(),
    id: `q${n}`,
    kind,
    label: text3(),
    help: text3(),
    required: false,
    options: choice ? [emptyOption(1), emptyOption(2)] : [],
    min: '',
    max: '',
    maxLength: '',
  };
}

export function emptyCriterion(): CriterionValues {
  return { key: newKey(), label: text3(), description: text3(), weight: 1 };
}

export function initialCallValues(call?: OfficerCall): CallSettingsValues {
  const now = new Date();
  return {
    slug: call?.slug ?? '',
    title: text3(call?.title),
    summary: text3(call?.summary),
    description: text3(call?.description),
    kind: call?.kind ?? 'incubation',
    parkId: call?.park?.id ?? null,
    opensAt: call ? toLocalDateTime(call.opensAt) : `${toLocalDate(now)}T09:00`,
    closesAt: call ? toLocalDateTime(call.closesAt) : `${toLocalDate(now.getTime() + 30 * 86400000)}T23:59`,
    eligibility: {
      sectors: call?.eligibility.sectors ?? [],
      stages: call?.eligibility.stages ?? [],
      regions: call?.eligibility.regions ?? [],
      maxCompanyAgeYears: call?.eligibility.maxCompanyAgeYears ?? '',
    },
    questions: (call?.questions ?? []).map((question) => ({
      key: newKey(),
      id: question.id,
      kind: question.kind,
      label: text3(question.label),
      help: text3(question.help),
      required: question.required,
      options: (question.options ?? []).map((option) => ({ key: newKey(), value: option.value, label: text3(option.label) })),
      min: question.min ?? '',
      max: question.max ?? '',
      maxLength: question.maxLength ?? '',
    })),
    criteria: call
      ? call.criteria.map((criterion) => ({
          key: newKey(),
          label: text3(criterion.label),
          description: text3(criterion.description),
          weight: criterion.weight,
        }))
      : [emptyCriterion()],
    scoreMin: call?.scoreMin ?? 0,
    scoreMax: call?.scoreMax ?? 5,
    spreadThreshold: call?.spreadThreshold ?? 1.5,
    committeeMemberIds: call?.committee.map((member) => member.userId) ?? [],
    published: call?.published ?? false,
  };
}

function toQuestion(question: QuestionValues): Question {
  const choice = question.kind === 'choice' || question.kind === 'multi_choice';
  const help = optionalText(question.help);
  return {
    id: question.id.trim(),
    kind: question.kind,
    label: toText(question.label),
    ...(help ? { help } : {}),
    required: question.required,
    ...(choice ? { options: question.options.map((option) => ({ value: option.value.trim(), label: toText(option.label) })) } : {}),
    ...(question.kind === 'number' && optionalNumber(question.min) !== undefined ? { min: optionalNumber(question.min) } : {}),
    ...(question.kind === 'number' && optionalNumber(question.max) !== undefined ? { max: optionalNumber(question.max) } : {}),
    ...((question.kind === 'short_text' || question.kind === 'long_text') && optionalNumber(question.maxLength) !== undefined
      ? { maxLength: optionalNumber(question.maxLength) }
      : {}),
  };
}

type EligibilityBody = NonNullable<CreateCallBody['eligibility']>;

/** The call as the API takes it; the dates typed on the park's clock become instants. */
export function toCallBody(values: CallSettingsValues): CreateCallBody {
  return {
    slug: values.slug.trim(),
    title: toText(values.title),
    summary: optionalText(values.summary),
    description: optionalText(values.description),
    kind: values.kind,
    parkId: values.parkId || null,
    opensAt: fromLocal(values.opensAt) ?? values.opensAt,
    closesAt: fromLocal(values.closesAt) ?? values.closesAt,
    eligibility: {
      // The pickers only offer the contract's values.
      sectors: values.eligibility.sectors as EligibilityBody['sectors'],
      stages: values.eligibility.stages as EligibilityBody['stages'],
      regions: values.eligibility.regions as EligibilityBody['regions'],
      maxCompanyAgeYears: values.eligibility.maxCompanyAgeYears === '' ? null : Number(values.eligibility.maxCompanyAgeYears),
    },
    questions: values.questions.map(toQuestion),
    criteria: values.criteria.map((criterion) => ({
      label: toText(criterion.label),
      ...(optionalText(criterion.description) ? { description: optionalText(criterion.description) } : {}),
      weight: criterion.weight === '' ? Number.NaN : Number(criterion.weight),
    })),
    scoreMin: Number(values.scoreMin),
    scoreMax: Number(values.scoreMax),
    spreadThreshold: Number(values.spreadThreshold),
    committeeMemberIds: values.committeeMemberIds,
    published: values.published,
  };
}

/**
 * The settings form's problems with the call contract, worded in the reader's language; an empty
 * required text reads "required" rather than "too short".
 */
export function callFormErrors(schema: z.ZodType, values: CallSettingsValues): Record<string, string> {
  const result = schema.safeParse(toCallBody(values), { reportInput: true });
  if (result.success) return {};
  const issues = result.error.issues.map((issue) =>
    issue.code === 'too_small' && issue.origin === 'string' && (issue.input === '' || Number(issue.minimum) <= 1)
      ? { ...issue, message: 'validation.required' }
      : issue,
  );
  const translate = (key: string) => (i18n.exists(key) ? i18n.t(key) : undefined);
  const errors: Record<string, string> = {};
  for (const problem of describeIssues(issues, currentLocale(), translate)) errors[problem.path] ??= problem.message;
  return errors;
}
