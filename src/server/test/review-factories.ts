import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { applicationFiles, applications, reviewAssignments, waitingListEntries } from '../modules/admissions/schema.js';
import { Actor } from '../platform/access.js';
import { storeFile } from '../platform/files/service.js';
import type { App } from '../platform/http.js';
import { buildApplication, buildCall } from './admission-factories.js';
import { buildPerson, origin, signedIn, signIn } from './factories.js';

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
