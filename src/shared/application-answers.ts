import { z } from 'zod';
import type { Question } from '../contracts/admissions.js';

/** Longest answer to a text question when the program officer set no limit. */
export const defaultMaxLength = { short_text: 300, long_text: 5000 } as const;
/** Files one file question takes at most. */
export const maxFilesPerQuestion = 5;

/** What each kind of question takes as its answer. File questions hold the ids of the uploaded files. */
export type AnswerValue = string | number | string[] | null;
export type Answers = Record<string, AnswerValue | undefined>;

// A cleared field arrives as '' or null: both mean "not answered".
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

function answerSchema(question: Question, required: boolean): z.ZodType {
  switch (question.kind) {
    case 'short_text':
    case 'long_text': {
      const text = z
        .string()
        .trim()
        .max(question.maxLength ?? defaultMaxLength[question.kind]);
      return z.preprocess(blankToUndefined, required ? text.min(1, 'validation.required') : text.optional());
    }
    case 'number': {
      let number = z.number();
      if (question.min !== undefined) number = number.min(question.min);
      if (question.max !== undefined) number = number.max(question.max);
      return z.preprocess(blankToUndefined, required ? number : number.optional());
    }
    case 'choice': {
      const values = (question.options ?? []).map((option) => option.value);
      const choice = z.string().refine((value) => values.includes(value), 'validation.unknown_option');
      return z.preprocess(blankToUndefined, required ? choice : choice.optional());
    }
    case 'multi_choice': {
      const values = (question.options ?? []).map((option) => option.value);
      const choices = z
        .array(z.string().refine((value) => values.includes(value), 'validation.unknown_option'))
        .max(values.length)
        .refine((chosen) => new Set(chosen).size === chosen.length, 'validation.duplicate_option');
      return z.preprocess(blankToUndefined, required ? choices.min(1, 'validation.required') : choices.optional());
    }
    case 'file': {
      const files = z.array(z.uuid()).max(maxFilesPerQuestion);
      if (required) return z.preprocess((value) => blankToUndefined(value) ?? [], files.min(1, 'validation.file_required'));
      return z.preprocess(blankToUndefined, files.optional());
    }
  }
}

/**
 * The answers a call's form accepts, one key per question (answers to unknown questions are dropped).
 * The same function checks the applicant's form in the browser and on the server: a draft may leave
 * anything unanswered; a submission must answer every required question. Types, bounds, choices and
 * lengths are enforced in both cases.
 */
export function answersSchemaFor(questions: readonly Question[], options: { forSubmission: boolean }) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of questions) {
    shape[question.id] = answerSchema(question, options.forSubmission && question.required);
  }
  return z.object(shape);
}

/** The longest text a draft keeps for one answer, whatever the question's limit (which submission enforces). */
export const draftTextCeiling = 50_000;

function draftAnswerSchema(question: Question): z.ZodType {
  switch (question.kind) {
    case 'short_text':
    case 'long_text':
      return z.string().max(draftTextCeiling);
    case 'number':
      return z.number();
    case 'choice':
      return z.string().max(200);
    case 'multi_choice':
      return z.array(z.string().max(200)).max(100);
    case 'file':
      return z.never();
  }
}

/**
 * What a draft keeps of the answers it is sent: each answer of the kind its question takes (a text, a number,
 * chosen values), kept as typed even when it does not follow the question's rules yet (too long, out of bounds,
 * an option since removed) — answersSchemaFor reports those as warnings while editing and refuses them on
 * submission. `null` clears an answer; answers to unknown questions and to file questions are dropped.
 */
export function draftAnswersSchemaFor(questions: readonly Question[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of questions) {
    if (question.kind !== 'file') shape[question.id] = draftAnswerSchema(question).nullable().optional();
  }
  return z.object(shape);
}
