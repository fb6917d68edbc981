import { z } from 'zod';
import { localToday } from '../shared/calendar.js';
import { countryCodes } from '../shared/countries.js';
import { fundingTypeSchema, revenueBandSchema } from './companies.js';
import { listQuerySchema, pageSchema } from './lists.js';

/** The first month of each quarter: a quarter may be reported once it has started. */
export const quarterFirstMonth = { 1: 1, 2: 4, 3: 7, 4: 10 } as const;
export const quarters = [1, 2, 3, 4] as const;

/** Whether the period has started on `today` (yyyy-mm-dd in the park's time zone). */
export function periodHasStarted(year: number, quarter: number | null, today: string = localToday()): boolean {
  const currentYear = Number(today.slice(0, 4));
  if (year !== currentYear) return year < currentYear;
  if (quarter === null) return true;
  return Number(today.slice(5, 7)) >= quarterFirstMonth[quarter as 1 | 2 | 3 | 4];
}

/** First and last day of a reporting period (a year, or one of its quarters). */
export function periodBounds(year: number, quarter: number | null): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = quarterFirstMonth[quarter as 1 | 2 | 3 | 4];
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

const count = (max: number) => z.number().int().min(0).max(max);

export const reportYearSchema = z.number().int().min(1900).max(2100);
export const reportQuarterSchema = z.number().int().min(1).max(4);

export const countryCodeSchema = z.enum(countryCodes, 'validation.report_country_unknown');

export const reportFundingSchema = z.object({
  /** MAD in centimes. */
  amountCentimes: z.number().int().positive().max(1_000_000_000_000),
  source: z.string().trim().min(1).max(200),
  type: fundingTypeSchema,
});
export type ReportFunding = z.infer<typeof reportFundingSchema>;

/** The figures of a report; the same for a first filing and for a correction. */
const figureFields = {
  employees: count(100_000),
  interns: count(10_000),
  founders: count(100),
  revenueBand: revenueBandSchema,
  exports: z.boolean(),
  exportCountries: z.array(countryCodeSchema).max(countryCodes.length).default([]),
  /** A share of revenue: 0 to 100, refused beyond (never brought back to 100 silently). */
  exportSharePercent: z
    .number()
    .int()
    .min(0, 'validation.report_export_share_range')
    .max(100, 'validation.report_export_share_range')
    .nullable()
    .default(null),
  fundings: z.array(reportFundingSchema).max(50).default([]),
  ipFiled: count(1_000),
  productsLaunched: count(1_000),
  comment: z.string().trim().max(4000).default(''),
};

type Figures = {
  exports?: unknown;
  exportCountries?: unknown;
  exportSharePercent?: unknown;
};

/** Exporting needs where to and how much; not exporting allows neither. */
function checkExports(value: Figures, ctx: z.RefinementCtx) {
  const countries = Array.isArray(value.exportCountries) ? value.exportCountries : [];
  const share = value.exportSharePercent;
  if (value.exports === true) {
    if (countries.length === 0)
      ctx.addIssue({ code: 'custom', path: ['exportCountries'], message: 'validation.report_export_countries_required' });
    if (share === null || share === undefined)
      ctx.addIssue({ code: 'custom', path: ['exportSharePercent'], message: 'validation.report_export_share_required' });
    if (new Set(countries).size !== countries.length)
      ctx.addIssue({ code: 'custom', path: ['exportCountries'], message: 'validation.report_country_twice' });
  } else if (value.exports === false) {
    if (countries.length > 0) ctx.addIssue({ code: 'custom', path: ['exportCountries'], message: 'validation.report_no_export_countries' });
    if (share !== null && share !== undefined)
      ctx.addIssue({ code: 'custom', path: ['exportSharePercent'], message: 'validation.report_no_export_share' });
  }
}

/** The period must have started: no future year, no quarter that has not begun. */
function checkPeriod(value: { year?: unknown; quarter?: unknown }, ctx: z.RefinementCtx) {
  if (typeof value.year !== 'number') return;
  const today = localToday();
  if (value.year > Number(today.slice(0, 4))) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'validation.report_year_future' });
  } else if (typeof value.quarter === 'number' && !periodHasStarted(value.year, value.quarter, today)) {
    ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'validation.report_quarter_not_started' });
  }
}

/** A correction: the figures again, for the period of the report it corrects. */
export const correctReportBodySchema = z.object(figureFields).superRefine(checkExports);
export type CorrectReportBody = z.infer<typeof correctReportBodySchema>;

/** A first filing for a period (yearly when no quarter). The company's creation year is checked by the server. */
export const fileReportBodySchema = z
  .object({ year: reportYearSchema, quarter: reportQuarterSchema.nullable().default(null), ...figureFields })
  .superRefine((value, ctx) => {
    checkPeriod(value, ctx);
    checkExports(value, ctx);
  });
export type FileReportBody = z.infer<typeof fileReportBodySchema>;

export const companyReportSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  version: z.number().int(),
  /** The version this one corrects; null for a first filing. */
  supersedesId: z.uuid().nullable(),
  /** The latest version of its period: the one that counts. */
  latest: z.boolean(),
  employees: z.number().int(),
  interns: z.number().int(),
  founders: z.number().int(),
  revenueBand: revenueBandSchema,
  exports: z.boolean(),
  exportCountries: z.array(z.string()),
  exportSharePercent: z.number().int().nullable(),
  fundings: z.array(reportFundingSchema),
  fundingTotalCentimes: z.number().int(),
  ipFiled: z.number().int(),
  productsLaunched: z.number().int(),
  comment: z.string(),
  submittedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Filed by park staff for a company that reports on paper. */
  onBehalf: z.boolean(),
  submittedAt: z.string(),
});
export type CompanyReport = z.infer<typeof companyReportSchema>;

export const companyReportParamsSchema = z.object({ id: z.uuid(), reportId: z.uuid() });

export const companyReportsQuerySchema = listQuerySchema(['period', 'submittedAt']).extend({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  /** `none`: the yearly reports only. */
  quarter: z.enum(['none', '1', '2', '3', '4']).optional(),
  /** Only the version that counts of each period. */
  latestOnly: z.enum(['true', 'false']).optional(),
});
export type CompanyReportsQuery = z.infer<typeof companyReportsQuerySchema>;
export const companyReportsPageSchema = pageSchema(companyReportSchema);

/** What the reports tab needs besides the list: the years one may file for and the headcount over time. */
export const companyReportsSummarySchema = z.object({
  earliestYear: z.number().int(),
  currentYear: z.number().int(),
  /** Periods with a report already: they are corrected, not filed again. */
  filedPeriods: z.array(z.object({ year: z.number().int(), quarter: z.number().int().nullable() })),
  /** Per year, the latest reported headcount (the yearly report, else the latest quarter's). */
  headcount: z.array(
    z.object({
      year: z.number().int(),
      quarter: z.number().int().nullable(),
      employees: z.number().int(),
      interns: z.number().int(),
      founders: z.number().int(),
    }),
  ),
});
export type CompanyReportsSummary = z.infer<typeof companyReportsSummarySchema>;

export const reportingStatusQuerySchema = listQuerySchema(['company', 'park', 'reportedAt', 'remindedAt']).extend({
  year: z.coerce.number().int().min(1900).max(2100),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  parkId: z.uuid().optional(),
  reported: z.enum(['true', 'false']).optional(),
});
export type ReportingStatusQuery = z.infer<typeof reportingStatusQuerySchema>;

export const reportingStatusItemSchema = z.object({
  companyId: z.uuid(),
  legalName: z.string(),
  brandName: z.string(),
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  reported: z.boolean(),
  latestVersion: z.number().int().nullable(),
  reportedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  reminderCount: z.number().int(),
  /** How many company admins a reminder would reach. */
  adminCount: z.number().int(),
});
export type ReportingStatusItem = z.infer<typeof reportingStatusItemSchema>;
export const reportingStatusPageSchema = pageSchema(reportingStatusItemSchema);

export const sendRemindersBodySchema = z
  .object({
    year: reportYearSchema,
    quarter: reportQuarterSchema.nullable().default(null),
    /** The companies chosen on the list… */
    companyIds: z.array(z.uuid()).max(1000).optional(),
    /** …or every company in scope that has not reported (within one park when given). */
    allNotReported: z.boolean().optional(),
    parkId: z.uuid().optional(),
  })
  .superRefine((value, ctx) => {
    const chosen = (value.companyIds?.length ?? 0) > 0;
    if (chosen === Boolean(value.allNotReported)) {
      ctx.addIssue({ code: 'custom', path: ['companyIds'], message: 'validation.report_reminder_target' });
    }
    checkPeriod(value, ctx);
  });
export type SendRemindersBody = z.infer<typeof sendRemindersBodySchema>;

export const remindersResultSchema = z.object({
  /** Companies that got a reminder. */
  reminded: z.number().int(),
  emails: z.number().int(),
  /** Chosen companies skipped: they have reported since. */
  alreadyReported: z.number().int(),
  /** Companies nobody could be written to: no active company admin. */
  withoutAdmin: z.number().int(),
});
export type RemindersResult = z.infer<typeof remindersResultSchema>;
