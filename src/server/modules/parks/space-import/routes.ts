import { uploadBodyLimit } from '../../../../contracts/files.js';
import { errorResponseSchema, exportQuerySchema } from '../../../../contracts/lists.js';
import { parkParamsSchema } from '../../../../contracts/parks.js';
import { spaceImportBodySchema, spaceImportPreviewSchema, spaceImportResultSchema } from '../../../../contracts/space-imports.js';
import { type App, type Deps, sendAttachment, serviceContext } from '../../../platform/http.js';
import { previewSpaceImport, runSpaceImport, spaceImportTemplate } from './service.js';

const managers = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ['parks'];

/** A park's buildings, floors and spaces from a sheet: the template, the preview, the import (all rows or none). */
export async function registerSpaceImportRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  app.get(
    '/parks/:park/space-import-template',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'The sheet of spaces to fill in, headers in the reader language',
        params: parkParamsSchema,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const template = await spaceImportTemplate(ctx(request), request.query.format);
      return sendAttachment(reply, template);
    },
  );

  app.post(
    '/parks/:park/space-imports/preview',
    {
      config: { access: managers },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'Check a sheet of spaces: what it would create, every problem by row and column; writes nothing',
        params: parkParamsSchema,
        body: spaceImportBodySchema,
        response: { 200: spaceImportPreviewSchema, ...errors },
      },
    },
    async (request) => previewSpaceImport(ctx(request), { park: request.params.park, body: request.body }),
  );

  app.post(
    '/parks/:park/space-imports',
    {
      config: { access: managers },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'Import a sheet of spaces, creating missing buildings and floors: every row or none',
        params: parkParamsSchema,
        body: spaceImportBodySchema,
        response: { 201: spaceImportResultSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await runSpaceImport(ctx(request), { park: request.params.park, body: request.body })),
  );
}
