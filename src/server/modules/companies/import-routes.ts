import {
  companyImportSchema,
  companyImportsPageSchema,
  companyImportsQuerySchema,
  createCompanyImportBodySchema,
} from '../../../contracts/company-imports.js';
import { uploadBodyLimit } from '../../../contracts/files.js';
import { errorResponseSchema, exportQuerySchema, idParamsSchema } from '../../../contracts/lists.js';
import type { Role } from '../../../contracts/roles.js';
import { formatInstant } from '../../../shared/calendar.js';
import { sendTable } from '../../platform/export.js';
import { sendStoredFile } from '../../platform/files/service.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import {
  confirmCompanyImport,
  createCompanyImport,
  getCompanyImport,
  importFile,
  listAllCompanyImports,
  listCompanyImports,
  listImportProblems,
} from './import-service.js';
import { companyImportTemplate } from './import-template.js';

const importers: readonly Role[] = ['network_admin', 'park_manager'];
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['company imports'];

export async function registerCompanyImportRoutes(app: App, deps: Deps) {
  app.get(
    '/companies/import-template',
    {
      config: { access: importers },
      schema: { tags, summary: 'The file to fill in: headers in the reader language and an example row', querystring: exportQuerySchema },
    },
    async (request, reply) => {
      const template = await companyImportTemplate(deps.db, request.actor, request.locale, request.query.format);
      return reply
        .header('content-disposition', `attachment; filename="${template.filename}"`)
        .type(template.contentType)
        .send(template.body);
    },
  );

  app.post(
    '/companies/imports',
    {
      config: { access: importers },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'Send a CSV or XLSX file of existing companies; it is checked in the background',
        body: createCompanyImportBodySchema,
        response: { 201: companyImportSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCompanyImport(serviceContext(deps, request), deps.jobs, request.body)),
  );

  app.get(
    '/companies/imports',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Past imports (all for network admins, their own for park managers)',
        querystring: companyImportsQuerySchema,
        response: { 200: companyImportsPageSchema },
      },
    },
    async (request) => listCompanyImports(serviceContext(deps, request), request.query),
  );

  app.get(
    '/companies/imports/export',
    {
      config: { access: importers },
      schema: { tags, summary: 'Past imports as CSV or XLSX', querystring: companyImportsQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await listAllCompanyImports(serviceContext(deps, request), request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'company-imports',
        locale,
        rows,
        columns: [
          { header: 'export.import.createdAt', value: (row) => formatInstant(row.createdAt, locale) },
          { header: 'export.import.createdBy', value: (row) => row.createdBy?.name },
          { header: 'export.import.fileName', value: (row) => row.fileName },
          { header: 'export.import.park', value: (row) => row.park?.name },
          { header: 'export.import.status', value: (row) => translate(locale, `import.status.${row.status}`) },
          { header: 'export.import.totalRows', value: (row) => row.totalRows },
          { header: 'export.import.importedRows', value: (row) => row.importedRows },
          { header: 'export.import.invalidRows', value: (row) => row.invalidRows },
        ],
      });
    },
  );

  app.get(
    '/companies/imports/:id',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'An import: status, progress, problems and a preview of the rows as understood',
        params: idParamsSchema,
        response: { 200: companyImportSchema, ...errors },
      },
    },
    async (request) => getCompanyImport(serviceContext(deps, request), request.params.id),
  );

  app.post(
    '/companies/imports/:id/confirm',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Import the checked rows, all at once or not at all (in the background)',
        params: idParamsSchema,
        response: { 200: companyImportSchema, ...errors },
      },
    },
    async (request) => confirmCompanyImport(serviceContext(deps, request), deps.jobs, request.params.id),
  );

  app.get(
    '/companies/imports/:id/problems/export',
    {
      config: { access: importers },
      schema: { tags, summary: "An import's problems as CSV or XLSX", params: idParamsSchema, querystring: exportQuerySchema },
    },
    async (request, reply) => {
      const rows = await listImportProblems(serviceContext(deps, request), request.params.id);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'import-problems',
        locale: request.locale,
        rows,
        columns: [
          { header: 'export.import.row', value: (row) => row.row || null },
          { header: 'export.import.column', value: (row) => row.column },
          { header: 'export.import.problem', value: (row) => row.message },
        ],
      });
    },
  );

  app.get(
    '/companies/imports/:id/file',
    {
      config: { access: importers },
      schema: { tags, summary: 'The file that was sent', params: idParamsSchema },
    },
    async (request, reply) => sendStoredFile(reply, await importFile(serviceContext(deps, request), request.params.id)),
  );
}
