import {
  callParamsSchema,
  callSlugParamsSchema,
  callsQuerySchema,
  committeeCandidatesSchema,
  createCallBodySchema,
  officerCallSchema,
  officerCallSummarySchema,
  publicCallSchema,
  publicCallSummarySchema,
  publicCallsQuerySchema,
  updateCallBodySchema,
} from '../../../../contracts/calls.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { officerCallList, publicCallList } from './call-lists.js';
import { createCall, getCall, getPublicCall, listCommitteeCandidates, setCallPublished, updateCall } from './calls-service.js';

const officers = ['network_admin', 'program_officer'] as const;
/** Park managers read the calls of their parks. */
const readers = ['network_admin', 'program_officer', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Calls: the published ones for anyone, and the officers' pages (list, settings, publication, committee picker). */
export async function registerCallRoutes(app: App, deps: Deps) {
  await registerPublicCallRoutes(app, deps);
  await registerOfficerCallRoutes(app, deps);
}

/** The published calls, for anyone. */
async function registerPublicCallRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/public/calls',
    access: 'public',
    tags: ['calls'],
    summary: 'Published calls for applications: open ones first, then upcoming, then closed',
    querystring: publicCallsQuerySchema,
    item: publicCallSummarySchema,
    list: publicCallList,
  });

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
    async (request) => getPublicCall(ctx(request), request.params.slug),
  );
}

/** The officers' pages of calls: the list, settings, publication and the committee picker. */
async function registerOfficerCallRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/calls',
    access: readers,
    tags: ['calls'],
    summary: 'Calls with their application counts (park managers: their parks)',
    querystring: callsQuerySchema,
    item: officerCallSummarySchema,
    list: officerCallList,
  });

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
    async (request) => ({ items: await listCommitteeCandidates(ctx(request)) }),
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
    async (request, reply) => reply.status(201).send(await createCall(ctx(request), request.body)),
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
    async (request) => getCall(ctx(request), request.params.callId),
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
    async (request) => updateCall(ctx(request), { callId: request.params.callId, changes: request.body }),
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
      async (request) => setCallPublished(ctx(request), { callId: request.params.callId, published }),
    );
  }
}
