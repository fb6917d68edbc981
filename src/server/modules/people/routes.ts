import { z } from 'zod';
import { meSchema, updateMeBodySchema } from '../../../contracts/auth.js';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  grantRoleBodySchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationsPageSchema,
  invitationsQuerySchema,
  peoplePageSchema,
  peopleQuerySchema,
  personSchema,
  updatePersonBodySchema,
} from '../../../contracts/people.js';
import { scopeTypeSchema } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/service.js';
import { actorOfUser, requestHeaders } from '../../platform/auth/session.js';
import { sendTable } from '../../platform/export.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import { listCompanyScopes } from '../companies/names.js';
import { listParkScopes } from '../parks/service.js';
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from './invitations.js';
import { describeMe, grantRole, listPeople, revokeGrant, updateMe, updatePerson, viewPerson } from './service.js';

const personParams = z.object({ id: z.string().min(1).max(64) });
const admins = ['network_admin'] as const;

export async function registerPeopleRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['people'], summary: 'Who is signed in, with their roles', response: { 200: meSchema, 401: errorResponseSchema } },
    },
    async (request) => describeMe(db, request.actor, request.locale),
  );

  app.patch(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['people'], summary: 'Change my name or language', body: updateMeBodySchema, response: { 200: meSchema } },
    },
    async (request) => {
      await updateMe(serviceContext(deps, request), request.body);
      return describeMe(db, await actorOfUser(db, request.actor.userId), request.locale);
    },
  );

  app.get(
    '/people',
    {
      config: { access: admins },
      schema: { tags: ['people'], summary: 'People with their roles', querystring: peopleQuerySchema, response: { 200: peoplePageSchema } },
    },
    async (request) => listPeople(db, request.locale, request.query),
  );

  app.get(
    '/people/export',
    {
      config: { access: admins },
      schema: { tags: ['people'], summary: 'People as CSV or XLSX', querystring: peopleQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const { items } = await listPeople(db, request.locale, request.query, 10000);
      await recordAudit(db, request.actor, {
        action: 'people.export',
        entityType: 'user',
        entityId: '*',
        after: { count: items.length, filters: request.query },
      });
      const locale = request.locale;
      return sendTable(reply, {
        format: request.query.format,
        filename: 'people',
        locale,
        rows: items,
        columns: [
          { header: 'export.user.name', value: (person) => person.name },
          { header: 'export.user.email', value: (person) => person.email },
          {
            header: 'export.user.roles',
            value: (person) =>
              person.grants
                .map((grant) => translate(locale, `role.${grant.role}`) + (grant.scopeName ? ` (${grant.scopeName})` : ''))
                .join('; '),
          },
          { header: 'export.user.status', value: (person) => translate(locale, person.disabled ? 'value.disabled' : 'value.active') },
          { header: 'export.user.createdAt', value: (person) => person.createdAt.slice(0, 10) },
        ],
      });
    },
  );

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
    async (request) => viewPerson(serviceContext(deps, request), request.params.id),
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
    async (request) => updatePerson(serviceContext(deps, request), request.params.id, request.body),
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
    async (request) => grantRole(serviceContext(deps, request), request.params.id, request.body),
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
    async (request) => revokeGrant(serviceContext(deps, request), request.params.id, request.params.grantId),
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
    async (request) => {
      if (request.query.type === 'park') return listParkScopes(db, request.locale);
      if (request.query.type === 'company') return listCompanyScopes(db);
      return [];
    },
  );

  app.get(
    '/invitations',
    {
      config: { access: admins },
      schema: { tags: ['people'], summary: 'Invitations', querystring: invitationsQuerySchema, response: { 200: invitationsPageSchema } },
    },
    async (request) => listInvitations(serviceContext(deps, request), request.query),
  );

  app.get(
    '/invitations/export',
    {
      config: { access: admins },
      schema: {
        tags: ['people'],
        summary: 'Invitations as CSV or XLSX',
        querystring: invitationsQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const { items } = await listInvitations(serviceContext(deps, request), request.query, 10000);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'invitations',
        locale,
        rows: items,
        columns: [
          { header: 'export.user.name', value: (invitation) => invitation.name },
          { header: 'export.user.email', value: (invitation) => invitation.email },
          {
            header: 'export.user.roles',
            value: (invitation) =>
              translate(locale, `role.${invitation.role}`) + (invitation.scopeName ? ` (${invitation.scopeName})` : ''),
          },
          { header: 'export.user.status', value: (invitation) => translate(locale, `invitation.${invitation.status}`) },
          { header: 'export.invitation.expiresAt', value: (invitation) => invitation.expiresAt.slice(0, 10) },
        ],
      });
    },
  );

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
      const invitation = await createInvitation(serviceContext(deps, request), deps.mailer, deps.config.publicUrl, request.body);
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
      await revokeInvitation(serviceContext(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

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
    async (request) => previewInvitation(serviceContext(deps, request), request.query.token),
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
      const { userId, email } = await acceptInvitation(serviceContext(deps, request), request.body);
      const result = await deps.auth.api.signInEmail({
        body: { email, password: request.body.password },
        headers: requestHeaders(request),
        returnHeaders: true,
      });
      const cookies = result.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.status(201).send(await describeMe(db, await actorOfUser(db, userId), request.locale));
    },
  );
}
