import {
  companyReportParamsSchema,
  companyReportSchema,
  companyReportsQuerySchema,
  companyReportsSummarySchema,
  correctReportBodySchema,
  fileReportBodySchema,
} from '../../../../contracts/company-reports.js';
import { errorResponseSchema, idParamsSchema } from '../../../../contracts/lists.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { companyEditors, reportReaders } from '../access.js';
import { companyReportsSummary, correctCompanyReport, fileCompanyReport, getCompanyReport } from './report-service.js';
import { reportList } from './reports-list.js';

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const tags = ['company reports'];

/** A company's reports: read, filed, corrected. */
export async function registerReportRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/companies/:id/reports',
    access: reportReaders,
    tags,
    summary: "A company's reports: every version, the latest of each period marked",
    params: idParamsSchema,
    querystring: companyReportsQuerySchema,
    item: companyReportSchema,
    list: reportList,
  });

  app.get(
    '/companies/:id/reports/summary',
    {
      config: { access: reportReaders },
      schema: {
        tags,
        summary: 'The years a company may report on and its reported headcount over time',
        params: idParamsSchema,
        response: { 200: companyReportsSummarySchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => companyReportsSummary(ctx(request), request.params.id),
  );

  app.get(
    '/companies/:id/reports/:reportId',
    {
      config: { access: reportReaders },
      schema: {
        tags,
        summary: 'One version of a report',
        params: companyReportParamsSchema,
        response: { 200: companyReportSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getCompanyReport(ctx(request), { companyId: request.params.id, reportId: request.params.reportId }),
  );

  app.post(
    '/companies/:id/reports',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'File the report of a period (its admin, or park staff for a company reporting on paper)',
        params: idParamsSchema,
        body: fileReportBodySchema,
        response: { 201: companyReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileCompanyReport(ctx(request), { companyId: request.params.id, report: request.body })),
  );

  app.post(
    '/companies/:id/reports/:reportId/corrections',
    {
      config: { access: companyEditors },
      schema: {
        tags,
        summary: 'Correct a report: a new version of its period; the corrected one stays unchanged',
        params: companyReportParamsSchema,
        body: correctReportBodySchema,
        response: { 201: companyReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await correctCompanyReport(ctx(request), {
          companyId: request.params.id,
          reportId: request.params.reportId,
          correction: request.body,
        }),
      ),
  );
}
