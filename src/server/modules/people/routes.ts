import { z } from 'zod';
import { meSchema, sessionSchema, updateMeBodySchema } from '../../../contracts/auth.js';
import { errorResponseSchema } from '../../../contracts/lists.js';
import {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  grantRoleBodySchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationsQuerySchema,
  joinInvitationBodySchema,
  peopleQuerySchema,
  personSchema,
  updatePersonBodySchema,
} from '../../../contracts/people.js';
import { scopeTypeSchema } from '../../../contracts/roles.js';
import { createAttemptLimiter } from '../../platform/auth/attempts.js';
import { forwardCookies } from '../../platform/auth/routes.js';
import { actorOfUser, requestHeaders } from '../../platform/auth/session.js';
import { AppError } from '../../platform/errors.js';
import { describeActor } from '../../platform/grants/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { registerList } from '../../platform/list-routes.js';
import { scopeResolver } from '../../platform/scopes.js';
import {
  acceptInvitation,
  createInvitation,
  invitationEmail,
  invitationList,
  joinInvitation,
  previewInvitation,
  revokeInvitation,
} from './invitations.js';
import { grantPersonRole, peopleList, revokeGrant, updateMe, updatePerson, viewPerson } from './service.js';

const personParams = z.object({ id: z.string().min(1).max(64) });
const admins = ['network_admin'] as const;

/** The signed-in person: who they are, their name and language. */
export async function registerMeRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['people'], summary: 'Who is signed in, with their roles', response: { 200: meSchema, 401: errorResponseSchema } },
    },
    async (request) => describeActor(ctx(request)),
  );

  // The web app asks on every page, public ones too: nobody signed in is an answer there, not a failure.
  app.get(
    '/session',
    {
      config: { access: 'public' },
      schema: { tags: ['people'], summary: 'Who is signed in, if anyone (null for a visitor)', response: { 200: sessionSchema } },
    },
    async (request) => ({ me: request.actor.isSignedIn ? await describeActor(ctx(request)) : null }),
  );

  app.patch(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['people'], summary: 'Change my name or language', body: updateMeBodySchema, response: { 200: meSchema } },
    },
    async (request) => {
      await updateMe(ctx(request), request.body);
      return describeActor({ ...ctx(request), actor: await actorOfUser(deps.db, request.actor.userId) });
    },
  );
}

/** People, their roles and the scopes roles are granted on (network admins). */
export async function registerPersonRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/people',
    access: admins,
    tags: ['people'],
    summary: 'People with their roles',
    querystring: peopleQuerySchema,
    item: personSchema,
    list: peopleList,
  });

  app.get(
    '/people/:id',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'One person (the read is audited)',
        params: personParams,
        response: { 200: personSchema, 404: errorResponseSchema },
      },
    },
    async (request) => viewPerson(ctx(request), request.params.id),
  );

  app.patch(
    '/people/:id',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'Rename, disable or enable a person',
        params: personParams,
        body: updatePersonBodySchema,
        response: { 200: personSchema },
      },
    },
    async (request) => updatePerson(ctx(request), { id: request.params.id, changes: request.body }),
  );

  app.post(
    '/people/:id/grants',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'Give a person a role on a scope',
        params: personParams,
        body: grantRoleBodySchema,
        response: { 200: personSchema },
      },
    },
    async (request) => grantPersonRole(ctx(request), { userId: request.params.id, grant: request.body }),
  );

  app.delete(
    '/people/:id/grants/:grantId',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'Take a role away',
        params: personParams.extend({ grantId: z.uuid() }),
        response: { 200: personSchema },
      },
    },
    async (request) => revokeGrant(ctx(request), { userId: request.params.id, grantId: request.params.grantId }),
  );

  app.get(
    '/scopes',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'What a role can be granted on (parks, companies; partners and merchants with their modules)',
        querystring: z.object({ type: scopeTypeSchema }),
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })) },
      },
    },
    async (request) => scopeResolver(request.query.type)?.choices(ctx(request)) ?? [],
  );
}

/** Invitations by e-mail: sent and revoked by network admins, previewed and accepted by the person invited. */
export async function registerInvitationRoutes(app: App, deps: Deps) {
  // Per invitation as well as per address: a token tried from many addresses is still limited.
  const invitationAttempts = createAttemptLimiter({ max: deps.config.loginRateLimit });
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/invitations',
    access: admins,
    tags: ['people'],
    summary: 'Invitations',
    querystring: invitationsQuerySchema,
    item: invitationSchema,
    list: invitationList,
  });

  app.post(
    '/invitations',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'Invite someone by e-mail with a role',
        body: createInvitationBodySchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const invitation = await createInvitation(ctx(request), request.body);
      return reply.status(201).send(invitation);
    },
  );

  app.delete(
    '/invitations/:id',
    {
      config: { access: admins },
      schema: { tags: ['people'], summary: 'Revoke a pending invitation', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeInvitation(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  registerInvitationAcceptanceRoutes(app, deps, invitationAttempts);
}

/** The invitee's side: what the link is for, and accepting it (a new account, or the account the address has). */
function registerInvitationAcceptanceRoutes(app: App, deps: Deps, invitationAttempts: ReturnType<typeof createAttemptLimiter>) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);
  app.get(
    '/invitations/preview',
    {
      config: { access: 'public' },
      schema: {
        tags: ['people'],
        summary: 'What an invitation link is for',
        querystring: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: invitationPreviewSchema, 400: errorResponseSchema },
      },
    },
    async (request) => previewInvitation(ctx(request), request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['people'],
        summary: 'Accept an invitation: creates the account and signs in',
        body: acceptInvitationBodySchema,
        response: { 201: meSchema, 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      invitationAttempts.attempt(request.body.token);
      const { userId, email } = await acceptInvitation(ctx(request), request.body);
      const result = await deps.auth.api.signInEmail({
        body: { email, password: request.body.password },
        headers: requestHeaders(request),
        returnHeaders: true,
      });
      const cookies = result.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.status(201).send(await describeActor({ ...ctx(request), actor: await actorOfUser(deps.db, userId) }));
    },
  );

  app.post(
    '/invitations/join',
    {
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['people'],
        summary: 'Accept an invitation with the account the address already has (its password); signs in',
        body: joinInvitationBodySchema,
        response: { 200: meSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      invitationAttempts.attempt(request.body.token);
      const email = await invitationEmail(ctx(request), request.body.token);
      const result = await deps.auth.api
        .signInEmail({ body: { email, password: request.body.password }, headers: requestHeaders(request), returnHeaders: true })
        .catch(() => {
          throw new AppError('invalid_credentials');
        });
      const userId = result.response.user.id;
      await joinInvitation(ctx(request), { token: request.body.token, userId });
      forwardCookies(result.headers, reply);
      return describeActor({ ...ctx(request), actor: await actorOfUser(deps.db, userId) });
    },
  );
}
