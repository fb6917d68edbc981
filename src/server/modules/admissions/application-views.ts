import { asc, eq } from 'drizzle-orm';
import type { ApplicantApplication, ApplicationFile, EligibilityProblemView, PublicCall } from '../../../contracts/calls.js';
import { formatGregorianDate } from '../../../shared/calendar.js';
import type { Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { storedFiles } from '../../platform/files/schema.js';
import { translate } from '../../platform/messages.js';
import { callPhase } from './call-views.js';
import { applicationFiles, type applications } from './schema.js';

export type ApplicationRow = typeof applications.$inferSelect;
type StoredProblem = ApplicationRow['eligibilityProblems'][number];

/** Statuses an applicant may still withdraw from: no decision yet. */
export const withdrawableStatuses = ['draft', 'submitted', 'under_review'] as const;

/** How each parameter of an eligibility problem is worded: codes by their labels, dates in the reader's calendar. */
const parameterWording: Partial<Record<string, (value: string, locale: Locale) => string>> = {
  sector: (value, locale) => translate(locale, `calls.sector.${value}`),
  stage: (value, locale) => translate(locale, `companyStage.${value}`),
  region: (value, locale) => translate(locale, `calls.region.${value}`),
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

export async function filesOf(db: Executor, applicationId: string): Promise<ApplicationFile[]> {
  const rows = await db
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
    .orderBy(asc(applicationFiles.createdAt));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
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

/** What the applicant sees: never scores, members or committee comments. */
export async function toApplicantApplication(
  db: Executor,
  row: ApplicationRow,
  call: PublicCall,
  locale: Locale,
  now = new Date(),
): Promise<ApplicantApplication> {
  const isDecided = decided.has(row.status) && row.decision !== null;
  return {
    ...applicationBase(row, await filesOf(db, row.id)),
    call,
    ineligibility:
      row.status === 'ineligible' ? { problems: describeProblems(row.eligibilityProblems, locale), note: row.eligibilityNote } : null,
    decision: isDecided ? row.decision : null,
    decisionReason: isDecided ? row.decisionReason : null,
    decidedAt: isDecided ? (row.decidedAt?.toISOString() ?? null) : null,
    editable: row.status === 'draft' && callPhase({ opensAt: new Date(call.opensAt), closesAt: new Date(call.closesAt) }, now) === 'open',
    withdrawable: (withdrawableStatuses as readonly string[]).includes(row.status),
    hasAccount: row.applicantUserId !== null,
  };
}
