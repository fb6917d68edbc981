import { errorResponseSchema } from '../../../../contracts/lists.js';
import {
  applicationReviewSchema,
  assignmentsBodySchema,
  callParamsSchema,
  deliberationBodySchema,
  deliberationSchema,
  deliberationsSchema,
  rankingEntrySchema,
  rankingHeaderSchema,
  rankingQuerySchema,
  reviewParamsSchema,
} from '../../../../contracts/reviews.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { getApplicationReview, setAssignments } from './application-review-service.js';
import { listDeliberations, recordDeliberation } from './deliberations-service.js';
import { rankingList } from './ranking.js';

/** Who reads the committee's work on a call; the service narrows park managers to their park's calls. */
const readers = ['network_admin', 'program_officer', 'park_manager'] as const;
const deciders = ['network_admin', 'program_officer'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The committee's results for the officers: a call's ranking and minutes, one application's evaluations and assignments. */
export async function registerCommitteeResultRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/calls/:callId/ranking',
    access: readers,
    tags: ['reviews'],
    summary: 'The ranking of a call: aggregated weighted scores, per-criterion means, spread flags, decisions',
    params: callParamsSchema,
    querystring: rankingQuerySchema,
    item: rankingEntrySchema,
    header: rankingHeaderSchema,
    list: rankingList,
  });

  app.get(
    '/calls/:callId/deliberations',
    {
      config: { access: readers },
      schema: {
        tags: ['reviews'],
        summary: 'The minutes of the committee’s deliberations on a call, latest first',
        params: callParamsSchema,
        response: { 200: deliberationsSchema, 404: errorResponseSchema },
      },
    },
    async (request) => ({ items: await listDeliberations(ctx(request), request.params.callId) }),
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
      reply.status(201).send(await recordDeliberation(ctx(request), { callId: request.params.callId, deliberation: request.body })),
  );

  app.get(
    '/applications/:applicationId/review',
    {
      config: { access: readers },
      schema: {
        tags: ['reviews'],
        summary: 'Every member’s scores and comments on an application, conflicts, aggregate and decision',
        params: reviewParamsSchema,
        response: { 200: applicationReviewSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getApplicationReview(ctx(request), request.params.applicationId),
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
    async (request) => setAssignments(ctx(request), { applicationId: request.params.applicationId, assignments: request.body }),
  );
}
