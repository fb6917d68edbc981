import { z } from 'zod';
import {
  companiesPageSchema,
  companiesQuerySchema,
  companyDetailSchema,
  companyInvitationParamsSchema,
  companyInvitationSchema,
  companyMemberSchema,
  companyMembersPageSchema,
  companyMembersQuerySchema,
  companyParamsSchema,
  createCompanyBodySchema,
  inviteMemberBodySchema,
  inviteMemberResultSchema,
  logoUploadBodySchema,
  memberParamsSchema,
  statusEventSchema,
  transitionBodySchema,
  updateCompanyBodySchema,
  updateMemberBodySchema,
} from '../../../contracts/companies.js';
import { uploadBodyLimit } from '../../../contracts/files.js';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import type { Role } from '../../../contracts/roles.js';
import { sendTable } from '../../platform/export.js';
import { sendStoredFile } from '../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import {
  changeCompanyMemberRole,
  inviteCompanyMember,
  listCompanyInvitations,
  listCompanyMembers,
  removeCompanyMember,
  withdrawCompanyInvitation,
} from './members-service.js';
import {
  createCompany,
  getCompany,
  getCompanyHistory,
  getCompanyLogo,
  listCompanies,
  recordCompanyTransition,
  removeCompanyLogo,
  replaceCompanyLogo,
  updateCompany,
} from './service.js';

/** Who reaches company routes at all; which company each may see or change is decided in the service. */
const readers: readonly Role[] = ['network_admin', 'park_manager', 'program_officer', 'company_admin', 'company_member'];
const staff: readonly Role[] = ['network_admin', 'park_manager'];
const editors: readonly Role[] = ['network_admin', 'park_manager', 'company_admin'];
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['companies'];

export async function registerCompanyRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const mail = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };

  app.get(
    '/companies',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The companies the caller may see (their parks, their own company, or all for admins and program officers)',
        querystring: companiesQuerySchema,
        response: { 200: companiesPageSchema },
      },
    },
    async (request) => listCompanies(db, request.actor, request.locale, request.query),
  );

  app.get(
    '/companies/export',
    {
      config: { access: readers },
      schema: { tags, summary: 'The same companies as CSV or XLSX', querystring: companiesQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const locale = request.locale;
      const { items } = await listCompanies(db, request.actor, locale, request.query, 10000);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'companies',
        locale,
        rows: items,
        columns: [
          { header: 'export.company.legalName', value: (company) => company.legalName },
          { header: 'export.company.brandName', value: (company) => company.brandName },
          { header: 'export.company.ice', value: (company) => company.ice },
          {
            header: 'export.company.legalForm',
            value: (company) => company.legalForm && translate(locale, `legalForm.${company.legalForm}`),
          },
          { header: 'export.company.stage', value: (company) => translate(locale, `companyStage.${company.stage}`) },
          { header: 'export.company.sectors', value: (company) => company.sectors.join(', ') },
          { header: 'export.company.park', value: (company) => company.parkName },
          { header: 'export.company.status', value: (company) => translate(locale, `lifecycle.${company.status}`) },
          { header: 'export.company.statusDate', value: (company) => company.statusDate },
          { header: 'export.company.creationDate', value: (company) => company.creationDate },
        ],
      });
    },
  );

  app.post(
    '/companies',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Add a company with its first status (network admins; park managers in their parks)',
        body: createCompanyBodySchema,
        response: { 201: companyDetailSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCompany(serviceContext(deps, request), request.body)),
  );

  app.get(
    '/companies/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A company: profile, current status and history, and what the caller may do with it',
        params: companyParamsSchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => getCompany(serviceContext(deps, request), request.params.id),
  );

  app.patch(
    '/companies/:id',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Edit a company's profile (its park's staff and its company admins; another park: staff of both)",
        params: companyParamsSchema,
        body: updateCompanyBodySchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => updateCompany(serviceContext(deps, request), request.params.id, request.body),
  );

  app.get(
    '/companies/:id/logo',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "A company's logo",
        params: companyParamsSchema,
        querystring: z.object({ v: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => sendStoredFile(reply, await getCompanyLogo(serviceContext(deps, request), request.params.id)),
  );

  app.put(
    '/companies/:id/logo',
    {
      bodyLimit: uploadBodyLimit,
      config: { access: editors },
      schema: {
        tags,
        summary: 'Put a logo (PNG, JPEG or WebP, checked by content; 1 MB at most)',
        params: companyParamsSchema,
        body: logoUploadBodySchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => replaceCompanyLogo(serviceContext(deps, request), request.params.id, request.body.file),
  );

  app.delete(
    '/companies/:id/logo',
    {
      config: { access: editors },
      schema: { tags, summary: 'Remove the logo', params: companyParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await removeCompanyLogo(serviceContext(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/companies/:id/history',
    {
      config: { access: readers },
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
      config: { access: staff },
      schema: {
        tags,
        summary: 'Record a change of status with its date and reason (park staff)',
        params: companyParamsSchema,
        body: transitionBodySchema,
        response: { 201: statusEventSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCompanyTransition(serviceContext(deps, request), request.params.id, request.body)),
  );

  app.get(
    '/companies/:id/members',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'The members of a company with their e-mails and roles (company admins and park staff; the read is logged)',
        params: companyParamsSchema,
        querystring: companyMembersQuerySchema,
        response: { 200: companyMembersPageSchema, ...errors },
      },
    },
    async (request) => listCompanyMembers(serviceContext(deps, request), request.params.id, request.query),
  );

  app.get(
    '/companies/:id/members/export',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'The members of a company as CSV or XLSX (the export is logged)',
        params: companyParamsSchema,
        querystring: companyMembersQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const { items } = await listCompanyMembers(serviceContext(deps, request), request.params.id, request.query, 10000);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'company-members',
        locale,
        rows: items,
        columns: [
          { header: 'export.member.name', value: (member) => member.name },
          { header: 'export.member.email', value: (member) => member.email },
          { header: 'export.member.role', value: (member) => translate(locale, `role.${member.role}`) },
          { header: 'export.member.since', value: (member) => member.since.slice(0, 10) },
        ],
      });
    },
  );

  app.post(
    '/companies/:id/members',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add a person by e-mail: an invitation when they have no account, the role at once when they have one',
        params: companyParamsSchema,
        body: inviteMemberBodySchema,
        response: { 201: inviteMemberResultSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteCompanyMember(serviceContext(deps, request), mail, request.params.id, request.body)),
  );

  app.patch(
    '/companies/:id/members/:userId',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Change a member's role (a company keeps at least one admin)",
        params: memberParamsSchema,
        body: updateMemberBodySchema,
        response: { 200: companyMemberSchema, ...errors },
      },
    },
    async (request) => changeCompanyMemberRole(serviceContext(deps, request), request.params.id, request.params.userId, request.body.role),
  );

  app.delete(
    '/companies/:id/members/:userId',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Take a person out of a company (a company keeps at least one admin)',
        params: memberParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeCompanyMember(serviceContext(deps, request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/companies/:id/invitations',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Invitations to the company still waiting for an answer',
        params: companyParamsSchema,
        response: { 200: z.array(companyInvitationSchema), ...errors },
      },
    },
    async (request) => listCompanyInvitations(serviceContext(deps, request), request.params.id),
  );

  app.delete(
    '/companies/:id/invitations/:invitationId',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation to the company',
        params: companyInvitationParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawCompanyInvitation(serviceContext(deps, request), request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
}
