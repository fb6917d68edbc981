import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './validation-messages.js';

const schema = z.object({
  name: z.string().min(3),
  ice: z.string().regex(/^\d{15}$/, 'validation.ice_format'),
});

describe('describeIssues', () => {
  const translate = (key: string) => ({ 'validation.ice_format': 'ICE: 15 chiffres', 'validation.required': 'Obligatoire.' })[key];

  it('words zod checks in the reader language and our own rules through the dictionary', () => {
    const issues = schema.safeParse({ name: 'ab', ice: '12' }, { reportInput: true }).error?.issues ?? [];
    const fr = describeIssues(issues, 'fr', translate);
    expect(fr).toEqual([
      { path: 'name', message: expect.stringContaining('Trop petit') },
      { path: 'ice', message: 'ICE: 15 chiffres' },
    ]);
    expect(describeIssues(issues, 'ar', translate)[0].message).toMatch(/[\u0600-\u06FF]/);
  });

  it('says "required" for a missing field', () => {
    const issues = schema.safeParse({}, { reportInput: true }).error?.issues ?? [];
    expect(describeIssues(issues, 'fr', translate).map((problem) => problem.message)).toEqual(['Obligatoire.', 'Obligatoire.']);
  });
});
