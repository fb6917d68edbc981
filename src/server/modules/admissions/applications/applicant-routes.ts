import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  applicantApplicationSchema,
  applicationDraftBodySchema,
  applicationFileParamsSchema,
  applicationFileSchema,
  applicationParamsSchema,
  myApplicationSchema,
  myApplicationsQuerySchema,
  startedDraftSchema,
  submitApplicationBodySchema,
  uploadApplicationFileBodySchema,
} from '../../../../contracts/applications.js';
import { callSlugParamsSchema } from '../../../../contracts/calls.js';
import { uploadBodyLimit } from '../../../../contracts/files.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { forwardCookies } from '../../../platform/auth/routes.js';
import { requestHeaders } from '../../../platform/auth/session.js';
import { sendStoredFile } from '../../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { type ApplicantContext, draftTokenHeader } from './applicant-access.js';
import { myApplicationList } from './application-lists.js';
import {
  getApplicantApplication,
  readApplicantFile,
  removeApplicationFile,
  saveDraft,
  startDraft,
  uploadApplicationFile,
  withdrawApplication,
} from './drafts-service.js';
import { submitApplication } from './submission-service.js';

// Loose: the validated headers replace the request's, and the session cookie must stay.
const draftHeaders = z.looseObject({ [draftTokenHeader]: z.string().max(200).optional() });
// Starting drafts and submitting are open to anyone: a ceiling per address keeps robots out.
const applicantRateLimit = { max: 30, timeWindow: '1 minute' };
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The applicant's context: the session's person and the draft's secret the browser sent. */
function applicantContext(deps: Deps, request: FastifyRequest): ApplicantContext {
  const header = request.headers[draftTokenHeader];
  return { ...serviceContext(deps, request), draftToken: typeof header === 'string' && header ? header : undefined };
}

/** The applicant's side of admissions: their draft, files, submission and applications. */
export async function registerApplicantRoutes(app: App, deps: Deps) {
  await registerDraftRoutes(app, deps);
  await registerApplicationFileRoutes(app, deps);
  registerList(app, deps, {
    path: '/my/applications',
    access: 'signed-in',
    tags: ['applications'],
    summary: 'My applications: call, reference, status and, once decided, the decision and its reason',
    querystring: myApplicationsQuerySchema,
    item: myApplicationSchema,
    list: myApplicationList,
  });
}

/** A draft from its start to its submission or withdrawal. */
async function registerDraftRoutes(app: App, deps: Deps) {
  const applicant = (request: FastifyRequest) => applicantContext(deps, request);

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
    async (request, reply) =>
      reply.status(201).send(await startDraft(serviceContext(deps, request), { slug: request.params.slug, draft: request.body })),
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
    async (request) => saveDraft(applicant(request), { applicationId: request.params.applicationId, draft: request.body }),
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
      const submitted = await submitApplication(applicant(request), {
        applicationId: request.params.applicationId,
        submission: request.body,
      });
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
}

/** The files of a draft's file questions: attached, downloaded by their owner, removed. */
async function registerApplicationFileRoutes(app: App, deps: Deps) {
  const applicant = (request: FastifyRequest) => applicantContext(deps, request);

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
      reply
        .status(201)
        .send(await uploadApplicationFile(applicant(request), { applicationId: request.params.applicationId, upload: request.body })),
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
    async (request, reply) => sendStoredFile(reply, await readApplicantFile(applicant(request), request.params)),
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
      await removeApplicationFile(applicant(request), request.params);
      return reply.status(204).send(null);
    },
  );
}
