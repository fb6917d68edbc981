import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { csvColumn } from '../../../test/csv.js';
import {
  attachFile,
  buildApplicationUnderReview,
  committeeFixture,
  evaluationCount as countEvaluations,
  scoreRowCount as countScoreRows,
  scoresBody,
} from '../../../test/review-factories.js';
import { reviewAssignments } from '../schema.js';

const { committee: c, reviewCase, as } = committeeFixture();
const evaluationCount = (applicationId: string, memberUserId?: string) => countEvaluations(c.t.database.db, applicationId, memberUserId);
const scoreRowCount = () => countScoreRows(c.t.database.db);

describe('a committee member', () => {
  it('lists only the applications assigned to them, across calls, with where they stand', async () => {
    const first = await reviewCase();
    const second = await reviewCase();
    const notMine = await buildApplicationUnderReview(c.t.database.db, second.call.id, [c.members[1].id]);
    await as(c.members[0]).post(`/api/v1/reviews/${second.application.id}/evaluation`, scoresBody(second.team, second.innovation, 3, 3));

    const list = await as(c.members[0]).get('/api/v1/reviews?pageSize=100');
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
    // Scored just now, after it was assigned.
    expect(Date.now() - Date.parse(scored.scoredAt)).toBeLessThan(60_000);
    expect(Date.parse(scored.scoredAt)).toBeGreaterThanOrEqual(Date.parse(scored.assignedAt));

    const toScore = await as(c.members[0]).get(`/api/v1/reviews?myStatus=to_score&callId=${first.call.id}`);
    expect(toScore.json().items.map((item: { applicationId: string }) => item.applicationId)).toEqual([first.application.id]);

    const csv = await as(c.members[0], 'en').get(`/api/v1/reviews/export?format=csv&callId=${second.call.id}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Reference,Call,Company,Application status,My review,Assigned (Morocco time),Scored (Morocco time)');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([second.application.reference]);
    expect(lines[1]).toContain('scored');

    // A filtered export has the list's rows, in its order.
    const query = 'myStatus=to_score&sort=reference&order=desc&pageSize=100';
    const page = (await as(c.members[0]).get(`/api/v1/reviews?${query}`)).json();
    expect(page.items.map((item: { applicationId: string }) => item.applicationId)).toContain(first.application.id);
    expect(page.items.map((item: { applicationId: string }) => item.applicationId)).not.toContain(second.application.id);
    const filtered = await as(c.members[0], 'en').get(`/api/v1/reviews/export?format=csv&${query}`);
    expect(csvColumn(filtered.body, 0)).toEqual(page.items.map((item: { reference: string }) => item.reference));
  });

  it('reads an assigned file with its answers in their language, its files and the grid, but no other member’s scores', async () => {
    const { application, team, innovation } = await reviewCase();
    const file = await attachFile(c.t.database.db, application.id, 'deck');
    await as(c.members[1]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 1, 'SECRET-OF-MEMBER-1'));

    const response = await as(c.members[0], 'ar').get(`/api/v1/reviews/${application.id}`);
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
    const other = await buildApplicationUnderReview(c.t.database.db, call.id, [c.members[1].id]);
    const file = await attachFile(c.t.database.db, other.id);
    expect((await as(c.members[0]).get(`/api/v1/reviews/${other.id}`)).statusCode).toBe(404);
    expect((await as(c.members[0]).get(`/api/v1/reviews/${other.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await as(c.members[0]).post(`/api/v1/reviews/${other.id}/conflict`, { reason: 'x' })).statusCode).toBe(404);
    const before = await evaluationCount(other.id);
    expect(
      (await as(c.members[0]).post(`/api/v1/reviews/${other.id}/evaluation`, scoresBody(call.criteria[0], call.criteria[1], 1, 1)))
        .statusCode,
    ).toBe(404);
    expect(await evaluationCount(other.id)).toBe(before);
  });

  it('downloads a file of an assigned application, never one of another application', async () => {
    const { application } = await reviewCase();
    const other = await reviewCase();
    const file = await attachFile(c.t.database.db, application.id);
    const otherFile = await attachFile(c.t.database.db, other.application.id);
    const download = await as(c.members[0]).get(`/api/v1/reviews/${application.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body.startsWith('%PDF-')).toBe(true);
    // Assigned to both, but the file is asked through the wrong application.
    expect((await as(c.members[0]).get(`/api/v1/reviews/${application.id}/files/${otherFile.id}`)).statusCode).toBe(404);
  });
});

describe('scoring', () => {
  it('records every criterion on the scale, with the weighted score and an audit record', async () => {
    const { application, team, innovation } = await reviewCase();
    const response = await as(c.members[0]).post(
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
    const audit = await c.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.evaluate'), eq(auditLog.entityId, application.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a second evaluation by the same member with 409, and writes nothing', async () => {
    const { application, team, innovation } = await reviewCase();
    expect(
      (await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 2, 2))).statusCode,
    ).toBe(201);
    const rows = await scoreRowCount();
    const second = await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('already_scored');
    expect(await evaluationCount(application.id, c.members[0].id)).toBe(1);
    expect(await scoreRowCount()).toBe(rows);
    expect((await as(c.members[0]).get(`/api/v1/reviews/${application.id}`)).json().myEvaluation.weightedScore).toBe(2);
  });

  it('refuses a score outside the scale with the field path in the reader’s language, and writes nothing', async () => {
    const { application, team, innovation } = await reviewCase({ scoreMin: 1, scoreMax: 10 });
    const rows = await scoreRowCount();
    const response = await as(c.members[0], 'ar').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 7, 11));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'scores.1.score', message: 'أدخل عدداً صحيحاً من 1 إلى 10.' }]);
    const low = await as(c.members[0], 'fr').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 0, 5));
    expect(low.json().error.details).toEqual([{ path: 'scores.0.score', message: 'Indiquez un nombre entier de 1 à 10.' }]);
    const decimal = await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 2.5, 5));
    expect(decimal.statusCode).toBe(400);
    expect(decimal.json().error.details[0].path).toBe('scores.0.score');
    expect(await evaluationCount(application.id)).toBe(0);
    expect(await scoreRowCount()).toBe(rows);
  });

  it('asks for every criterion of the grid exactly once', async () => {
    const { application, team, innovation } = await reviewCase();
    const other = await reviewCase();
    const missing = await as(c.members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [{ criterionId: team.id, score: 3 }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'scores', message: 'Score every criterion of the grid (1 missing).' }]);
    const twice = await as(c.members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [
        { criterionId: team.id, score: 3 },
        { criterionId: team.id, score: 4 },
        { criterionId: innovation.id, score: 4 },
      ],
    });
    expect(twice.json().error.details).toEqual([{ path: 'scores.1.criterionId', message: 'This criterion is scored twice.' }]);
    const foreign = await as(c.members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, {
      scores: [
        { criterionId: team.id, score: 3 },
        { criterionId: innovation.id, score: 4 },
        { criterionId: other.team.id, score: 4 },
      ],
    });
    expect(foreign.json().error.details).toEqual([{ path: 'scores.2.criterionId', message: "This criterion is not in the call's grid." }]);
    expect(await evaluationCount(application.id)).toBe(0);
  });

  it('keeps both scores when two c.members score at the same moment', async () => {
    const { application, team, innovation } = await reviewCase();
    const [first, second] = await Promise.all([
      as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 2)),
      as(c.members[1]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 1, 4)),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(await evaluationCount(application.id)).toBe(2);
    const review = (await as(c.officer).get(`/api/v1/applications/${application.id}/review`)).json();
    // Members: (10+2)/3 = 4 and (2+4)/3 = 2.
    expect(review.aggregate).toMatchObject({ score: 3, spread: 2, flagged: true });
  });

  it('lets exactly one of two simultaneous evaluations by the same member through', async () => {
    const { application, team, innovation } = await reviewCase();
    const responses = await Promise.all([
      as(c.members[2]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5)),
      as(c.members[2]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 1, 1)),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(await evaluationCount(application.id, c.members[2].id)).toBe(1);
  });
});

describe('conflicts of interest', () => {
  it('bars scoring once declared: 403, nothing written, and the member sees they declared it', async () => {
    const { application, team, innovation } = await reviewCase();
    const empty = await as(c.members[0], 'en').post(`/api/v1/reviews/${application.id}/conflict`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('reason');

    const declared = await as(c.members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Ancien associé du fondateur' });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({ myStatus: 'conflict', canScore: false, conflict: { reason: 'Ancien associé du fondateur' } });

    const rows = await scoreRowCount();
    const score = await as(c.members[0], 'en').post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    expect(score.statusCode).toBe(403);
    expect(score.json().error).toMatchObject({
      code: 'conflict_of_interest',
      message: 'You declared a conflict of interest for this application.',
    });
    expect(await evaluationCount(application.id)).toBe(0);
    expect(await scoreRowCount()).toBe(rows);
    // The file stays readable; scores of others never were.
    expect((await as(c.members[0]).get(`/api/v1/reviews/${application.id}`)).statusCode).toBe(200);
  });

  it('a member with a conflict sees no scores of that file, even once others scored', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Client de la société' });
    await as(c.members[1]).post(
      `/api/v1/reviews/${application.id}/evaluation`,
      scoresBody(team, innovation, 4, 4, 'HIDDEN-FROM-CONFLICTED'),
    );
    const view = await as(c.members[0]).get(`/api/v1/reviews/${application.id}`);
    expect(view.json().myEvaluation).toBeNull();
    expect(view.body).not.toContain('HIDDEN-FROM-CONFLICTED');
    expect(view.body).not.toMatch(/"(score|weightedScore|aggregate)"/);
    // Nor through the officers' routes.
    expect((await as(c.members[0]).get(`/api/v1/applications/${application.id}/review`)).statusCode).toBe(403);
    expect((await as(c.members[0]).get(`/api/v1/calls/${application.callId}/ranking`)).statusCode).toBe(403);
  });

  it('cannot be declared after scoring, nor twice', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    const late = await as(c.members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Oubli' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('already_scored');
    const [assignment] = await c.t.database.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.applicationId, application.id), eq(reviewAssignments.memberUserId, c.members[0].id)));
    expect(assignment.conflictDeclaredAt).toBeNull();

    await as(c.members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Cousin' });
    expect((await as(c.members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Cousin' })).statusCode).toBe(403);
  });

  it('and a score sent at the same moment: exactly one passes', async () => {
    for (let round = 0; round < 3; round++) {
      const { application, team, innovation } = await reviewCase();
      const [conflict, score] = await Promise.all([
        as(c.members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Associé' }),
        as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3)),
      ]);
      const passed = [conflict.statusCode === 200, score.statusCode === 201];
      expect(passed.filter(Boolean)).toHaveLength(1);
      if (passed[0]) expect(score.statusCode).toBe(403);
      else expect(conflict.statusCode).toBe(409);
      const [assignment] = await c.t.database.db
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.applicationId, application.id), eq(reviewAssignments.memberUserId, c.members[0].id)));
      expect(assignment.conflictDeclaredAt !== null).toBe(passed[0]);
      expect(await evaluationCount(application.id)).toBe(passed[1] ? 1 : 0);
    }
  });
});

describe('after a decision', () => {
  it('nobody scores nor declares a conflict any more', async () => {
    const { application, team, innovation } = await reviewCase();
    expect(
      (await as(c.officer).post(`/api/v1/applications/${application.id}/decision`, { decision: 'rejected', reason: 'Hors périmètre' }))
        .statusCode,
    ).toBe(200);
    const score = await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));
    expect(score.statusCode).toBe(409);
    expect(score.json().error.code).toBe('not_editable');
    expect((await as(c.members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'x' })).statusCode).toBe(409);
    expect((await as(c.members[0]).get(`/api/v1/reviews/${application.id}`)).json()).toMatchObject({
      applicationStatus: 'rejected',
      canScore: false,
    });
  });
});
