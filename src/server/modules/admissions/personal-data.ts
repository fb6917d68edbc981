import { and, asc, eq, inArray } from 'drizzle-orm';
import { pickText } from '../../../shared/localized-text.js';
import { storedFiles } from '../../platform/files/schema.js';
import { translate } from '../../platform/messages.js';
import type { PersonalDataHolder } from '../../platform/personal-data/holders.js';
import { applicationFiles, applications, calls, evaluations } from './schema.js';

/**
 * Admissions hold the person's applications (with the consent they gave) and, for committee members, the
 * evaluations they wrote. Erasure deletes drafts; a submitted application is the record of a selection and an
 * evaluation the record of a committee's work: both are kept, and the person is told so.
 */
export const admissionsPersonalData: PersonalDataHolder = {
  async collect(ctx, userId) {
    const rows = await ctx.db
      .select({ application: applications, callTitle: calls.title })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.applicantUserId, userId))
      .orderBy(asc(applications.createdAt));
    const written = await ctx.db
      .select({ reference: applications.reference, comment: evaluations.comment, submittedAt: evaluations.submittedAt })
      .from(evaluations)
      .innerJoin(applications, eq(applications.id, evaluations.applicationId))
      .where(eq(evaluations.memberUserId, userId))
      .orderBy(asc(evaluations.submittedAt));
    return [
      {
        title: 'privacy.section.applications',
        columns: [
          { key: 'reference', header: 'export.application.reference' },
          { key: 'call', header: 'privacy.field.call' },
          { key: 'status', header: 'export.application.status' },
          { key: 'companyName', header: 'export.application.companyName' },
          { key: 'contactName', header: 'export.application.contactName' },
          { key: 'contactEmail', header: 'export.application.contactEmail' },
          { key: 'contactPhone', header: 'privacy.field.phone' },
          { key: 'ice', header: 'privacy.field.ice' },
          { key: 'answers', header: 'privacy.field.answers' },
          { key: 'submittedAt', header: 'privacy.field.submittedAt' },
          { key: 'decision', header: 'privacy.field.decision' },
          { key: 'decisionReason', header: 'privacy.field.decisionReason' },
        ],
        rows: rows.map(({ application, callTitle }) => ({
          reference: application.reference,
          call: pickText(callTitle, ctx.locale),
          status: translate(ctx.locale, `calls.status.${application.status}`),
          companyName: application.companyName,
          contactName: application.contactName,
          contactEmail: application.contactEmail,
          contactPhone: application.contactPhone,
          ice: application.ice,
          answers: JSON.stringify(application.answers),
          submittedAt: application.submittedAt?.toISOString() ?? null,
          decision: application.decision,
          decisionReason: application.decisionReason,
        })),
      },
      {
        title: 'privacy.section.consents',
        columns: [
          { key: 'reference', header: 'export.application.reference' },
          { key: 'givenAt', header: 'privacy.field.at' },
          { key: 'version', header: 'privacy.field.version' },
          { key: 'text', header: 'privacy.field.text' },
        ],
        rows: rows.flatMap(({ application }) =>
          application.consent
            ? [
                {
                  reference: application.reference,
                  givenAt: application.consent.givenAt,
                  version: application.consent.version,
                  text: application.consent.text,
                },
              ]
            : [],
        ),
      },
      {
        title: 'privacy.section.evaluations',
        columns: [
          { key: 'reference', header: 'export.application.reference' },
          { key: 'comment', header: 'privacy.field.comment' },
          { key: 'submittedAt', header: 'privacy.field.submittedAt' },
        ],
        rows: written.map((row) => ({ reference: row.reference, comment: row.comment, submittedAt: row.submittedAt.toISOString() })),
      },
    ];
  },
  async erase(ctx, userId) {
    const drafts = await ctx.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.applicantUserId, userId), eq(applications.status, 'draft')));
    const draftIds = drafts.map((draft) => draft.id);
    if (draftIds.length) {
      const files = await ctx.db
        .delete(applicationFiles)
        .where(inArray(applicationFiles.applicationId, draftIds))
        .returning({ fileId: applicationFiles.fileId });
      await ctx.db.delete(applications).where(inArray(applications.id, draftIds));
      if (files.length)
        await ctx.db.delete(storedFiles).where(
          inArray(
            storedFiles.id,
            files.map((file) => file.fileId),
          ),
        );
    }
    const kept = await ctx.db.select({ id: applications.id }).from(applications).where(eq(applications.applicantUserId, userId));
    const written = await ctx.db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.memberUserId, userId));
    return [
      ...(kept.length ? [{ key: 'privacy.kept.applications', count: kept.length }] : []),
      ...(written.length ? [{ key: 'privacy.kept.evaluations', count: written.length }] : []),
    ];
  },
};
