import {
  applicationFileParamsSchema,
  applicationParamsSchema,
  applicationsQuerySchema,
  eligibilityDecisionBodySchema,
  officerApplicationSchema,
  officerApplicationSummarySchema,
} from '../../../../contracts/applications.js';
import { callParamsSchema } from '../../../../contracts/calls.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { sendStoredFile } from '../../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { callApplicationList } from './application-lists.js';
import { decideEligibility, getOfficerApplication, readOfficerFile } from './officer-service.js';

const officers = ['network_admin', 'program_officer'] as const;
/** Park managers read the applications of their parks' calls. */
const readers = ['network_admin', 'program_officer', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The officers' side of applications: a call's submitted applications, one application, its eligibility decision. */
export async function registerOfficerApplicationRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/calls/:callId/applications',
    access: readers,
    tags: ['applications'],
    summary: 'The submitted applications of a call',
    params: callParamsSchema,
    querystring: applicationsQuerySchema,
    item: officerApplicationSummarySchema,
    list: callApplicationList,
  });

  app.get(
    '/applications/:applicationId',
    {
      config: { access: readers },
      schema: {
        tags: ['applications'],
        summary: 'A submitted application with its answers, files and the eligibility check',
        params: applicationParamsSchema,
        response: { 200: officerApplicationSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getOfficerApplication(ctx(request), request.params.applicationId),
  );

  app.post(
    '/applications/:applicationId/eligibility',
    {
      config: { access: officers },
      schema: {
        tags: ['applications'],
        summary: 'Eligibility decision: eligible puts it under committee review; not eligible tells the applicant why',
        params: applicationParamsSchema,
        body: eligibilityDecisionBodySchema,
        response: { 200: officerApplicationSchema, ...errors },
      },
    },
    async (request) => decideEligibility(ctx(request), { applicationId: request.params.applicationId, decision: request.body }),
  );

  app.get(
    '/applications/:applicationId/files/:fileId',
    {
      config: { access: [...readers, 'committee_member'] },
      schema: {
        tags: ['applications'],
        summary: 'A file of a submitted application (officers, park managers of its park, assigned committee members)',
        params: applicationFileParamsSchema,
      },
    },
    async (request, reply) => sendStoredFile(reply, await readOfficerFile(ctx(request), request.params)),
  );
}
