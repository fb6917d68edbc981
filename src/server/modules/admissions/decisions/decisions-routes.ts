import { errorResponseSchema } from '../../../../contracts/lists.js';
import { applicationReviewSchema, decisionBodySchema, reviewParamsSchema } from '../../../../contracts/reviews.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { decideApplication } from './decision-service.js';

const deciders = ['network_admin', 'program_officer'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The decision on an application, after the committee's review. */
export async function registerDecisionRoutes(app: App, deps: Deps) {
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
      decideApplication(serviceContext(deps, request), { applicationId: request.params.applicationId, decision: request.body }),
  );
}
