import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { csvColumn, csvRows } from '../../../test/csv.js';
import { signedIn } from '../../../test/factories.js';
import { buildApplicationUnderReview, buildReviewedCall, committeeFixture, put, scoresBody } from '../../../test/review-factories.js';

const { committee: c, reviewCase, as } = committeeFixture();

describe('officers', () => {
  it('see every member’s scores and comments, conflicts with reasons, and the aggregate', async () => {
    const { application, team, innovation } = await reviewCase();
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 2, 'strong'));
    await as(c.members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Frère du fondateur' });
    const response = await as(c.officer).get(`/api/v1/applications/${application.id}/review`);
    expect(response.statusCode).toBe(200);
    const review = response.json();
    const byMember = new Map(review.members.map((member: { userId: string }) => [member.userId, member]));
    expect(byMember.get(c.members[0].id)).toMatchObject({ status: 'scored', evaluation: { weightedScore: 4, comment: 'strong' } });
    expect(byMember.get(c.members[1].id)).toMatchObject({
      status: 'conflict',
      conflict: { reason: 'Frère du fondateur' },
      evaluation: null,
    });
    expect(byMember.get(c.members[2].id)).toMatchObject({ status: 'to_score', evaluation: null });
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
      c.t.database.db,
      c.members.map((member) => member.id),
      { spreadThreshold: 1.5 },
    );
    const [team, innovation] = call.criteria;
    const ids = c.members.map((member) => member.id);
    const apps: Awaited<ReturnType<typeof buildApplicationUnderReview>>[] = [];
    for (let index = 0; index < 4; index++) apps.push(await buildApplicationUnderReview(c.t.database.db, call.id, ids));
    const score = (member: { cookie: string }, app: { id: string }, a: number, b: number) =>
      as(member).post(`/api/v1/reviews/${app.id}/evaluation`, scoresBody(team, innovation, a, b));
    // apps[0]: 4 and 4 → 4. apps[1]: 5/5 → 5 and 1/1 → 1: mean 3, spread 4 (flagged). apps[2]: 3 → 3 (tie with apps[1]). apps[3]: nobody.
    await score(c.members[0], apps[0], 4, 4);
    await score(c.members[1], apps[0], 4, 4);
    await score(c.members[0], apps[1], 5, 5);
    await score(c.members[1], apps[1], 1, 1);
    await score(c.members[2], apps[2], 3, 3);
    // Another call's file never shows.
    await reviewCase();

    const ranking = await as(c.officer).get(`/api/v1/calls/${call.id}/ranking`);
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

    const flagged = await as(c.officer).get(`/api/v1/calls/${call.id}/ranking?flagged=true`);
    expect(flagged.json().items.map((item: { applicationId: string }) => item.applicationId)).toEqual([apps[1].id]);

    const csv = await as(c.officer, 'en').get(`/api/v1/calls/${call.id}/ranking/export?format=csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Rank,Reference,Company,Application status,Score,Team (×2),Innovation (×1),Spread,Large spread,Members assigned,Members who scored,Conflicts of interest,Decision',
    );
    expect(lines[1].split(',').slice(0, 2)).toEqual(['1', apps[0].reference]);
    expect(lines[4].split(',')[0]).toBe('');
    expect(csvColumn(csv.body, 1)).toEqual(items.map((item: { reference: string }) => item.reference));
    // Scores are numbers a spreadsheet averages: French decimal commas in the CSV, numbers in the XLSX.
    const french = csvRows((await as(c.officer, 'fr').get(`/api/v1/calls/${call.id}/ranking/export?format=csv`)).body);
    expect(french[1].slice(4, 5)).toEqual(['4,00']);
    expect(french.find((row) => row[1] === apps[1].reference)?.slice(4, 9)).toEqual(['3,00', '3,00', '3,00', '4,00', 'oui']);
    const xlsx = await as(c.officer, 'fr').get(`/api/v1/calls/${call.id}/ranking/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const top = workbook.worksheets[0].getRow(2);
    expect([top.getCell(1).value, top.getCell(5).value, top.getCell(10).value]).toEqual([1, 4, ids.length]);
    expect(top.getCell(5).numFmt).toBe('#,##0.00');

    // Filtered and sorted, the export keeps the list's rows and order.
    const query = 'flagged=false&sort=companyName&order=desc';
    const page = (await as(c.officer).get(`/api/v1/calls/${call.id}/ranking?${query}`)).json();
    expect(page.items).toHaveLength(3);
    expect(page.call).toMatchObject({ id: call.id, canDecide: true });
    const filtered = await as(c.officer, 'en').get(`/api/v1/calls/${call.id}/ranking/export?format=csv&${query}`);
    expect(csvColumn(filtered.body, 1)).toEqual(page.items.map((item: { reference: string }) => item.reference));
  });

  it('set the assignments within the call’s committee and never remove a member who scored', async () => {
    const { application, team, innovation, call } = await reviewCase();
    const outsider = await signedIn(c.t.app, c.t.database.db, 'committee_member');
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 3, 3));

    const foreign = await put(
      c.t.app,
      c.officer.cookie,
      `/api/v1/applications/${application.id}/assignments`,
      { memberUserIds: [c.members[0].id, outsider.id] },
      'en',
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([
      { path: 'memberUserIds.1', message: "This person is not on the call's selection committee." },
    ]);
    const removingScorer = await put(c.t.app, c.officer.cookie, `/api/v1/applications/${application.id}/assignments`, {
      memberUserIds: [c.members[1].id],
    });
    expect(removingScorer.statusCode).toBe(400);
    expect(removingScorer.json().error.details[0].path).toBe('memberUserIds');
    expect((await as(c.officer).get(`/api/v1/applications/${application.id}/review`)).json().members).toHaveLength(3);

    const narrowed = await put(c.t.app, c.officer.cookie, `/api/v1/applications/${application.id}/assignments`, {
      memberUserIds: [c.members[0].id, c.members[1].id],
    });
    expect(narrowed.statusCode).toBe(200);
    expect(
      narrowed
        .json()
        .members.map((member: { userId: string }) => member.userId)
        .sort(),
    ).toEqual([c.members[0].id, c.members[1].id].sort());
    expect((await as(c.members[2]).get(`/api/v1/reviews/${application.id}`)).statusCode).toBe(404);
    const audit = await c.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.assign'), eq(auditLog.entityId, application.id)));
    expect(audit).toHaveLength(1);

    // The applicant, even if on the committee, never reviews their own file.
    const applicantMember = await signedIn(c.t.app, c.t.database.db, 'committee_member');
    const own = await buildApplicationUnderReview(c.t.database.db, call.id, [], { applicantUserId: applicantMember.id });
    const call2 = await buildReviewedCall(c.t.database.db, [applicantMember.id]);
    const ownInCall = await buildApplicationUnderReview(c.t.database.db, call2.id, [], { applicantUserId: applicantMember.id });
    const refused = await put(c.t.app, c.officer.cookie, `/api/v1/applications/${ownInCall.id}/assignments`, {
      memberUserIds: [applicantMember.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('memberUserIds.0');
    expect(own.applicantUserId).toBe(applicantMember.id);
  });

  it('record deliberation minutes and list them, latest first', async () => {
    const { call } = await reviewCase();
    const first = await as(c.officer).post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2026-01-10',
      attendees: ['Amina Benali', 'Youssef Alaoui'],
      minutes: 'Dossiers 1 à 4 examinés ; 2026-0002 à rediscuter (écart).',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ heldOn: '2026-01-10', attendees: ['Amina Benali', 'Youssef Alaoui'] });
    await as(c.admin).post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2026-02-01',
      attendees: ['Amina Benali'],
      minutes: 'Décisions finales.',
    });
    const list = await as(c.officer).get(`/api/v1/calls/${call.id}/deliberations`);
    expect(list.json().items.map((item: { heldOn: string }) => item.heldOn)).toEqual(['2026-02-01', '2026-01-10']);
    const bad = await as(c.officer, 'en').post(`/api/v1/calls/${call.id}/deliberations`, {
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
    const future = await as(c.officer, 'en').post(`/api/v1/calls/${call.id}/deliberations`, {
      heldOn: '2999-01-01',
      attendees: ['A'],
      minutes: 'x',
    });
    expect(future.json().error.details).toEqual([{ path: 'heldOn', message: 'This date is in the future.' }]);
  });
});
