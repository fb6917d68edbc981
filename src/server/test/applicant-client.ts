import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Question } from '../../contracts/admissions.js';
import { currentApplicationConsentVersion } from '../../shared/consent.js';
import type { Database } from '../db/database.js';
import type { App } from '../platform/http.js';
import { outboundEmails } from '../platform/mail/schema.js';
import { factoryQuestions } from './admission-factories.js';
import { origin } from './factories.js';

/** The applicant's browser: the draft's secret in x-draft-token, perhaps a session, in a language. */
export function applicantBrowser(app: App, { token, cookie, locale = 'fr' }: { token?: string; cookie?: string; locale?: string } = {}) {
  const send = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        origin,
        'accept-language': locale,
        ...(token ? { 'x-draft-token': token } : {}),
        ...(cookie ? { cookie } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown = {}) => send('POST', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

/** Every field a submission needs, and the answers `factoryQuestions` require. */
export const completeDraft = {
  contactName: 'Salma Bennani',
  contactEmail: 'salma@example.ma',
  contactPhone: '+212 661 00 00 00',
  companyName: 'Argan Data',
  sector: 'agritech',
  stage: 'startup',
  region: 'souss_massa',
  creationDate: '2024-05-10',
  answers: { pitch: 'Traçabilité de l’huile d’argan.', team_size: 5 },
};

/** The factory questions and a required file question. */
export const questionsWithFile: Question[] = [
  ...factoryQuestions,
  { id: 'business_plan', kind: 'file', label: { fr: "Plan d'affaires", ar: 'مخطط الأعمال' }, required: true },
];

/** A small valid PDF and an HTML page, base64 as uploads send them. */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
export const html = Buffer.from('<!doctype html><script>alert(1)</script>').toString('base64');

/** Starts a draft through the API as a visitor (or a signed-in person): its id, its secret and the answer. */
export async function startDraftAs(
  app: App,
  slug: string,
  { locale = 'fr', cookie, body = completeDraft }: { locale?: string; cookie?: string; body?: unknown } = {},
) {
  const response = await applicantBrowser(app, { cookie, locale }).post(`/public/calls/${slug}/applications`, body);
  expect(response.statusCode, response.body).toBe(201);
  const { application, draftToken } = response.json();
  return { id: application.id as string, token: draftToken as string, application };
}

/** The password of every applicant account these tests create. */
export const applicantPassword = 'argan-oil-2026';
export const newAccount = (email: string) => ({
  consent: true,
  consentVersion: currentApplicationConsentVersion,
  account: { name: 'Salma Bennani', email, password: applicantPassword },
});
export const uniqueEmail = () => `applicant-${Math.random().toString(36).slice(2, 10)}@example.ma`;

/** The e-mails sent to an address (the outbox). */
export async function outboxTo(db: Database, address: string) {
  return db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, address));
}
