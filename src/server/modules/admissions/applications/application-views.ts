import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ApplicantApplication, ApplicationFile, EligibilityProblemView } from '../../../../contracts/applications.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import { formatGregorianDate } from '../../../../shared/calendar.js';
import type { Locale } from '../../../../shared/locales.js';
import type { ReadContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { storedFiles } from '../../../platform/files/schema.js';
import { translate } from '../../../platform/messages.js';
import { regionLabel, sectorLabel } from '../../parks/index.js';
import { callPhase } from '../calls/call-views.js';
import { applicationFiles, applications } from '../schema.js';
import type { ApplicationRow } from './applicant-access.js';

export type { ApplicationRow };

type StoredProblem = ApplicationRow['eligibilityProblems'][number];

/** Statuses an applicant may still withdraw from: no decision yet. */
export const withdrawableStatuses = ['draft', 'submitted', 'under_review'] as const;

/** How each parameter of an eligibility problem is worded: codes by their labels, dates in the reader's calendar. */
const parameterWording: Partial<Record<string, (value: string, locale: Locale) => string>> = {
  sector: sectorLabel,
  stage: (value, locale) => translate(locale, `companyStage.${value}`),
  region: regionLabel,
  creationDate: (value, locale) => formatGregorianDate(value, locale),
};

function wordParameter(problemKey: string, name: string, value: string, locale: Locale): string {
  if (name === 'allowed') {
    // The list of what the call admits, worded like the value it is compared with.
    const kind = problemKey.replace('eligibility.', '');
    const word = parameterWording[kind];
    return value
      .split(',')
      .filter(Boolean)
      .map((item) => (word ? word(item, locale) : item))
      .join(', ');
  }
  const word = parameterWording[name];
  return word && value ? word(value, locale) : value;
}

/** The automatic check's findings in the reader's language. */
export function describeProblems(problems: StoredProblem[], locale: Locale): EligibilityProblemView[] {
  return problems.map((problem) => {
    const params = Object.fromEntries(
      Object.entries(problem.params ?? {}).map(([name, value]) => [name, wordParameter(problem.key, name, value, locale)]),
    );
    return { key: problem.key, ...(problem.params ? { params: problem.params } : {}), message: translate(locale, problem.key, params) };
  });
}

/** The files attached to an application, oldest first. */
export async function filesOf(ctx: ReadContext, applicationId: string): Promise<ApplicationFile[]> {
  const rows = await ctx.db
    .select({
      id: storedFiles.id,
      questionId: applicationFiles.questionId,
      name: storedFiles.name,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
      createdAt: storedFiles.createdAt,
    })
    .from(applicationFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.createdAt), asc(storedFiles.name));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The link of a file to an application: a file asked through another application is not found. */
export async function fileOfApplication(ctx: ReadContext, input: { applicationId: string; fileId: string }) {
  const [link] = await ctx.db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, input.applicationId), eq(applicationFiles.fileId, input.fileId)))
    .limit(1);
  if (!link) throw notFound();
  return link;
}

/** The fields an applicant and an officer both see. */
export function applicationBase(row: ApplicationRow, files: ApplicationFile[]) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    locale: row.locale,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    companyName: row.companyName,
    sector: row.sector,
    stage: row.stage,
    region: row.region,
    creationDate: row.creationDate,
    ice: row.ice,
    requiredAreaM2: row.requiredAreaM2,
    answers: row.answers,
    files,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const decided = new Set(['admitted', 'waitlisted', 'rejected']);

/** The decision as the applicant reads it: only once made (a waitlisted file may still change; it shows as such). */
export function isDecided(row: Pick<ApplicationRow, 'status' | 'decision'>): boolean {
  return decided.has(row.status) && row.decision !== null;
}

/** What the applicant sees: never scores, members or committee comments. */
export async function toApplicantApplication(
  ctx: ReadContext,
  { row, call, now = new Date() }: { row: ApplicationRow; call: PublicCall; now?: Date },
): Promise<ApplicantApplication> {
  const shown = isDecided(row);
  return {
    ...applicationBase(row, await filesOf(ctx, row.id)),
    call,
    ineligibility:
      row.status === 'ineligible' ? { problems: describeProblems(row.eligibilityProblems, ctx.locale), note: row.eligibilityNote } : null,
    decision: shown ? row.decision : null,
    decisionReason: shown ? row.decisionReason : null,
    decidedAt: shown ? (row.decidedAt?.toISOString() ?? null) : null,
    editable: row.status === 'draft' && callPhase({ opensAt: new Date(call.opensAt), closesAt: new Date(call.closesAt) }, now) === 'open',
    withdrawable: (withdrawableStatuses as readonly string[]).includes(row.status),
    hasAccount: row.applicantUserId !== null,
  };
}

/** The applicants' accounts of some applications (for the log of who read whose data); one query. */
export async function applicantsOf(ctx: ReadContext, applicationIds: string[]): Promise<(string | null)[]> {
  if (applicationIds.length === 0) return [];
  const rows = await ctx.db
    .select({ applicantUserId: applications.applicantUserId })
    .from(applications)
    .where(inArray(applications.id, applicationIds));
  return rows.map((row) => row.applicantUserId);
}
