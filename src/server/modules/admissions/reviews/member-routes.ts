import { errorResponseSchema } from '../../../../contracts/lists.js';
import {
  assignedApplicationSchema,
  assignedApplicationsQuerySchema,
  conflictBodySchema,
  evaluationBodySchema,
  memberReviewSchema,
  reviewFileParamsSchema,
  reviewParamsSchema,
} from '../../../../contracts/reviews.js';
import { sendStoredFile } from '../../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { assignedApplicationList } from './assigned-list.js';
import { declareConflict, getMemberReview, readAssignedFile, submitEvaluation } from './member-service.js';

const members = ['committee_member'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** A committee member's side of the review: the files assigned to them, one file with the grid, a conflict, a score. */
export async function registerMemberReviewRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/reviews',
    access: members,
    tags: ['reviews'],
    summary: 'The applications assigned to me for review, across calls',
    querystring: assignedApplicationsQuerySchema,
    item: assignedApplicationSchema,
    list: assignedApplicationList,
  });

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
    async (request) => getMemberReview(ctx(request), request.params.applicationId),
  );

  app.get(
    '/reviews/:applicationId/files/:fileId',
    {
      config: { access: members },
      schema: { tags: ['reviews'], summary: 'A file of an application assigned to me', params: reviewFileParamsSchema },
    },
    async (request, reply) => sendStoredFile(reply, await readAssignedFile(ctx(request), request.params)),
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
    async (request) => declareConflict(ctx(request), { applicationId: request.params.applicationId, conflict: request.body }),
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
      reply
        .status(201)
        .send(await submitEvaluation(ctx(request), { applicationId: request.params.applicationId, evaluation: request.body })),
  );
}
