import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  applicantApplicationSchema,
  applicationDraftBodySchema,
  applicationFileParamsSchema,
  applicationFileSchema,
  applicationParamsSchema,
  applicationsPageSchema,
  applicationsQuerySchema,
  callParamsSchema,
  callSlugParamsSchema,
  callsPageSchema,
  callsQuerySchema,
  committeeCandidatesSchema,
  createCallBodySchema,
  eligibilityDecisionBodySchema,
  myApplicationsPageSchema,
  myApplicationsQuerySchema,
  officerApplicationSchema,
  officerCallSchema,
  publicCallSchema,
  publicCallsPageSchema,
  publicCallsQuerySchema,
  startedDraftSchema,
  submitApplicationBodySchema,
  updateCallBodySchema,
  uploadApplicationFileBodySchema,
} from '../../../contracts/calls.js';
import { uploadBodyLimit } from '../../../contracts/files.js';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import { formatInstant } from '../../../shared/calendar.js';
import { pickText } from '../../../shared/localized-text.js';
import { forwardCookies } from '../../platform/auth/routes.js';
import { requestHeaders } from '../../platform/auth/session.js';
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
import {
  type ApplicantContext,
  draftTokenHeader,
  getApplicantApplication,
  listMyApplications,
  readApplicantFile,
  removeApplicationFile,
  saveDraft,
  startDraft,
  submitApplication,
  uploadApplicationFile,
  withdrawApplication,
} from './application-service.js';
import {
  createCall,
  getCall,
  getPublicCall,
  listAllCalls,
  listCalls,
  listCommitteeCandidates,
  listPublicCalls,
  setCallPublished,
  updateCall,
} from './call-service.js';

const officers = ['network_admin', 'program_officer'] as const;
/** Park managers read the calls of their parks and their applications. */
const readers = ['network_admin', 'program_officer', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
// Loose: the validated headers replace the request's, and the session cookie must stay.
const draftHeaders = z.looseObject({ [draftTokenHeader]: z.string().max(200).optional() });
// Starting drafts and submitting are open to anyone: a ceiling per address keeps robots out.
const applicantRateLimit = { max: 30, timeWindow: '1 minute' };

export async function registerCallRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const mailDeps = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };
  const applicant = (request: FastifyRequest): ApplicantContext => {
    const header = request.headers[draftTokenHeader];
    return { ...serviceContext(deps, request), draftToken: typeof header === 'string' && header ? header : undefined };
  };

  // ——— Public: calls and the applicant's side ———

  app.get(
    '/public/calls',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'Published calls for applications: open ones first, then upcoming, then closed',
        querystring: publicCallsQuerySchema,
        response: { 200: publicCallsPageSchema },
      },
    },
    async (request) => listPublicCalls(db, request.query),
  );

  app.get(
    '/public/calls/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'A published call with its eligibility rules, form and evaluation criteria',
        params: callSlugParamsSchema,
        response: { 200: publicCallSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getPublicCall(db, request.params.slug),
  );

  app.post(
    '/public/calls/:slug/applications',
    {
      config: { access: 'public', rateLimit: applicantRateLimit },
      schema: {
        tags: ['applications'],
        summary: 'Start an application (no account needed); answers the draft and its secret token, given once',
        params: callSlugParamsSchema,
        body: applicationDraftBodySchema,
        response: { 201: startedDraftSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await startDraft(serviceContext(deps, request), request.params.slug, request.body)),
  );

  app.get(
    '/public/applications/:applicationId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: "The applicant's application (draft token in x-draft-token, or the session of its account)",
        params: applicationParamsSchema,
        headers: draftHeaders,
        response: { 200: applicantApplicationSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getApplicantApplication(applicant(request), request.params.applicationId),
  );

  app.patch(
    '/public/applications/:applicationId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Save a draft (only the fields sent; answers merged question by question, null clears one)',
        params: applicationParamsSchema,
        headers: draftHeaders,
        body: applicationDraftBodySchema,
        response: { 200: applicantApplicationSchema, ...errors },
      },
    },
    async (request) => saveDraft(applicant(request), request.params.applicationId, request.body),
  );

  app.post(
    '/public/applications/:applicationId/files',
    {
      config: { access: 'public', rateLimit: applicantRateLimit },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags: ['applications'],
        summary: 'Attach a file (PDF, image or Office document, 5 MB at most) to a file question of a draft',
        params: applicationParamsSchema,
        headers: draftHeaders,
        body: uploadApplicationFileBodySchema,
        response: { 201: applicationFileSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uploadApplicationFile(applicant(request), request.params.applicationId, request.body)),
  );

  app.get(
    '/public/applications/:applicationId/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: "Download one of the applicant's own files",
        params: applicationFileParamsSchema,
        headers: draftHeaders,
      },
    },
    async (request, reply) =>
      sendStoredFile(reply, await readApplicantFile(applicant(request), request.params.applicationId, request.params.fileId)),
  );

  app.delete(
    '/public/applications/:applicationId/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Remove a file from a draft',
        params: applicationFileParamsSchema,
        headers: draftHeaders,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeApplicationFile(applicant(request), request.params.applicationId, request.params.fileId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/public/applications/:applicationId/submit',
    {
      config: { access: 'public', rateLimit: applicantRateLimit },
      schema: {
        tags: ['applications'],
        summary: 'Submit before the deadline; creates the account and signs in when the applicant is not signed in',
        params: applicationParamsSchema,
        headers: draftHeaders,
        body: submitApplicationBodySchema,
        response: { 200: applicantApplicationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const submitted = await submitApplication(applicant(request), mailDeps, request.params.applicationId, request.body);
      if (submitted.newAccount) {
        // The same sign-in as the sign-in page: better-auth opens the session, its cookie goes to the browser.
        const result = await deps.auth.api.signInEmail({
          body: submitted.newAccount,
          headers: requestHeaders(request),
          returnHeaders: true,
        });
        forwardCookies(result.headers, reply);
      }
      return submitted.application;
    },
  );

  app.post(
    '/public/applications/:applicationId/withdraw',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Withdraw an application before any decision',
        params: applicationParamsSchema,
        headers: draftHeaders,
        response: { 200: applicantApplicationSchema, ...errors },
      },
    },
    async (request) => withdrawApplication(applicant(request), request.params.applicationId),
  );

  app.get(
    '/my/applications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['applications'],
        summary: 'My applications: call, reference, status and, once decided, the decision and its reason',
        querystring: myApplicationsQuerySchema,
        response: { 200: myApplicationsPageSchema },
      },
    },
    async (request) => listMyApplications(serviceContext(deps, request), request.query),
  );

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
