import type { Locale } from './locales.js';

/**
 * The consent an applicant gives on submission (Law 09-08), by version. A text is never changed once used:
 * a new wording is a new version, so that what each person accepted can be shown word for word.
 */
export const applicationConsentTexts = {
  '2026-10': {
    fr: "J'accepte que mes données soient traitées pour la sélection de cet appel, conformément à la loi 09-08 (accès, rectification et opposition sur simple demande).",
    ar: 'أوافق على معالجة معطياتي لانتقاء هذا الإعلان، طبقا للقانون 09-08 (حق الولوج والتصحيح والتعرض بمجرد طلب).',
    en: 'I agree that my data is processed for the selection of this call, under Law 09-08 (access, rectification and opposition on request).',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ApplicationConsentVersion = keyof typeof applicationConsentTexts;

/** The version shown on the application form today. */
export const currentApplicationConsentVersion: ApplicationConsentVersion = '2026-10';

export function applicationConsentText(locale: Locale, version: ApplicationConsentVersion = currentApplicationConsentVersion): string {
  return applicationConsentTexts[version][locale];
}

export function isApplicationConsentVersion(value: string): value is ApplicationConsentVersion {
  return Object.hasOwn(applicationConsentTexts, value);
}

/** What is kept of a consent: which text, in which language, word for word, and when. */
export type GivenConsent = { version: string; locale: Locale; text: string; givenAt: string };
