import { z } from 'zod';
import {
  companyInvitationParamsSchema,
  companyInvitationSchema,
  companyMemberSchema,
  companyMembersQuerySchema,
  companyParamsSchema,
  inviteMemberBodySchema,
  inviteMemberResultSchema,
  memberParamsSchema,
  updateMemberBodySchema,
} from '../../../../contracts/companies.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { companyEditors } from '../access.js';
import { memberList } from './members-list.js';
import {
  changeCompanyMemberRole,
  inviteCompanyMember,
  listCompanyInvitations,
  removeCompanyMember,
  withdrawCompanyInvitation,
} from './members-service.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['companies'];

/** A company's members and invitations: for its company admins and its park's staff (the service checks which company). */
export async function registerMemberRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/companies/:id/members',
    access: companyEditors,
    tags,
    summary: 'The members of a company with their e-mails and roles (company admins and park staff; every read is logged)',
    params: companyParamsSchema,
    querystring: companyMembersQuerySchema,
    item: companyMemberSchema,
    list: memberList,
  });

  app.post(
    '/companies/:id/members',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Add a person by e-mail: an invitation when they have no account, the role at once when they have one',
        params: companyParamsSchema,
        body: inviteMemberBodySchema,
        response: { 201: inviteMemberResultSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteCompanyMember(ctx(request), { companyId: request.params.id, invitation: request.body })),
  );

  app.patch(
    '/companies/:id/members/:userId',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: "Change a member's role (a company keeps at least one admin)",
        params: memberParamsSchema,
        body: updateMemberBodySchema,
        response: { 200: companyMemberSchema, ...errors },
      },
    },
    async (request) =>
      changeCompanyMemberRole(ctx(request), { companyId: request.params.id, userId: request.params.userId, role: request.body.role }),
  );

  app.delete(
    '/companies/:id/members/:userId',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Take a person out of a company (a company keeps at least one admin)',
        params: memberParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeCompanyMember(ctx(request), { companyId: request.params.id, userId: request.params.userId });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/companies/:id/invitations',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Invitations to the company still waiting for an answer',
        params: companyParamsSchema,
        response: { 200: z.array(companyInvitationSchema), ...errors },
      },
    },
    async (request) => listCompanyInvitations(ctx(request), request.params.id),
  );

  app.delete(
    '/companies/:id/invitations/:invitationId',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation to the company',
        params: companyInvitationParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawCompanyInvitation(ctx(request), { companyId: request.params.id, invitationId: request.params.invitationId });
      return reply.status(204).send(null);
    },
  );
}
