import {
  applicationFileParamsSchema,
  applicationParamsSchema,
  applicationsPageSchema,
  applicationsQuerySchema,
  callParamsSchema,
  callsPageSchema,
  callsQuerySchema,
  committeeCandidatesSchema,
  createCallBodySchema,
  eligibilityDecisionBodySchema,
  officerApplicationSchema,
  officerCallSchema,
  updateCallBodySchema,
} from '../../../contracts/calls.js';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import { formatInstant } from '../../../shared/calendar.js';
import { pickText } from '../../../shared/localized-text.js';
import { sendTable } from '../../platform/export.js';
import { sendStoredFile } from '../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import {
  decideEligibility,
  getOfficerApplication,
  listAllApplications,
  listApplications,
  readOfficerFile,
} from './application-officer-service.js';
import { createCall, getCall, listAllCalls, listCalls, listCommitteeCandidates, setCallPublished, updateCall } from './call-service.js';

const officers = ['network_admin', 'program_officer'] as const;
/** Park managers read the calls of their parks and their applications. */
const readers = ['network_admin', 'program_officer', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The officers' side of admissions: calls, their applications and the eligibility decision. */
export async function registerCallRoutes(app: App, deps: Deps) {
  const mailDeps = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  // ——— Officers: calls ———

  app.get(
    '/calls',
    {
      config: { access: readers },
      schema: {
        tags: ['calls'],
        summary: 'Calls with their application counts (park managers: their parks)',
        querystring: callsQuerySchema,
        response: { 200: callsPageSchema },
      },
    },
    async (request) => listCalls(serviceContext(deps, request), request.query),
  );

  app.get(
    '/calls/export',
    {
      config: { access: readers },
      schema: { tags: ['calls'], summary: 'The calls as CSV or XLSX', querystring: callsQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await listAllCalls(serviceContext(deps, request), request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'calls',
        locale,
        rows,
        columns: [
          { header: 'export.call.slug', value: (call) => call.slug },
          { header: 'export.call.title', value: (call) => pickText(call.title, locale) },
          { header: 'export.call.kind', value: (call) => translate(locale, `calls.kind.${call.kind}`) },
          { header: 'export.call.park', value: (call) => (call.park ? pickText(call.park.name, locale) : '') },
          { header: 'export.call.opensAt', value: (call) => formatInstant(call.opensAt, locale) },
          { header: 'export.call.closesAt', value: (call) => formatInstant(call.closesAt, locale) },
          { header: 'export.call.phase', value: (call) => translate(locale, `calls.phase.${call.phase}`) },
          { header: 'export.call.published', value: (call) => call.published },
          {
            header: 'export.call.submitted',
            value: (call) => Object.entries(call.counts).reduce((sum, [status, n]) => (status === 'draft' ? sum : sum + n), 0),
          },
          { header: 'export.call.underReview', value: (call) => call.counts.under_review },
        ],
      });
    },
  );

  app.get(
    '/calls/committee-candidates',
    {
      config: { access: officers },
      schema: {
        tags: ['calls'],
        summary: 'People holding the committee member role, for the committee picker',
        response: { 200: committeeCandidatesSchema },
      },
    },
    async (request) => ({ items: await listCommitteeCandidates(serviceContext(deps, request)) }),
  );

  app.post(
    '/calls',
    {
      config: { access: officers },
      schema: {
        tags: ['calls'],
        summary: 'Create a call with its form, evaluation grid and committee',
        body: createCallBodySchema,
        response: { 201: officerCallSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCall(serviceContext(deps, request), request.body)),
  );

  app.get(
    '/calls/:callId',
    {
      config: { access: readers },
      schema: {
        tags: ['calls'],
        summary: 'A call with everything: form, grid, committee, counts per application status',
        params: callParamsSchema,
        response: { 200: officerCallSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getCall(serviceContext(deps, request), request.params.callId),
  );

  app.patch(
    '/calls/:callId',
    {
      config: { access: officers },
      schema: {
        tags: ['calls'],
        summary: 'Edit a call (form, grid, scale and kind frozen once an application is submitted; the deadline can be extended)',
        params: callParamsSchema,
        body: updateCallBodySchema,
        response: { 200: officerCallSchema, ...errors },
      },
    },
    async (request) => updateCall(serviceContext(deps, request), request.params.callId, request.body),
  );

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `/calls/:callId/${action}`,
      {
        config: { access: officers },
        schema: {
          tags: ['calls'],
          summary: published ? 'Publish a call on the public pages' : 'Take a call off the public pages',
          params: callParamsSchema,
          response: { 200: officerCallSchema, ...errors },
        },
      },
      async (request) => setCallPublished(serviceContext(deps, request), request.params.callId, published),
    );
  }

  // ——— Officers: applications ———

  app.get(
    '/calls/:callId/applications',
    {
      config: { access: readers },
      schema: {
        tags: ['applications'],
        summary: 'The submitted applications of a call',
        params: callParamsSchema,
        querystring: applicationsQuerySchema,
        response: { 200: applicationsPageSchema, 404: errorResponseSchema },
      },
    },
    async (request) => listApplications(serviceContext(deps, request), request.params.callId, request.query),
  );

  app.get(
    '/calls/:callId/applications/export',
    {
      config: { access: readers },
      schema: {
        tags: ['applications'],
        summary: 'The submitted applications of a call as CSV or XLSX',
        params: callParamsSchema,
        querystring: applicationsQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await listAllApplications(serviceContext(deps, request), request.params.callId, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'applications',
        locale,
        rows,
        columns: [
          { header: 'export.application.reference', value: (row) => row.reference },
          { header: 'export.application.status', value: (row) => translate(locale, `calls.status.${row.status}`) },
          { header: 'export.application.companyName', value: (row) => row.companyName },
          { header: 'export.application.contactName', value: (row) => row.contactName },
          { header: 'export.application.contactEmail', value: (row) => row.contactEmail },
          { header: 'export.application.sector', value: (row) => (row.sector ? translate(locale, `calls.sector.${row.sector}`) : '') },
          { header: 'export.application.stage', value: (row) => (row.stage ? translate(locale, `companyStage.${row.stage}`) : '') },
          { header: 'export.application.region', value: (row) => (row.region ? translate(locale, `calls.region.${row.region}`) : '') },
          { header: 'export.application.creationDate', value: (row) => row.creationDate },
          { header: 'export.application.requiredAreaM2', value: (row) => row.requiredAreaM2 },
          { header: 'export.application.submittedAt', value: (row) => (row.submittedAt ? formatInstant(row.submittedAt, locale) : '') },
          { header: 'export.application.eligibilityProblems', value: (row) => row.problems.map((problem) => problem.message).join(' | ') },
        ],
      });
    },
  );

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
    async (request) => getOfficerApplication(serviceContext(deps, request), request.params.applicationId),
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
    async (request) => decideEligibility(serviceContext(deps, request), mailDeps, request.params.applicationId, request.body),
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
    async (request, reply) =>
      sendStoredFile(reply, await readOfficerFile(serviceContext(deps, request), request.params.applicationId, request.params.fileId)),
  );
}
