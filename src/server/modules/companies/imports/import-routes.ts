import {
  companyImportSchema,
  companyImportSummarySchema,
  companyImportsQuerySchema,
  createCompanyImportBodySchema,
  importProblemSchema,
  importProblemsQuerySchema,
} from '../../../../contracts/company-imports.js';
import { uploadBodyLimit } from '../../../../contracts/files.js';
import { errorResponseSchema, exportQuerySchema, idParamsSchema } from '../../../../contracts/lists.js';
import { sendStoredFile } from '../../../platform/files/service.js';
import { type App, type Deps, sendAttachment, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { companyStaff } from '../access.js';
import { confirmCompanyImport, createCompanyImport, getCompanyImport, importFile } from './import-service.js';
import { companyImportTemplate } from './import-template.js';
import { importList, importProblemList } from './imports-list.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['company imports'];

/** Imports of existing companies, for park staff: the template, sending a file, following and confirming it, past imports. */
export async function registerImportRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  app.get(
    '/companies/import-template',
    {
      config: { access: companyStaff },
      schema: { tags, summary: 'The file to fill in: headers in the reader language and an example row', querystring: exportQuerySchema },
    },
    async (request, reply) => {
      const template = await companyImportTemplate(ctx(request), request.query.format);
      return sendAttachment(reply, template);
    },
  );

  app.post(
    '/companies/imports',
    {
      config: { access: companyStaff },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'Send a CSV or XLSX file of existing companies; it is checked in the background',
        body: createCompanyImportBodySchema,
        response: { 201: companyImportSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCompanyImport(ctx(request), request.body)),
  );

  registerList(app, deps, {
    path: '/companies/imports',
    access: companyStaff,
    tags,
    summary: 'Past imports (all for network admins, their own for park managers)',
    querystring: companyImportsQuerySchema,
    item: companyImportSummarySchema,
    list: importList,
  });

  app.get(
    '/companies/imports/:id',
    {
      config: { access: companyStaff },
      schema: {
        tags,
        summary: 'An import: status, progress, problems and a preview of the rows as understood',
        params: idParamsSchema,
        response: { 200: companyImportSchema, ...errors },
      },
    },
    async (request) => getCompanyImport(ctx(request), request.params.id),
  );

  app.post(
    '/companies/imports/:id/confirm',
    {
      config: { access: companyStaff },
      schema: {
        tags,
        summary: 'Import the checked rows, all at once or not at all (in the background)',
        params: idParamsSchema,
        response: { 200: companyImportSchema, ...errors },
      },
    },
    async (request) => confirmCompanyImport(ctx(request), request.params.id),
  );

  registerList(app, deps, {
    path: '/companies/imports/:id/problems',
    access: companyStaff,
    tags,
    summary: "An import's problems in file order, in the reader language",
    params: idParamsSchema,
    querystring: importProblemsQuerySchema,
    item: importProblemSchema,
    list: importProblemList,
  });

  app.get(
    '/companies/imports/:id/file',
    {
      config: { access: companyStaff },
      schema: { tags, summary: 'The file that was sent', params: idParamsSchema },
    },
    async (request, reply) => sendStoredFile(reply, await importFile(ctx(request), request.params.id)),
  );
}
