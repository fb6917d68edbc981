import { describe, expect, it } from 'vitest';
import type { Question } from '../contracts/admissions.js';
import { answersSchemaFor, draftAnswersSchemaFor, draftTextCeiling } from './application-answers.js';

const label = { fr: 'Question' };
const questions: Question[] = [
  { id: 'pitch', kind: 'long_text', label, required: true, maxLength: 20 },
  { id: 'name', kind: 'short_text', label, required: false },
  { id: 'team', kind: 'number', label, required: true, min: 1, max: 50 },
  {
    id: 'funding',
    kind: 'choice',
    label,
    required: false,
    options: [
      { value: 'none', label },
      { value: 'grant', label },
    ],
  },
  {
    id: 'markets',
    kind: 'multi_choice',
    label,
    required: true,
    options: [
      { value: 'ma', label },
      { value: 'eu', label },
    ],
  },
  { id: 'deck', kind: 'file', label, required: true },
];
const fileId = '0b7f3d5e-4a8c-4f63-9a53-3d1c2b6f9e10';

function problems(answers: Record<string, unknown>, forSubmission: boolean) {
  const result = answersSchemaFor(questions, { forSubmission }).safeParse(answers, { reportInput: true });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('answers to a call form', () => {
  it('accept an empty or partial draft', () => {
    expect(problems({}, false)).toEqual([]);
    expect(problems({ pitch: 'Short', funding: '' }, false)).toEqual([]);
  });

  it('require every required answer on submission, files included', () => {
    const paths = problems({ pitch: '   ', markets: [], deck: [] }, true).map((problem) => problem.split(':')[0]);
    expect(paths).toEqual(['pitch', 'team', 'markets', 'deck']);
    expect(problems({ pitch: 'Project', team: 3, markets: ['ma'], deck: [fileId] }, true)).toEqual([]);
  });

  it('enforce types, bounds, choices and lengths even on drafts', () => {
    const found = problems({ pitch: 'x'.repeat(21), team: 0, funding: 'loan', markets: ['ma', 'ma'], name: 42 }, false);
    expect(found.map((problem) => problem.split(':')[0]).sort()).toEqual(['funding', 'markets', 'name', 'pitch', 'team']);
    expect(found).toContain('funding: validation.unknown_option');
    expect(problems({ team: 51 }, false)).toHaveLength(1);
    expect(problems({ team: '3' }, false)).toHaveLength(1);
    expect(problems({ deck: ['not-a-uuid'] }, false)).toHaveLength(1);
  });

  it('drop answers to questions the call does not ask', () => {
    const parsed = answersSchemaFor(questions, { forSubmission: false }).parse({ pitch: ' Idea ', stray: 'x' });
    expect(parsed).toEqual({ pitch: 'Idea' });
  });
});

describe('what a draft keeps of its answers', () => {
  const keep = (answers: Record<string, unknown>) => draftAnswersSchemaFor(questions).safeParse(answers);

  it('keeps answers that break their question’s rules, as typed: the submission reports them', () => {
    const typed = { pitch: 'x'.repeat(40), team: 900, funding: 'loan', markets: ['ma', 'us'] };
    const kept = keep(typed);
    expect(kept.success).toBe(true);
    expect(kept.data).toEqual(typed);
    expect(problems(typed, false)).toHaveLength(4);
  });

  it('takes null as "clear", drops unknown and file questions, and refuses an answer of the wrong kind or past the ceiling', () => {
    expect(keep({ pitch: null, other: 'x', deck: [fileId] }).data).toEqual({ pitch: null });
    expect(keep({ team: 'five' }).success).toBe(false);
    expect(keep({ markets: 'ma' }).success).toBe(false);
    expect(keep({ name: 'x'.repeat(draftTextCeiling + 1) }).success).toBe(false);
  });
});
