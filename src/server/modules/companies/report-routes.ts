import {
  type CompanyReport,
  companyReportParamsSchema,
  companyReportSchema,
  companyReportsPageSchema,
  companyReportsQuerySchema,
  companyReportsSummarySchema,
  correctReportBodySchema,
  fileReportBodySchema,
  remindersResultSchema,
  reportingStatusPageSchema,
  reportingStatusQuerySchema,
  sendRemindersBodySchema,
} from '../../../contracts/company-reports.js';
import { errorResponseSchema, exportQuerySchema, idParamsSchema } from '../../../contracts/lists.js';
import { parkTimeZone } from '../../../shared/calendar.js';
import { countryName } from '../../../shared/countries.js';
import type { Locale } from '../../../shared/locales.js';
import { sendTable } from '../../platform/export.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import {
  companyReportsSummary,
  correctCompanyReport,
  fileCompanyReport,
  getCompanyReport,
  listAllCompanyReports,
  listCompanyReports,
} from './report-service.js';
import { listAllReportingStatus, listReportingStatus, sendReportReminders } from './report-status-service.js';

/** Who may open a company's reports; the service then checks this company (SPEC §2). */
const readers = ['network_admin', 'park_manager', 'program_officer', 'company_admin'] as const;
const filers = ['network_admin', 'park_manager', 'company_admin'] as const;
const staff = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const tags = ['company reports'];

const mad = (centimes: number) => (centimes / 100).toFixed(2);
/** An instant as a local date and time of the park (yyyy-mm-dd hh:mm), which spreadsheets read as such. */
const localTime = (instant: string | null) =>
  instant
    ? new Intl.DateTimeFormat('sv-SE', { timeZone: parkTimeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant))
    : null;

function reportColumns(locale: Locale) {
  return [
    { header: 'export.report.year' as const, value: (report: CompanyReport) => report.year },
    { header: 'export.report.quarter' as const, value: (report: CompanyReport) => (report.quarter === null ? '' : `Q${report.quarter}`) },
    { header: 'export.report.version' as const, value: (report: CompanyReport) => report.version },
    { header: 'export.report.latest' as const, value: (report: CompanyReport) => report.latest },
    { header: 'export.report.employees' as const, value: (report: CompanyReport) => report.employees },
    { header: 'export.report.interns' as const, value: (report: CompanyReport) => report.interns },
    { header: 'export.report.founders' as const, value: (report: CompanyReport) => report.founders },
    {
      header: 'export.report.revenueBand' as const,
      value: (report: CompanyReport) => translate(locale, `report.revenueBand.${report.revenueBand}`),
    },
    { header: 'export.report.exports' as const, value: (report: CompanyReport) => report.exports },
    {
      header: 'export.report.exportCountries' as const,
      value: (report: CompanyReport) => report.exportCountries.map((code) => countryName(code, locale)).join(', '),
    },
    { header: 'export.report.exportSharePercent' as const, value: (report: CompanyReport) => report.exportSharePercent },
    { header: 'export.report.fundingTotal' as const, value: (report: CompanyReport) => mad(report.fundingTotalCentimes) },
    {
      header: 'export.report.fundings' as const,
      value: (report: CompanyReport) =>
        report.fundings
          .map(
            (funding) =>
              `${mad(funding.amountCentimes)} MAD · ${translate(locale, `report.fundingType.${funding.type}`)} · ${funding.source}`,
          )
          .join('; '),
    },
    { header: 'export.report.ipFiled' as const, value: (report: CompanyReport) => report.ipFiled },
    { header: 'export.report.productsLaunched' as const, value: (report: CompanyReport) => report.productsLaunched },
    { header: 'export.report.comment' as const, value: (report: CompanyReport) => report.comment },
    { header: 'export.report.submittedBy' as const, value: (report: CompanyReport) => report.submittedBy?.name ?? '' },
    { header: 'export.report.onBehalf' as const, value: (report: CompanyReport) => report.onBehalf },
    { header: 'export.report.submittedAt' as const, value: (report: CompanyReport) => localTime(report.submittedAt) },
  ];
}

export async function registerCompanyReportRoutes(app: App, deps: Deps) {
  app.get(
    '/companies/:id/reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "A company's reports: every version, the latest of each period marked",
        params: idParamsSchema,
        querystring: companyReportsQuerySchema,
        response: { 200: companyReportsPageSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => listCompanyReports(serviceContext(deps, request), request.params.id, request.query),
  );

  app.get(
    '/companies/:id/reports/export',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "A company's reports as CSV or XLSX",
        params: idParamsSchema,
        querystring: companyReportsQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const rows = await listAllCompanyReports(serviceContext(deps, request), request.params.id, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'company-reports',
        locale: request.locale,
        rows,
        columns: reportColumns(request.locale),
      });
    },
  );

  app.get(
    '/companies/:id/reports/summary',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The years a company may report on and its reported headcount over time',
        params: idParamsSchema,
        response: { 200: companyReportsSummarySchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => companyReportsSummary(serviceContext(deps, request), request.params.id),
  );

  app.get(
    '/companies/:id/reports/:reportId',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One version of a report',
        params: companyReportParamsSchema,
        response: { 200: companyReportSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getCompanyReport(serviceContext(deps, request), request.params.id, request.params.reportId),
  );

  app.post(
    '/companies/:id/reports',
    {
      config: { access: filers },
      schema: {
        tags,
        summary: 'File the report of a period (its admin, or park staff for a company reporting on paper)',
        params: idParamsSchema,
        body: fileReportBodySchema,
        response: { 201: companyReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileCompanyReport(serviceContext(deps, request), request.params.id, request.body)),
  );

  app.post(
    '/companies/:id/reports/:reportId/corrections',
    {
      config: { access: filers },
      schema: {
        tags,
        summary: 'Correct a report: a new version of its period; the corrected one stays unchanged',
        params: companyReportParamsSchema,
        body: correctReportBodySchema,
        response: { 201: companyReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await correctCompanyReport(serviceContext(deps, request), request.params.id, request.params.reportId, request.body)),
  );

  app.get(
    '/company-reports/status',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Who has reported for a period, among the companies that were members during it',
        querystring: reportingStatusQuerySchema,
        response: { 200: reportingStatusPageSchema, 400: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => listReportingStatus(serviceContext(deps, request), request.query),
  );

  app.get(
    '/company-reports/status/export',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'The reporting status as CSV or XLSX',
        querystring: reportingStatusQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await listAllReportingStatus(serviceContext(deps, request), request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'reporting-status',
        locale,
        rows,
        columns: [
          { header: 'export.report.company', value: (row) => row.legalName },
          { header: 'export.report.brandName', value: (row) => row.brandName },
          { header: 'export.report.park', value: (row) => row.parkName },
          { header: 'export.report.reported', value: (row) => row.reported },
          { header: 'export.report.version', value: (row) => row.latestVersion },
          { header: 'export.report.reportedAt', value: (row) => localTime(row.reportedAt) },
          { header: 'export.report.lastRemindedAt', value: (row) => localTime(row.lastRemindedAt) },
          { header: 'export.report.reminderCount', value: (row) => row.reminderCount },
          { header: 'export.report.adminCount', value: (row) => row.adminCount },
        ],
      });
    },
  );

  app.post(
    '/company-reports/reminders',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "Remind companies to file their report (an e-mail to each company admin, in the admin's language)",
        body: sendRemindersBodySchema,
        response: { 200: remindersResultSchema, ...errors },
      },
    },
    async (request) =>
      sendReportReminders(serviceContext(deps, request), { mailer: deps.mailer, publicUrl: deps.config.publicUrl }, request.body),
  );
}
