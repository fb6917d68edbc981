import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { type buildCall, factoryQuestions } from '../../../test/admission-factories.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import {
  attachFile,
  buildApplicant,
  buildApplicationUnderReview,
  buildCommittee,
  buildReviewedCall,
  put,
} from '../../../test/review-factories.js';
import { evaluationScores, evaluations, reviewAssignments } from '../schema.js';

let t: TestContext;
type Person = { id: string; email: string; cookie: string };
let members: Person[];
let officer: Person;
let admin: Person;

const deckQuestion = { id: 'deck', kind: 'file' as const, label: { fr: 'Présentation', ar: 'العرض', en: 'Pitch deck' }, required: false };

beforeAll(async () => {
  t = await createTestContext();
  members = await buildCommittee(t.app, t.database.db, 3);
  officer = await signedIn(t.app, t.database.db, 'program_officer');
  admin = await signedIn(t.app, t.database.db, 'network_admin');
});
afterAll(() => t.close());

/** A call of the three members with one application under review assigned to all of them. */
async function reviewCase(overrides: Parameters<typeof buildCall>[1] = {}) {
  const call = await buildReviewedCall(
    t.database.db,
    members.map((member) => member.id),
    { questions: [...factoryQuestions, deckQuestion], ...overrides },
  );
  const [team, innovation] = call.criteria;
  const application = await buildApplicationUnderReview(
    t.database.db,
    call.id,
    members.map((member) => member.id),
  );
  return { call, team, innovation, application };
}

const as = (person: { cookie: string }, locale = 'fr') => client(t.app, person.cookie, locale);

function scoresBody(team: { id: string }, innovation: { id: string }, teamScore: number, innovationScore: number, comment = '') {
  return {
    scores: [
      { criterionId: team.id, score: teamScore, comment: `team ${comment}` },
      { criterionId: innovation.id, score: innovationScore, comment: `innovation ${comment}` },
    ],
    comment,
  };
}

async function evaluationCount(applicationId: string, memberUserId?: string) {
  const [{ value }] = await t.database.db
    .select({ value: count() })
    .from(evaluations)
    .where(
      memberUserId
        ? and(eq(evaluations.applicationId, applicationId), eq(evaluations.memberUserId, memberUserId))
        : eq(evaluations.applicationId, applicationId),
    );
  return Number(value);
}

async function scoreRowCount() {
  const [{ value }] = await t.database.db.select({ value: count() }).from(evaluationScores);
  return Number(value);
}

describe('a committee member', () => {
  it('lists only the applications assigned to them, across calls, with where they stand', async () => {
    const first = await reviewCase();
    const second = await reviewCase();
    const notMine = await buildApplicationUnderReview(t.database.db, second.call.id, [members[1].id]);
    await as(members[0]).post(`/api/v1/reviews/${second.application.id}/evaluation`, scoresBody(second.team, second.innovation, 3, 3));

    const list = await as(members[0]).get('/api/v1/reviews?pageSize=100');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((item: { applicationId: string }) => item.applicationId);
    expect(ids).toContain(first.application.id);
    expect(ids).toContain(second.application.id);
    expect(ids).not.toContain(notMine.id);
    const scored = list.json().items.find((item: { applicationId: string }) => item.applicationId === second.application.id);
    expect(scored).toMatchObject({
      myStatus: 'scored',
      reference: second.application.reference,
      companyName: second.application.companyName,
    });
    expect(scored.scoredAt).not.toBeNull();

    const toScore = await as(members[0]).get(`/api/v1/reviews?myStatus=to_score&callId=${first.call.id}`);
    expect(toScore.json().items.map((item: { applicationId: string }) => item.applicationId)).toEqual([first.application.id]);

    const csv = await as(members[0], 'en').get(`/api/v1/reviews/export?format=csv&callId=${second.call.id}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Reference,Call,Company,Application status,My review,Assigned,Scored');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([second.application.reference]);
    expect(lines[1]).toContain('scored');
  });

  it('reads an assigned file with its answers in their language, its files and the grid, but no other member’s scores', async () => {
    const { application, team, innovation } = await reviewCase();
    const file = await attachFile(t.database.db, application.id, 'deck');
    await as(members[1]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 1, 'SECRET-OF-MEMBER-1'));

    const response = await as(members[0], 'ar').get(`/api/v1/reviews/${application.id}`);
    expect(response.statusCode).toBe(200);
    const review = response.json();
    expect(review).toMatchObject({
      myStatus: 'to_score',
      canScore: true,
      myEvaluation: null,
      conflict: null,
      call: { scoreMin: 0, scoreMax: 5 },
    });
    expect(review.criteria.map((criterion: { weight: number }) => criterion.weight)).toEqual([2, 1]);
    expect(review.answers.find((answer: { questionId: string }) => answer.questionId === 'funding').text).toBe('منحة');
    expect(review.answers.find((answer: { questionId: string }) => answer.questionId === 'team_size').text).toBe('4');
    expect(review.answers.find((answer: { questionId: string }) => answer.questionId === 'deck').files).toEqual([
      { id: file.id, name: 'pitch-deck.pdf', mediaType: 'application/pdf', size: file.size },
    ]);
    expect(response.body).not.toContain('SECRET-OF-MEMBER-1');
    for (const key of ['aggregate', 'members', 'score', 'spread', 'rank']) expect(review).not.toHaveProperty(key);
    // The applicant's contact details are not the committee's business.
    expect(response.body).not.toContain(application.contactEmail);
  });

  it('answers "not found" for an application not assigned to them, and its files', async () => {
    const { call } = await reviewCase();
    const other = await buildApplicationUnderReview(t.database.db, call.id, [members[1].id]);
    const file = await attachFile(t.database.db, other.id);
    expect((await as(members[0]).get(`/api/v1/reviews/${other.id}`)).statusCode).toBe(404);
    expect((await as(members[0]).get(`/api/v1/reviews/${other.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await as(members[0]).post(`/api/v1/reviews/${other.id}/conflict`, { reason: 'x' })).statusCode).toBe(404);
    const before = await evaluationCount(other.id);
    expect(
      (await as(members[0]).post(`/api/v1/reviews/${other.id}/evaluation`, scoresBody(call.criteria[0], call.criteria[1], 1, 1)))
        .statusCode,
    ).toBe(404);
    expect(await evaluationCount(other.id)).toBe(before);
  });

  it('downloads a file of an assigned application, never one of another application', async () => {
    const { application } = await reviewCase();
    const other = await reviewCase();
    const file = await attachFile(t.database.db, application.id);
    const otherFile = await attachFile(t.database.db, other.application.id);
    const download = await as(members[0]).get(`/api/v1/reviews/${application.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body.startsWith('%PDF-')).toBe(true);
    // Assigned to both, but the file is asked through the wrong application.
    expect((await as(members[0]).get(`/api/v1/reviews/${application.id}/files/${otherFile.id}`)).statusCode).toBe(404);
  });
});

describe('scoring', () => {
  it('records every criterion on the scale, with the weighted score and an audit record', async () => {
    const { application, team, innovation } = await reviewCase();
    const response = await as(members[0]).post(
      `/api/v1/reviews/${application.id}/evaluation`,
      scoresBody(team, innovation, 4, 1, 'solid team'),
    );
    expect(response.statusCode).toBe(201);
    // (2·4 + 1·1) / 3
    expect(response.json().myEvaluation).toMatchObject({ weightedScore: 3, comment: 'solid team' });
    expect(response.json().myEvaluation.scores).toEqual([
      { criterionId: team.id, score: 4, comment: 'team solid team' },
      { criterionId: innovation.id, score: 1, comment: 'innovation solid team' },
    ]);
    expect(response.json()).toMatchObject({ myStatus: 'scored', canScore: false });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.evaluate'), eq(auditLog.entityId, application.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a second evaluation by the same member with 409, and writes nothing', async () => {
    const { application, team, innovation } = await reviewCase();
    expect((await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 2, 2))).statusCode).toBe(
      201,
    );
    const rows = await scoreRowCount();
    const second = await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('already_scored');
    expect(await evaluationCount(application.id, members[0].id)).toBe(1);
    expect(await scoreRowCount()).toBe(rows);
    expect((await as(members[0]).get(`/api/v1/reviews/${application.id}`)).json().myEvaluation.weightedScore).toBe(2);
  });

  it('refuses a score outside the scale with the field path in the reader’s language, and writes nothing', async () => {
    const { application, team, innovation } = await reviewCase({ scoreMin: 1, scoreMax: 10 });
    const rows = await scoreRowCount();
    const response = await as(members[0], 'ar').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 7, 11));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'scores.1.score', message: 'أدخل عدداً صحيحاً من 1 إلى 10.' }]);
    const low = await as(members[0], 'fr').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 0, 5));
    expect(low.json().error.details).toEqual([{ path: 'scores.0.score', message: 'Indiquez un nombre entier de 1 à 10.' }]);
    const decimal = await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 2.5, 5));
    expect(decimal.statusCode).toBe(400);
    expect(decimal.json().error.details[0].path).toBe('scores.0.score');
    expect(await evaluationCount(application.id)).toBe(0);
    expect(await scoreRowCount()).toBe(rows);
  });

  it('asks for every criterion of the grid exactly once', async () => {
    const { application, team, innovation } = await reviewCase();
    const other = await reviewCase();
    const missing = await as(members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [{ criterionId: team.id, score: 3 }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'scores', message: 'Score every criterion of the grid (1 missing).' }]);
    const twice = await as(members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [
        { criterionId: team.id, score: 3 },
        { criterionId: team.id, score: 4 },
        { criterionId: innovation.id, score: 4 },
      ],
    });
    expect(twice.json().error.details).toEqual([{ path: 'scores.1.criterionId', message: 'This criterion is scored twice.' }]);
    const foreign = await as(members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [
        { criterionId: team.id, score: 3 },
        { criterionId: innovation.id, score: 4 },
        { criterionId: other.team.id, score: 4 },
      ],
    });
    expect(foreign.json().error.details).toEqual([{ path: 'scores.2.criterionId', message: "This criterion is not in the call's grid." }]);
    expect(await evaluationCount(application.id)).toBe(0);
  });

  it('keeps both scores when two members score at the same moment', async () => {
    const { application, team, innovation } = await reviewCase();
    const [first, second] = await Promise.all([
      as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 2)),
      as(members[1]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 1, 4)),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(await evaluationCount(application.id)).toBe(2);
    const review = (await as(officer).get(`/api/v1/applications/${application.id}/review`)).json();
    // Members: (10+2)/3 = 4 and (2+4)/3 = 2.
    expect(review.aggregate).toMatchObject({ score: 3, spread: 2, flagged: true });
  });

  it('lets exactly one of two simultaneous evaluations by the same member through', async () => {
    const { application, team, innovation } = await reviewCase();
    const responses = await Promise.all([
      as(members[2]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5)),
      as(members[2]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 1, 1)),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(await evaluationCount(application.id, members[2].id)).toBe(1);
  });
});

describe('conflicts of interest', () => {
  it('bars scoring once declared: 403, nothing written, and the member sees they declared it', async () => {
    const { application, team, innovation } = await reviewCase();
    const empty = await as(members[0], 'en').post(`/api/v1/reviews/${application.id}/conflict`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('reason');

    const declared = await as(members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Ancien associé du fondateur' });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({ myStatus: 'conflict', canScore: false, conflict: { reason: 'Ancien associé du fondateur' } });

    const rows = await scoreRowCount();
    const score = await as(members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    expect(score.statusCode).toBe(403);
    expect(score.json().error).toMatchObject({
      code: 'conflict_of_interest',
      message: 'You declared a conflict of interest for this application.',
    });
    expect(await evaluationCount(application.id)).toBe(0);
    expect(await scoreRowCount()).toBe(rows);
    // The file stays readable; scores of others never were.
    expect((await as(members[0]).get(`/api/v1/reviews/${application.id}`)).statusCode).toBe(200);
  });

  it('a member with a conflict sees no scores of that file, even once others scored', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Client de la société' });
    await as(members[1]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 4, 4, 'HIDDEN-FROM-CONFLICTED'));
    const view = await as(members[0]).get(`/api/v1/reviews/${application.id}`);
    expect(view.json().myEvaluation).toBeNull();
    expect(view.body).not.toContain('HIDDEN-FROM-CONFLICTED');
    expect(view.body).not.toMatch(/"(score|weightedScore|aggregate)"/);
    // Nor through the officers' routes.
    expect((await as(members[0]).get(`/api/v1/applications/${application.id}/review`)).statusCode).toBe(403);
    expect((await as(members[0]).get(`/api/v1/calls/${application.callId}/ranking`)).statusCode).toBe(403);
  });

  it('cannot be declared after scoring, nor twice', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    const late = await as(members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Oubli' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('already_scored');
    const [assignment] = await t.database.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.applicationId, application.id), eq(reviewAssignments.memberUserId, members[0].id)));
    expect(assignment.conflictDeclaredAt).toBeNull();

    await as(members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Cousin' });
    expect((await as(members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Cousin' })).statusCode).toBe(403);
  });

  it('and a score sent at the same moment: exactly one passes', async () => {
    for (let round = 0; round < 3; round++) {
      const { application, team, innovation } = await reviewCase();
      const [conflict, score] = await Promise.all([
        as(members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Associé' }),
        as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3)),
      ]);
      const passed = [conflict.statusCode === 200, score.statusCode === 201];
      expect(passed.filter(Boolean)).toHaveLength(1);
      if (passed[0]) expect(score.statusCode).toBe(403);
      else expect(conflict.statusCode).toBe(409);
      const [assignment] = await t.database.db
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.applicationId, application.id), eq(reviewAssignments.memberUserId, members[0].id)));
      expect(assignment.conflictDeclaredAt !== null).toBe(passed[0]);
      expect(await evaluationCount(application.id)).toBe(passed[1] ? 1 : 0);
    }
  });
});

describe('after a decision', () => {
  it('nobody scores nor declares a conflict any more', async () => {
    const { application, team, innovation } = await reviewCase();
    expect(
      (await as(officer).post(`/api/v1/applications/${application.id}/decision`, { decision: 'rejected', reason: 'Hors périmètre' }))
        .statusCode,
    ).toBe(200);
    const score = await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    expect(score.statusCode).toBe(409);
    expect(score.json().error.code).toBe('not_editable');
    expect((await as(members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'x' })).statusCode).toBe(409);
    expect((await as(members[0]).get(`/api/v1/reviews/${application.id}`)).json()).toMatchObject({
      applicationStatus: 'rejected',
      canScore: false,
    });
  });
});

describe('officers', () => {
  it('see every member’s scores and comments, conflicts with reasons, and the aggregate', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 2, 'strong'));
    await as(members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Frère du fondateur' });
    const response = await as(officer).get(`/api/v1/applications/${application.id}/review`);
    expect(response.statusCode).toBe(200);
    const review = response.json();
    const byMember = new Map(review.members.map((member: { userId: string }) => [member.userId, member]));
    expect(byMember.get(members[0].id)).toMatchObject({ status: 'scored', evaluation: { weightedScore: 4, comment: 'strong' } });
    expect(byMember.get(members[1].id)).toMatchObject({ status: 'conflict', conflict: { reason: 'Frère du fondateur' }, evaluation: null });
    expect(byMember.get(members[2].id)).toMatchObject({ status: 'to_score', evaluation: null });
    expect(review.aggregate).toMatchObject({ score: 4, spread: 0, flagged: false, rank: 1 });
    expect(review.aggregate.criterionMeans).toEqual([
      { criterionId: team.id, mean: 5 },
      { criterionId: innovation.id, mean: 2 },
    ]);
    expect(review.committee).toHaveLength(3);
    expect(review.allowedDecisions).toEqual(['admitted', 'waitlisted', 'rejected']);
  });

  it('rank a call: score descending, ties share a rank and go by reference, unscored last; spread flagged above the threshold; export', async () => {
    const call = await buildReviewedCall(
      t.database.db,
      members.map((member) => member.id),
      { spreadThreshold: 1.5 },
    );
    const [team, innovation] = call.criteria;
    const ids = members.map((member) => member.id);
    const apps: Awaited<ReturnType<typeof buildApplicationUnderReview>>[] = [];
    for (let index = 0; index < 4; index++) apps.push(await buildApplicationUnderReview(t.database.db, call.id, ids));
    const score = (member: Person, app: { id: string }, a: number, b: number) =>
      as(member).post(`/api/v1/reviews/${app.id}/evaluation`, scoresBody(team, innovation, a, b));
    // apps[0]: 4 and 4 → 4. apps[1]: 5/5 → 5 and 1/1 → 1: mean 3, spread 4 (flagged). apps[2]: 3 → 3 (tie with apps[1]). apps[3]: nobody.
    await score(members[0], apps[0], 4, 4);
    await score(members[1], apps[0], 4, 4);
    await score(members[0], apps[1], 5, 5);
    await score(members[1], apps[1], 1, 1);
    await score(members[2], apps[2], 3, 3);
    // Another call's file never shows.
    await reviewCase();

    const ranking = await as(officer).get(`/api/v1/calls/${call.id}/ranking`);
    expect(ranking.statusCode).toBe(200);
    const items = ranking.json().items;
    const tie = [apps[1], apps[2]].sort((a, b) => a.reference.localeCompare(b.reference));
    expect(items.map((item: { applicationId: string; rank: number | null }) => [item.applicationId, item.rank])).toEqual([
      [apps[0].id, 1],
      [tie[0].id, 2],
      [tie[1].id, 2],
      [apps[3].id, null],
    ]);
    const split = items.find((item: { applicationId: string }) => item.applicationId === apps[1].id);
    expect(split).toMatchObject({ score: 3, spread: 4, flagged: true, assignedCount: 3, scoredCount: 2, conflictCount: 0 });
    expect(items.find((item: { applicationId: string }) => item.applicationId === apps[0].id)).toMatchObject({ flagged: false, spread: 0 });
    expect(ranking.json().call).toMatchObject({ canDecide: true, spreadThreshold: 1.5 });

    const flagged = await as(officer).get(`/api/v1/calls/${call.id}/ranking?flagged=true`);
    expect(flagged.json().items.map((item: { applicationId: string }) => item.applicationId)).toEqual([apps[1].id]);

    const csv = await as(officer, 'en').get(`/api/v1/calls/${call.id}/ranking/export?format=csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Rank,Reference,Company,Application status,Score,Team (×2),Innovation (×1),Spread,Large spread,Members assigned,Members who scored,Conflicts of interest,Decision',
    );
    expect(lines[1].split(',').slice(0, 2)).toEqual(['1', apps[0].reference]);
    expect(lines[4].split(',')[0]).toBe('');
  });

  it('set the assignments within the call’s committee and never remove a member who scored', async () => {
    const { application, team, innovation, call } = await reviewCase();
    const outsider = await signedIn(t.app, t.database.db, 'committee_member');
    await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));

    const foreign = await put(
      t.app,
      officer.cookie,
      `/api/v1/applications/${application.id}/assignments`,
      { memberUserIds: [members[0].id, outsider.id] },
      'en',
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([
      { path: 'memberUserIds.1', message: "This person is not on the call's selection committee." },
    ]);
    const removingScorer = await put(t.app, officer.cookie, `/api/v1/applications/${application.id}/assignments`, {
      memberUserIds: [members[1].id],
    });
    expect(removingScorer.statusCode).toBe(400);
    expect(removingScorer.json().error.details[0].path).toBe('memberUserIds');
    expect((await as(officer).get(`/api/v1/applications/${application.id}/review`)).json().members).toHaveLength(3);

    const narrowed = await put(t.app, officer.cookie, `/api/v1/applications/${application.id}/assignments`, {
      memberUserIds: [members[0].id, members[1].id],
    });
    expect(narrowed.statusCode).toBe(200);
    expect(
      narrowed
        .json()
        .members.map((member: { userId: string }) => member.userId)
        .sort(),
    ).toEqual([members[0].id, members[1].id].sort());
    expect((await as(members[2]).get(`/api/v1/reviews/${application.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.assign'), eq(auditLog.entityId, application.id)));
    expect(audit).toHaveLength(1);

    // The applicant, even if on the committee, never reviews their own file.
    const applicantMember = await signedIn(t.app, t.database.db, 'committee_member');
    const own = await buildApplicationUnderReview(t.database.db, call.id, [], { applicantUserId: applicantMember.id });
    const call2 = await buildReviewedCall(t.database.db, [applicantMember.id]);
    const ownInCall = await buildApplicationUnderReview(t.database.db, call2.id, [], { applicantUserId: applicantMember.id });
    const refused = await put(t.app, officer.cookie, `/api/v1/applications/${ownInCall.id}/assignments`, {
      memberUserIds: [applicantMember.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('memberUserIds.0');
    expect(own.applicantUserId).toBe(applicantMember.id);
  });

  it('record deliberation minutes and list them, latest first', async () => {
    const { call } = await reviewCase();
    const first = await as(officer).post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2026-01-10',
      attendees: ['Amina Benali', 'Youssef Alaoui'],
      minutes: 'Dossiers 1 à 4 examinés ; 2026-0002 à rediscuter (écart).',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ heldOn: '2026-01-10', attendees: ['Amina Benali', 'Youssef Alaoui'] });
    await as(admin).post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2026-02-01',
      attendees: ['Amina Benali'],
      minutes: 'Décisions finales.',
    });
    const list = await as(officer).get(`/api/v1/calls/${call.id}/deliberations`);
    expect(list.json().items.map((item: { heldOn: string }) => item.heldOn)).toEqual(['2026-02-01', '2026-01-10']);
    const bad = await as(officer, 'en').post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2999-01-01',
      attendees: [],
      minutes: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((detail: { path: string }) => detail.path)
        .sort(),
    ).toEqual(['attendees', 'minutes']);
    const future = await as(officer, 'en').post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2999-01-01',
      attendees: ['A'],
      minutes: 'x',
    });
    expect(future.json().error.details).toEqual([{ path: 'heldOn', message: 'This date is in the future.' }]);
  });
});

describe('who may call what', () => {
  it('keeps applicants, company people, partners and strangers out of the committee’s routes', async () => {
    const { application, call, team, innovation } = await reviewCase();
    await as(members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 4, 4, 'NEVER-FOR-APPLICANT'));
    const applicant = await buildApplicant(t.app, t.database.db, application.id);
    const companyAdmin = await signedIn(t.app, t.database.db, 'company_admin', [(await buildCompany(t.database.db)).id]);
    const partner = await signedIn(t.app, t.database.db, 'partner_staff', [null]);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/reviews'],
      ['GET', '/api/v1/reviews/export'],
      ['GET', `/api/v1/reviews/${application.id}`],
      ['POST', `/api/v1/reviews/${application.id}/conflict`, { reason: 'x' }],
      ['POST', `/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5)],
      ['GET', `/api/v1/calls/${call.id}/ranking`],
      ['GET', `/api/v1/calls/${call.id}/ranking/export`],
      ['GET', `/api/v1/calls/${call.id}/deliberations`],
      ['POST', `/api/v1/calls/${call.id}/deliberations`, { heldOn: '2026-01-01', attendees: ['x'], minutes: 'x' }],
      ['GET', `/api/v1/applications/${application.id}/review`],
      ['PUT', `/api/v1/applications/${application.id}/assignments`, { memberUserIds: [] }],
      ['POST', `/api/v1/applications/${application.id}/decision`, { decision: 'admitted' }],
    ];
    for (const [method, url, payload] of routes) {
      const send = (cookie?: string) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: { origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
          ...(payload ? { payload: payload as Record<string, unknown> } : {}),
        });
      expect((await send()).statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const person of [applicant, companyAdmin, partner]) {
        const response = await send(person.cookie);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.body).not.toContain('NEVER-FOR-APPLICANT');
      }
    }
    expect(await evaluationCount(application.id)).toBe(1);
  });

  it('lets park managers read the ranking of their park’s calls only, and decide nothing', async () => {
    const casablanca = await buildPark(t.database.db);
    const rabat = await buildPark(t.database.db);
    const manager = await signedIn(t.app, t.database.db, 'park_manager', [casablanca.id]);
    const own = await reviewCase({ parkId: casablanca.id, kind: 'residency' });
    const elsewhere = await reviewCase({ parkId: rabat.id, kind: 'residency' });
    const network = await reviewCase();

    const ranking = await as(manager).get(`/api/v1/calls/${own.call.id}/ranking`);
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json().call.canDecide).toBe(false);
    const review = await as(manager).get(`/api/v1/applications/${own.application.id}/review`);
    expect(review.statusCode).toBe(200);
    expect(review.json().allowedDecisions).toEqual([]);
    expect((await as(manager).get(`/api/v1/calls/${own.call.id}/deliberations`)).statusCode).toBe(200);
    expect((await as(manager).post(`/api/v1/applications/${own.application.id}/decision`, { decision: 'admitted' })).statusCode).toBe(403);
    expect(
      (await put(t.app, manager.cookie, `/api/v1/applications/${own.application.id}/assignments`, { memberUserIds: [] })).statusCode,
    ).toBe(403);
    expect(
      (await as(manager).post(`/api/v1/calls/${own.call.id}/deliberations`, { heldOn: '2026-01-01', attendees: ['x'], minutes: 'x' }))
        .statusCode,
    ).toBe(403);

    for (const other of [elsewhere, network]) {
      expect((await as(manager).get(`/api/v1/calls/${other.call.id}/ranking`)).statusCode).toBe(404);
      expect((await as(manager).get(`/api/v1/applications/${other.application.id}/review`)).statusCode).toBe(404);
    }
    // Committee members read no ranking at all.
    expect((await as(members[0]).get(`/api/v1/calls/${own.call.id}/ranking`)).statusCode).toBe(403);
  });
});

describe('the applicant', () => {
  it('sees their status and decision where applicants look, never a score', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(members[0]).post(
      `/api/v1/reviews/${application.id}/evaluation`,
      scoresBody(team, innovation, 2, 2, 'APPLICANT-MUST-NOT-READ'),
    );
    const applicant = await buildApplicant(t.app, t.database.db, application.id);
    await as(officer).post(`/api/v1/applications/${application.id}/decision`, { decision: 'waitlisted', reason: 'Places limitées' });
    // Every GET route of the API an applicant can reach with their session, found in the OpenAPI description.
    const spec = (await client(t.app).get('/api/openapi.json')).json();
    const reachable: string[] = [];
    for (const path of Object.keys(spec.paths)) {
      if (!spec.paths[path].get || /\{(?!applicationId|id\b)/.test(path.replace(/^\/api\/v1/, ''))) continue;
      const url = path.replace('{applicationId}', application.id).replace('{id}', application.id);
      const response = await as(applicant).get(url);
      if (response.statusCode === 200) reachable.push(path);
      expect(response.body, path).not.toContain('APPLICANT-MUST-NOT-READ');
      expect(response.body, path).not.toMatch(/"(weightedScore|criterionMeans|spread)"/);
    }
    expect(reachable).toContain('/api/v1/my/applications');
    const mine = (await as(applicant).get('/api/v1/my/applications')).json();
    expect(mine.items.find((item: { id: string }) => item.id === application.id)).toMatchObject({
      status: 'waitlisted',
      decision: 'waitlisted',
      decisionReason: 'Places limitées',
    });
  });
});
