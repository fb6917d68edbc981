import { z } from 'zod';
import { companyParamsSchema, statusEventSchema, transitionBodySchema } from '../../../../contracts/companies.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { companyReaders, companyStaff } from '../access.js';
import { getCompanyHistory, recordCompanyTransition } from './lifecycle-service.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['companies'];

export async function registerLifecycleRoutes(app: App, deps: Deps) {
  app.get(
    '/companies/:id/history',
    {
      config: { access: companyReaders },
      schema: {
        tags,
        summary: "A company's lifecycle history, oldest first, with who recorded each change",
        params: companyParamsSchema,
        response: { 200: z.array(statusEventSchema), ...errors },
      },
    },
    async (request) => getCompanyHistory(serviceContext(deps, request), request.params.id),
  );

  app.post(
    '/companies/:id/transitions',
    {
      config: { access: companyStaff },
      schema: {
        tags,
        summary: 'Record a change of status with its date and reason (park staff)',
        params: companyParamsSchema,
        body: transitionBodySchema,
        response: { 201: statusEventSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordCompanyTransition(serviceContext(deps, request), { companyId: request.params.id, transition: request.body })),
  );
}
