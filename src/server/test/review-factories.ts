import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/database.js';
import {
  applicationFiles,
  applications,
  evaluationScores,
  evaluations,
  reviewAssignments,
  waitingListEntries,
} from '../modules/admissions/schema.js';
import { Actor } from '../platform/access.js';
import { storeFile } from '../platform/files/service.js';
import type { App } from '../platform/http.js';
import { buildApplication, buildCall, factoryQuestions } from './admission-factories.js';
import { buildPerson, client, origin, signedIn, signIn } from './factories.js';
import { createTestContext, type TestContext } from './harness.js';

/** Committee members, each signed in (role committee_member). */
export async function buildCommittee(app: App, db: Database, size: number) {
  return Promise.all(Array.from({ length: size }, () => signedIn(app, db, 'committee_member')));
}

/** A call (see `buildCall`: team ×2, innovation ×1, scale 0–5) whose committee is the given members. */
export async function buildReviewedCall(db: Database, committeeUserIds: string[], overrides: Parameters<typeof buildCall>[1] = {}) {
  return buildCall(db, { committeeUserIds, ...overrides });
}

/**
 * An application under committee review, assigned to the given members, as the eligibility decision
 * leaves it (one assignment per member).
 */
export async function buildApplicationUnderReview(
  db: Database,
  callId: string,
  memberUserIds: string[],
  overrides: Parameters<typeof buildApplication>[2] = {},
) {
  const application = await buildApplication(db, callId, { status: 'under_review', eligibilityCheckedAt: new Date(), ...overrides });
  if (memberUserIds.length) {
    await db.insert(reviewAssignments).values(memberUserIds.map((memberUserId) => ({ applicationId: application.id, memberUserId })));
  }
  return application;
}

/** The person who submitted an application, with an account and a session (no role: an applicant). */
export async function buildApplicant(app: App, db: Database, applicationId: string, locale: 'fr' | 'ar' | 'en' = 'fr') {
  const person = await buildPerson(db, { locale });
  await db
    .update(applications)
    .set({ applicantUserId: person.id, contactEmail: person.email, locale })
    .where(eq(applications.id, applicationId));
  return { ...person, cookie: await signIn(app, person.email) };
}

/** A PDF attached to an application's file question. */
export async function attachFile(db: Database, applicationId: string, questionId = 'deck') {
  const content = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  return db.transaction(async (tx) => {
    const file = await storeFile(tx, Actor.anonymous(), { name: 'pitch-deck.pdf', content, accept: 'document', path: 'file' });
    await tx.insert(applicationFiles).values({ applicationId, questionId, fileId: file.id });
    return file;
  });
}

/** A company's place on a park's waiting list, inserted directly. */
export async function buildWaitingEntry(db: Database, values: Omit<typeof waitingListEntries.$inferInsert, 'id'>) {
  const [entry] = await db.insert(waitingListEntries).values(values).returning();
  return entry;
}

/** A PUT with a session (the shared test client has no PUT). */
export function put(app: App, cookie: string | undefined, url: string, payload: unknown, locale = 'fr') {
  return app.inject({
    method: 'PUT',
    url,
    headers: { origin, 'accept-language': locale, ...(cookie ? { cookie } : {}) },
    payload: payload as Record<string, unknown>,
  });
}

/** A file question the review tests attach pitch decks to. */
export const deckQuestion = {
  id: 'deck',
  kind: 'file' as const,
  label: { fr: 'Présentation', ar: 'العرض', en: 'Pitch deck' },
  required: false,
};

/** A call of these members (the factory questions and a deck) with one application under review assigned to all of them. */
export async function buildReviewCase(db: Database, memberUserIds: string[], overrides: Parameters<typeof buildCall>[1] = {}) {
  const call = await buildReviewedCall(db, memberUserIds, { questions: [...factoryQuestions, deckQuestion], ...overrides });
  const [team, innovation] = call.criteria;
  const application = await buildApplicationUnderReview(db, call.id, memberUserIds);
  return { call, team, innovation, application };
}

/** An evaluation of the factory grid (team, innovation), each score with a comment. */
export function scoresBody(team: { id: string }, innovation: { id: string }, teamScore: number, innovationScore: number, comment = '') {
  return {
    scores: [
      { criterionId: team.id, score: teamScore, comment: `team ${comment}` },
      { criterionId: innovation.id, score: innovationScore, comment: `innovation ${comment}` },
    ],
    comment,
  };
}

/** How many evaluations an application has (by one member, when named). */
export async function evaluationCount(db: Database, applicationId: string, memberUserId?: string) {
  const [{ value }] = await db
    .select({ value: count() })
    .from(evaluations)
    .where(
      memberUserId
        ? and(eq(evaluations.applicationId, applicationId), eq(evaluations.memberUserId, memberUserId))
        : eq(evaluations.applicationId, applicationId),
    );
  return Number(value);
}

/** How many scores are stored, all applications together (a refused evaluation writes none). */
export async function scoreRowCount(db: Database) {
  const [{ value }] = await db.select({ value: count() }).from(evaluationScores);
  return Number(value);
}

type SignedInPerson = { id: string; email: string; cookie: string };
export type CommitteeFixture = { t: TestContext; members: SignedInPerson[]; officer: SignedInPerson; admin: SignedInPerson };

/**
 * The setting of a review test file: a fresh database with three signed-in committee members, a program officer
 * and a network admin (made before the file's tests, closed after), a review case of the three members
 * (`buildReviewCase`), and a client as any of them.
 */
export function committeeFixture() {
  const committee = {} as CommitteeFixture;
  beforeAll(async () => {
    committee.t = await createTestContext();
    const db = committee.t.database.db;
    committee.members = await buildCommittee(committee.t.app, db, 3);
    committee.officer = await signedIn(committee.t.app, db, 'program_officer');
    committee.admin = await signedIn(committee.t.app, db, 'network_admin');
  });
  afterAll(() => committee.t.close());
  return {
    committee,
    reviewCase: (overrides: Parameters<typeof buildCall>[1] = {}) =>
      buildReviewCase(
        committee.t.database.db,
        committee.members.map((member) => member.id),
        overrides,
      ),
    as: (person: { cookie: string }, locale = 'fr') => client(committee.t.app, person.cookie, locale),
  };
}
