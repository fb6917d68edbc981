import { z } from 'zod';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import { parkParamsSchema } from '../../../contracts/parks.js';
import {
  allocateBodySchema,
  applicationReviewSchema,
  assignedApplicationsPageSchema,
  assignedApplicationsQuerySchema,
  assignmentsBodySchema,
  callParamsSchema,
  conflictBodySchema,
  decisionBodySchema,
  deliberationBodySchema,
  deliberationSchema,
  deliberationsSchema,
  evaluationBodySchema,
  memberReviewSchema,
  rankingQuerySchema,
  rankingSchema,
  reviewFileParamsSchema,
  reviewParamsSchema,
  waitingListEntryParamsSchema,
  waitingListPageSchema,
  waitingListParksSchema,
  waitingListQuerySchema,
  withdrawBodySchema,
} from '../../../contracts/reviews.js';
import { pickText } from '../../../shared/localized-text.js';
import { sendTable } from '../../platform/export.js';
import { sendStoredFile } from '../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { type MessageKey, translate } from '../../platform/messages.js';
import { decideApplication } from './decision-service.js';
import { listDeliberations, recordDeliberation } from './review-deliberation-service.js';
import { getApplicationReview, getRanking, getRankingForExport, setAssignments } from './review-ranking-service.js';
import { declareConflict, getMemberReview, listAssignedApplications, readAssignedFile, submitEvaluation } from './review-service.js';
import { allocateEntry, exportWaitingList, getWaitingList, listWaitingListParks, withdrawEntry } from './waiting-list-service.js';

const members = ['committee_member'] as const;
/** Who reads the committee's work on a call; the service narrows park managers to their park's calls. */
const officers = ['network_admin', 'program_officer', 'park_manager'] as const;
const deciders = ['network_admin', 'program_officer'] as const;
const waitingListReaders = ['network_admin', 'park_manager', 'program_officer'] as const;
const waitingListKeepers = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const exportLimit = 10000;

/** Scores in exports: two decimals, as on screen. */
const twoDecimals = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

export async function registerReviewRoutes(app: App, deps: Deps) {
  const { db } = deps;

  // ——— Committee members ———

  app.get(
    '/reviews',
    {
      config: { access: members },
      schema: {
        tags: ['reviews'],
        summary: 'The applications assigned to me for review, across calls',
        querystring: assignedApplicationsQuerySchema,
        response: { 200: assignedApplicationsPageSchema },
      },
    },
    async (request) => listAssignedApplications(db, request.actor, request.locale, request.query),
  );

  app.get(
    '/reviews/export',
    {
      config: { access: members },
      schema: {
        tags: ['reviews'],
        summary: 'The applications assigned to me as CSV or XLSX',
        querystring: assignedApplicationsQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const { items } = await listAssignedApplications(db, request.actor, locale, request.query, exportLimit);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'reviews',
        locale,
        rows: items,
        columns: [
          { header: 'export.review.reference', value: (row) => row.reference },
          { header: 'export.review.call', value: (row) => pickText(row.callTitle, locale) },
          { header: 'export.review.company', value: (row) => row.companyName },
          {
            header: 'export.review.applicationStatus',
            value: (row) => translate(locale, `review.applicationStatus.${row.applicationStatus}`),
          },
          { header: 'export.review.myStatus', value: (row) => translate(locale, `review.memberStatus.${row.myStatus}`) },
          { header: 'export.review.assignedAt', value: (row) => row.assignedAt.slice(0, 10) },
          { header: 'export.review.scoredAt', value: (row) => row.scoredAt?.slice(0, 10) },
        ],
      });
    },
  );

  app.get(
    '/reviews/:applicationId',
    {
      config: { access: members },
      schema: {
        tags: ['reviews'],
        summary: 'An application assigned to me, with the grid and my own evaluation (never other members’ scores)',
        params: reviewParamsSchema,
        response: { 200: memberReviewSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getMemberReview(db, request.actor, request.locale, request.params.applicationId),
  );

  app.get(
    '/reviews/:applicationId/files/:fileId',
    {
      config: { access: members },
      schema: { tags: ['reviews'], summary: 'A file of an application assigned to me', params: reviewFileParamsSchema },
    },
    async (request, reply) =>
      sendStoredFile(reply, await readAssignedFile(db, request.actor, request.params.applicationId, request.params.fileId)),
  );

  app.post(
    '/reviews/:applicationId/conflict',
    {
      config: { access: members },
      schema: {
        tags: ['reviews'],
        summary: 'Declare a conflict of interest (before scoring): I then neither score nor see scores of this application',
        params: reviewParamsSchema,
        body: conflictBodySchema,
        response: { 200: memberReviewSchema, ...errors },
      },
    },
    async (request) => declareConflict(serviceContext(deps, request), request.params.applicationId, request.body),
  );

  app.post(
    '/reviews/:applicationId/evaluation',
    {
      config: { access: members },
      schema: {
        tags: ['reviews'],
        summary: 'Score every criterion of the grid once, on the call’s scale (once per member)',
        params: reviewParamsSchema,
        body: evaluationBodySchema,
        response: { 201: memberReviewSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitEvaluation(serviceContext(deps, request), request.params.applicationId, request.body)),
  );

  // ——— Officers ———

  app.get(
    '/calls/:callId/ranking',
    {
      config: { access: officers },
      schema: {
        tags: ['reviews'],
        summary: 'The ranking of a call: aggregated weighted scores, per-criterion means, spread flags, decisions',
        params: callParamsSchema,
        querystring: rankingQuerySchema,
        response: { 200: rankingSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getRanking(db, request.actor, request.params.callId, request.query),
  );

  app.get(
    '/calls/:callId/ranking/export',
    {
      config: { access: officers },
      schema: {
        tags: ['reviews'],
        summary: 'The ranking of a call as CSV or XLSX',
        params: callParamsSchema,
        querystring: rankingQuerySchema.omit({ page: true, pageSize: true }).extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const { criteria, rows } = await getRankingForExport(db, request.actor, request.params.callId, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'ranking',
        locale,
        rows,
        columns: [
          { header: 'export.ranking.rank', value: (row) => row.rank },
          { header: 'export.review.reference', value: (row) => row.reference },
          { header: 'export.review.company', value: (row) => row.companyName },
          { header: 'export.review.applicationStatus', value: (row) => translate(locale, `review.applicationStatus.${row.status}`) },
          { header: 'export.ranking.score', value: (row) => twoDecimals(row.score) },
          // A criterion's label is already in the reader's language: translate() gives back what it does not know.
          ...criteria.map((criterion) => ({
            header: `${pickText(criterion.label, locale)} (×${criterion.weight})` as MessageKey,
            value: (row: (typeof rows)[number]) =>
              twoDecimals(row.criterionMeans.find((mean) => mean.criterionId === criterion.id)?.mean ?? null),
          })),
          { header: 'export.ranking.spread', value: (row) => twoDecimals(row.spread) },
          { header: 'export.ranking.flagged', value: (row) => row.flagged },
          { header: 'export.ranking.assigned', value: (row) => row.assignedCount },
          { header: 'export.ranking.scored', value: (row) => row.scoredCount },
          { header: 'export.ranking.conflicts', value: (row) => row.conflictCount },
          {
            header: 'export.ranking.decision',
            value: (row) => (row.decision ? translate(locale, `review.applicationStatus.${row.decision}`) : null),
          },
        ],
      });
    },
  );

  app.get(
    '/calls/:callId/deliberations',
    {
      config: { access: officers },
      schema: {
        tags: ['reviews'],
        summary: 'The minutes of the committee’s deliberations on a call, latest first',
        params: callParamsSchema,
        response: { 200: deliberationsSchema, 404: errorResponseSchema },
      },
    },
    async (request) => ({ items: await listDeliberations(db, request.actor, request.params.callId) }),
  );

  app.post(
    '/calls/:callId/deliberations',
    {
      config: { access: deciders },
      schema: {
        tags: ['reviews'],
        summary: 'Record the minutes of a deliberation (date, attendees, text)',
        params: callParamsSchema,
        body: deliberationBodySchema,
        response: { 201: deliberationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordDeliberation(serviceContext(deps, request), request.params.callId, request.body)),
  );

  app.get(
    '/applications/:applicationId/review',
    {
      config: { access: officers },
      schema: {
        tags: ['reviews'],
        summary: 'Every member’s scores and comments on an application, conflicts, aggregate and decision',
        params: reviewParamsSchema,
        response: { 200: applicationReviewSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getApplicationReview(db, request.actor, request.params.applicationId),
  );

  app.put(
    '/applications/:applicationId/assignments',
    {
      config: { access: deciders },
      schema: {
        tags: ['reviews'],
        summary: 'Set which members of the call’s committee review an application',
        params: reviewParamsSchema,
        body: assignmentsBodySchema,
        response: { 200: applicationReviewSchema, ...errors },
      },
    },
    async (request) => setAssignments(serviceContext(deps, request), request.params.applicationId, request.body),
  );

  app.post(
    '/applications/:applicationId/decision',
    {
      config: { access: deciders },
      schema: {
        tags: ['reviews'],
        summary: 'Decide: admitted (becomes a company; a residency joins the park’s waiting list), waitlisted or rejected with a reason',
        params: reviewParamsSchema,
        body: decisionBodySchema,
        response: { 200: applicationReviewSchema, ...errors },
      },
    },
    async (request) =>
      decideApplication(
        serviceContext(deps, request),
        { mailer: deps.mailer, publicUrl: deps.config.publicUrl },
        request.params.applicationId,
        request.body,
      ),
  );

  // ——— Waiting lists ———

  app.get(
    '/waiting-lists',
    {
      config: { access: waitingListReaders },
      schema: {
        tags: ['waiting list'],
        summary: 'The parks whose waiting lists I read, with how many companies wait',
        response: { 200: waitingListParksSchema },
      },
    },
    async (request) => ({ items: await listWaitingListParks(db, request.actor, request.locale) }),
  );

  app.get(
    '/parks/:park/waiting-list',
    {
      config: { access: waitingListReaders },
      schema: {
        tags: ['waiting list'],
        summary: 'A park’s waiting list, first come first served; filter by the unit size that frees up',
        params: parkParamsSchema,
        querystring: waitingListQuerySchema,
        response: { 200: waitingListPageSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getWaitingList(db, request.actor, request.params.park, request.query),
  );

  app.get(
    '/parks/:park/waiting-list/export',
    {
      config: { access: waitingListReaders },
      schema: {
        tags: ['waiting list'],
        summary: 'A park’s waiting list as CSV or XLSX',
        params: parkParamsSchema,
        querystring: waitingListQuerySchema.omit({ page: true, pageSize: true }).extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await exportWaitingList(db, request.actor, request.params.park, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'waiting-list',
        locale,
        rows,
        columns: [
          { header: 'export.waitingList.position', value: (row) => row.position },
          { header: 'export.review.company', value: (row) => row.companyName },
          { header: 'export.review.reference', value: (row) => row.applicationReference },
          { header: 'export.waitingList.requiredAreaM2', value: (row) => row.requiredAreaM2 },
          { header: 'export.waitingList.requestedOn', value: (row) => row.requestedOn },
          { header: 'export.waitingList.daysWaiting', value: (row) => row.daysWaiting },
          { header: 'export.waitingList.status', value: (row) => translate(locale, `review.waitingStatus.${row.status}`) },
          { header: 'export.waitingList.closedOn', value: (row) => row.closedOn },
          { header: 'export.waitingList.note', value: (row) => row.note },
        ],
      });
    },
  );

  app.post(
    '/waiting-list/:id/allocate',
    {
      config: { access: waitingListKeepers },
      schema: {
        tags: ['waiting list'],
        summary: 'A unit was allocated to this company: it leaves the queue',
        params: waitingListEntryParamsSchema,
        body: allocateBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await allocateEntry(serviceContext(deps, request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/waiting-list/:id/withdraw',
    {
      config: { access: waitingListKeepers },
      schema: {
        tags: ['waiting list'],
        summary: 'The company no longer waits (with a note saying why)',
        params: waitingListEntryParamsSchema,
        body: withdrawBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawEntry(serviceContext(deps, request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
