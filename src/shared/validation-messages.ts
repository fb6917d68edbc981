import type { z } from 'zod';
import { formatNumber } from './calendar.js';
import type { Locale } from './locales.js';

/**
 * One wording for validation problems on both sides, in plain words: our own rules carry a message key
 * ("validation.ice_format"), translated by the caller's dictionary; zod's generic checks (lengths, bounds,
 * types, formats) are worded here, never in zod's own text ("Trop petit : … doit avoir >=1 caractères", "NaN reçu").
 */
export type FieldProblem = { path: string; message: string };

type Wording = {
  required: string;
  number: string;
  wholeNumber: string;
  text: string;
  choice: string;
  yesNo: string;
  list: string;
  date: string;
  invalid: string;
  minLength: (n: string) => string;
  maxLength: (n: string) => string;
  exactLength: (n: string) => string;
  atLeast: (n: string) => string;
  moreThan: (n: string) => string;
  atMost: (n: string) => string;
  lessThan: (n: string) => string;
  minItems: (n: string) => string;
  maxItems: (n: string) => string;
  notBefore: (d: string) => string;
  notAfter: (d: string) => string;
  multipleOf: (n: string) => string;
  email: string;
  url: string;
  identifier: string;
  pattern: string;
  unknownField: (keys: string) => string;
};

const wording: Record<Locale, Wording> = {
  fr: {
    required: 'Obligatoire.',
    number: 'Saisissez un nombre.',
    wholeNumber: 'Saisissez un nombre entier.',
    text: 'Saisissez un texte.',
    choice: 'Choisissez l’une des valeurs proposées.',
    yesNo: 'Choisissez oui ou non.',
    list: 'Choisissez une ou plusieurs valeurs.',
    date: 'Saisissez une date valide (jj/mm/aaaa).',
    invalid: 'Valeur non valide.',
    minLength: (n) => (n === '1' ? 'Obligatoire.' : `Au moins ${n} caractères.`),
    maxLength: (n) => `${n} caractères au plus.`,
    exactLength: (n) => `Exactement ${n} caractères.`,
    atLeast: (n) => `La valeur doit être au moins ${n}.`,
    moreThan: (n) => `La valeur doit être supérieure à ${n}.`,
    atMost: (n) => `La valeur doit être au plus ${n}.`,
    lessThan: (n) => `La valeur doit être inférieure à ${n}.`,
    minItems: (n) => (n === '1' ? 'Choisissez au moins une valeur.' : `Choisissez au moins ${n} valeurs.`),
    maxItems: (n) => `${n} valeurs au plus.`,
    notBefore: (d) => `Pas avant le ${d}.`,
    notAfter: (d) => `Pas après le ${d}.`,
    multipleOf: (n) => `La valeur doit être un multiple de ${n}.`,
    email: 'Saisissez une adresse e-mail valide.',
    url: 'Saisissez une adresse web valide (https://…).',
    identifier: 'Identifiant non valide.',
    pattern: 'Le format n’est pas celui attendu.',
    unknownField: (keys) => `Champ non prévu : ${keys}.`,
  },
  ar: {
    required: 'حقل إلزامي.',
    number: 'أدخل عددا.',
    wholeNumber: 'أدخل عددا صحيحا.',
    text: 'أدخل نصا.',
    choice: 'اختر إحدى القيم المقترحة.',
    yesNo: 'اختر نعم أو لا.',
    list: 'اختر قيمة أو أكثر.',
    date: 'أدخل تاريخا صحيحا (يوم/شهر/سنة).',
    invalid: 'قيمة غير صالحة.',
    minLength: (n) => (n === '1' ? 'حقل إلزامي.' : `${n} أحرف على الأقل.`),
    maxLength: (n) => `${n} حرفا على الأكثر.`,
    exactLength: (n) => `${n} أحرف بالضبط.`,
    atLeast: (n) => `يجب ألا تقل القيمة عن ${n}.`,
    moreThan: (n) => `يجب أن تكون القيمة أكبر من ${n}.`,
    atMost: (n) => `يجب ألا تتجاوز القيمة ${n}.`,
    lessThan: (n) => `يجب أن تكون القيمة أصغر من ${n}.`,
    minItems: (n) => (n === '1' ? 'اختر قيمة واحدة على الأقل.' : `اختر ${n} قيم على الأقل.`),
    maxItems: (n) => `${n} قيم على الأكثر.`,
    notBefore: (d) => `ليس قبل ${d}.`,
    notAfter: (d) => `ليس بعد ${d}.`,
    multipleOf: (n) => `يجب أن تكون القيمة من مضاعفات ${n}.`,
    email: 'أدخل عنوان بريد إلكتروني صالحا.',
    url: 'أدخل عنوان موقع صالحا (https://…).',
    identifier: 'معرّف غير صالح.',
    pattern: 'الصيغة غير مطابقة لما هو منتظر.',
    unknownField: (keys) => `حقل غير متوقع: ${keys}.`,
  },
  en: {
    required: 'Required.',
    number: 'Enter a number.',
    wholeNumber: 'Enter a whole number.',
    text: 'Enter a text.',
    choice: 'Choose one of the values offered.',
    yesNo: 'Choose yes or no.',
    list: 'Choose one or more values.',
    date: 'Enter a valid date (dd/mm/yyyy).',
    invalid: 'This value is not valid.',
    minLength: (n) => (n === '1' ? 'Required.' : `At least ${n} characters.`),
    maxLength: (n) => `At most ${n} characters.`,
    exactLength: (n) => `Exactly ${n} characters.`,
    atLeast: (n) => `The value must be at least ${n}.`,
    moreThan: (n) => `The value must be more than ${n}.`,
    atMost: (n) => `The value must be at most ${n}.`,
    lessThan: (n) => `The value must be less than ${n}.`,
    minItems: (n) => (n === '1' ? 'Choose at least one value.' : `Choose at least ${n} values.`),
    maxItems: (n) => `At most ${n} values.`,
    notBefore: (d) => `Not before ${d}.`,
    notAfter: (d) => `Not after ${d}.`,
    multipleOf: (n) => `The value must be a multiple of ${n}.`,
    email: 'Enter a valid e-mail address.',
    url: 'Enter a valid web address (https://…).',
    identifier: 'This identifier is not valid.',
    pattern: 'This is not in the expected format.',
    unknownField: (keys) => `Unexpected field: ${keys}.`,
  },
};

export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  translate: (key: string) => string | undefined,
): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: describeIssue(issue, locale, translate) }));
}

export function describeIssue(issue: z.core.$ZodIssue, locale: Locale, translate: (key: string) => string | undefined): string {
  if (issue.message?.startsWith('validation.')) {
    return translate(issue.message) ?? wording[locale].invalid;
  }
  return plainWording(issue, locale);
}

function plainWording(issue: z.core.$ZodIssue, locale: Locale): string {
  const say = wording[locale];
  // A missing field reads better as "required" than as "expected string, received undefined".
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') return say.required;
  const number = (value: number | bigint) => formatNumber(Number(value), locale);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === null || input === '') return say.required;
      if (issue.expected === 'number' || issue.expected === 'bigint') return say.number;
      if (issue.expected === 'int') return say.wholeNumber;
      if (issue.expected === 'string') return say.text;
      if (issue.expected === 'boolean') return say.yesNo;
      if (issue.expected === 'array') return say.list;
      if (issue.expected === 'date') return say.date;
      return say.invalid;
    }
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string') return issue.exact ? say.exactLength(number(n as number)) : say.minLength(number(n as number));
      if (issue.origin === 'array' || issue.origin === 'set') return say.minItems(number(n as number));
      if (issue.origin === 'date') return say.notBefore(dateText(n, locale));
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? say.moreThan(number(n)) : say.atLeast(number(n));
      return say.invalid;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return issue.exact ? say.exactLength(number(n as number)) : say.maxLength(number(n as number));
      if (issue.origin === 'array' || issue.origin === 'set') return say.maxItems(number(n as number));
      if (issue.origin === 'date') return say.notAfter(dateText(n, locale));
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? say.lessThan(number(n)) : say.atMost(number(n));
      return say.invalid;
    }
    case 'invalid_format': {
      if (issue.format === 'email') return say.email;
      if (issue.format === 'url') return say.url;
      if (['uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid'].includes(issue.format)) return say.identifier;
      if (['date', 'datetime', 'time', 'duration'].includes(issue.format)) return say.date;
      return say.pattern;
    }
    case 'invalid_value':
      return say.choice;
    case 'not_multiple_of':
      return say.multipleOf(number(issue.divisor));
    case 'unrecognized_keys':
      return say.unknownField(issue.keys.join(', '));
    default:
      return say.invalid;
  }
}

function dateText(value: number | bigint, locale: Locale): string {
  const date = new Date(Number(value));
  return new Intl.DateTimeFormat(`${locale}-MA`, { timeZone: 'UTC', numberingSystem: 'latn', dateStyle: 'short' }).format(date);
}
