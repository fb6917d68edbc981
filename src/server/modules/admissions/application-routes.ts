import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  applicantApplicationSchema,
  applicationDraftBodySchema,
  applicationFileParamsSchema,
  applicationFileSchema,
  applicationParamsSchema,
  callSlugParamsSchema,
  myApplicationsPageSchema,
  myApplicationsQuerySchema,
  publicCallSchema,
  publicCallsPageSchema,
  publicCallsQuerySchema,
  startedDraftSchema,
  submitApplicationBodySchema,
  uploadApplicationFileBodySchema,
} from '../../../contracts/calls.js';
import { uploadBodyLimit } from '../../../contracts/files.js';
import { errorResponseSchema } from '../../../contracts/lists.js';
import { forwardCookies } from '../../platform/auth/routes.js';
import { requestHeaders } from '../../platform/auth/session.js';
import { sendStoredFile } from '../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
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
import { getPublicCall, listPublicCalls } from './call-service.js';

// Loose: the validated headers replace the request's, and the session cookie must stay.
const draftHeaders = z.looseObject({ [draftTokenHeader]: z.string().max(200).optional() });
// Starting drafts and submitting are open to anyone: a ceiling per address keeps robots out.
const applicantRateLimit = { max: 30, timeWindow: '1 minute' };
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The public side of admissions: open calls, and an applicant's draft, files, submission and applications. */
export async function registerApplicantRoutes(app: App, deps: Deps) {
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
}
