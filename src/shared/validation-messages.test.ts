import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './validation-messages.js';

const schema = z
  .object({
    name: z.string().min(3),
    ice: z.string().regex(/^\d{15}$/, 'validation.ice_format'),
    surface: z.number().max(36.5),
    employees: z.number().int().min(0),
    share: z.number().int().min(0).max(100),
    email: z.email(),
    sector: z.enum(['ict', 'edtech']),
    countries: z.array(z.string()).min(1),
    note: z.string().max(5),
    title: z.string().min(1),
    rent: z.number().positive(),
  })
  .strict();

const translate = (key: string) => ({ 'validation.ice_format': 'ICE: 15 chiffres', 'validation.required': 'Obligatoire.' })[key];

function messages(input: unknown, locale: 'fr' | 'ar' | 'en') {
  const issues = schema.safeParse(input, { reportInput: true }).error?.issues ?? [];
  return Object.fromEntries(describeIssues(issues, locale, translate).map((problem) => [problem.path, problem.message]));
}

const bad = {
  name: 'ab',
  ice: '12',
  surface: 40,
  employees: Number.NaN,
  share: 120,
  email: 'nope',
  sector: 'mining',
  countries: [],
  note: 'abcdefgh',
  title: '',
  rent: 0,
  extra: 1,
};

describe('describeIssues', () => {
  it('words every generic check in plain French, our own rules through the dictionary', () => {
    expect(messages(bad, 'fr')).toEqual({
      name: 'Au moins 3 caractères.',
      ice: 'ICE: 15 chiffres',
      surface: 'La valeur doit être au plus 36,5.',
      employees: 'Saisissez un nombre.',
      share: 'La valeur doit être au plus 100.',
      email: 'Saisissez une adresse e-mail valide.',
      sector: 'Choisissez l’une des valeurs proposées.',
      countries: 'Choisissez au moins une valeur.',
      note: '5 caractères au plus.',
      title: 'Obligatoire.',
      rent: 'La valeur doit être supérieure à 0.',
      '': 'Champ non prévu : extra.',
    });
  });

  it('never shows the validator’s own text, in any language', () => {
    for (const locale of ['fr', 'ar', 'en'] as const) {
      for (const message of Object.values(messages(bad, locale))) {
        expect(message).not.toMatch(/Trop|Too (small|big)|NaN|reçu|received|\bexpected\b|attendu|>=|<=|string|chaîne|nombre doit/i);
      }
    }
    expect(messages(bad, 'ar').surface).toBe('يجب ألا تتجاوز القيمة 36,5.');
    expect(messages(bad, 'en').employees).toBe('Enter a number.');
    expect(messages({ ...bad, employees: 1.5 }, 'en').employees).toBe('Enter a whole number.');
  });

  it('says "required" for a missing field', () => {
    const issues = schema.safeParse({}, { reportInput: true }).error?.issues ?? [];
    const said = describeIssues(issues, 'fr', translate).map((problem) => problem.message);
    expect(new Set(said)).toEqual(new Set(['Obligatoire.']));
    expect(said).toHaveLength(11);
  });
});
