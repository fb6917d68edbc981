import { z } from 'zod';
import {
  companiesQuerySchema,
  companyDetailSchema,
  companyListItemSchema,
  companyParamsSchema,
  createCompanyBodySchema,
  logoUploadBodySchema,
  updateCompanyBodySchema,
} from '../../../../contracts/companies.js';
import { uploadBodyLimit } from '../../../../contracts/files.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { sendStoredFile } from '../../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { companyEditors, companyReaders, companyStaff } from '../access.js';
import { companyList } from './companies-list.js';
import { getCompanyLogo, removeCompanyLogo, replaceCompanyLogo } from './logo-service.js';
import { createCompany, getCompany, updateCompany } from './profile-service.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['companies'];

export async function registerProfileRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/companies',
    access: companyReaders,
    tags,
    summary: 'The companies the caller may see (their parks, their own company, or all for admins and program officers)',
    querystring: companiesQuerySchema,
    item: companyListItemSchema,
    list: companyList,
  });

  app.post(
    '/companies',
    {
      config: { access: companyStaff },
      schema: {
        tags,
        summary: 'Add a company with its first status (network admins; park managers in their parks)',
        body: createCompanyBodySchema,
        response: { 201: companyDetailSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCompany(ctx(request), request.body)),
  );

  app.get(
    '/companies/:id',
    {
      config: { access: companyReaders },
      schema: {
        tags,
        summary: 'A company: profile, current status and history, and what the caller may do with it',
        params: companyParamsSchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => getCompany(ctx(request), request.params.id),
  );

  app.patch(
    '/companies/:id',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: "Edit a company's profile (its park's staff and its company admins; another park: staff of both)",
        params: companyParamsSchema,
        body: updateCompanyBodySchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => updateCompany(ctx(request), { companyId: request.params.id, changes: request.body }),
  );

  app.get(
    '/companies/:id/logo',
    {
      config: { access: companyReaders },
      schema: {
        tags,
        summary: "A company's logo",
        params: companyParamsSchema,
        querystring: z.object({ v: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => sendStoredFile(reply, await getCompanyLogo(ctx(request), request.params.id)),
  );

  app.put(
    '/companies/:id/logo',
    {
      bodyLimit: uploadBodyLimit,
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Put a logo (PNG, JPEG or WebP, checked by content; 1 MB at most)',
        params: companyParamsSchema,
        body: logoUploadBodySchema,
        response: { 200: companyDetailSchema, ...errors },
      },
    },
    async (request) => replaceCompanyLogo(ctx(request), { companyId: request.params.id, upload: request.body.file }),
  );

  app.delete(
    '/companies/:id/logo',
    {
      config: { access: companyEditors },
      schema: { tags, summary: 'Remove the logo', params: companyParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await removeCompanyLogo(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
