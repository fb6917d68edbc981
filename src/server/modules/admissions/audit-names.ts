import { eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/locales.js';
import { type AuditNames, uuidIds } from '../../platform/audit/naming.js';
import { users } from '../../platform/auth/schema.js';
import { translate } from '../../platform/messages.js';
import { companyLegalNameOf } from '../companies/index.js';
import { parkNameOf, regionLabel, sectorLabel } from '../parks/index.js';
import { applications, calls, waitingListEntries } from './schema.js';

const label = (prefix: string) => (value: unknown, locale: Locale) => translate(locale, `${prefix}.${String(value)}`);
const titleOf = (locale: Locale) => sql<string>`coalesce(nullif(${calls.title}->>${locale}, ''), ${calls.title}->>'fr')`;

/** How the audit log names calls (title), applications (reference, or the applicant's draft) and waiting-list entries. */
export const admissionAuditNames: AuditNames = {
  call: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: calls.id, title: titleOf(ctx.locale) })
        .from(calls)
        .where(inArray(calls.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, `« ${row.title} »`]));
    },
    fields: {
      title: { label: 'audit.call.title' },
      publishedAt: { label: 'audit.call.publishedAt' },
      criteria: { label: 'audit.call.criteria', value: (value) => (Array.isArray(value) ? String(value.length) : '—') },
      committeeMemberIds: { label: 'audit.call.committee', value: (value) => (Array.isArray(value) ? String(value.length) : '—') },
    },
  },
  application: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({
          id: applications.id,
          reference: applications.reference,
          company: applications.companyName,
          applicant: users.name,
          call: titleOf(ctx.locale),
        })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .leftJoin(users, eq(users.id, applications.applicantUserId))
        .where(inArray(applications.id, uuidIds(ids)));
      return new Map(
        rows.map((row) => [
          row.id,
          row.reference
            ? translate(ctx.locale, 'audit.name.application', {
                reference: row.reference,
                company: row.company || row.applicant || '',
                call: row.call,
              })
            : translate(ctx.locale, 'audit.name.draft', { applicant: row.applicant || row.company || '—', call: row.call }),
        ]),
      );
    },
    fields: {
      status: { label: 'audit.field.status', value: label('audit.applicationStatus') },
      decision: { label: 'audit.application.decision', value: label('audit.applicationStatus') },
      decisionReason: { label: 'audit.application.decisionReason' },
      companyName: { label: 'audit.application.companyName' },
      sector: { label: 'audit.application.sector', value: (value, locale) => sectorLabel(String(value), locale) },
      region: { label: 'audit.application.region', value: (value, locale) => regionLabel(String(value), locale) },
      answers: { label: 'audit.application.answers', hidden: true },
      eligibilityProblems: { label: 'audit.application.answers', hidden: true },
      scores: { label: 'audit.application.answers', hidden: true },
    },
  },
  waiting_list_entry: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({
          id: waitingListEntries.id,
          company: companyLegalNameOf(waitingListEntries.companyId),
          park: parkNameOf(waitingListEntries.parkId, ctx.locale),
        })
        .from(waitingListEntries)
        .where(inArray(waitingListEntries.id, uuidIds(ids)));
      return new Map(
        rows.map((row) => [
          row.id,
          translate(ctx.locale, 'audit.name.waitingListEntry', { company: row.company ?? '—', park: row.park ?? '—' }),
        ]),
      );
    },
    fields: {
      status: { label: 'audit.field.status', value: label('audit.waitingStatus') },
      requiredAreaM2: { label: 'audit.application.requiredArea', unit: 'm²' },
      requestedOn: { label: 'audit.waiting.requestedOn' },
      closedOn: { label: 'audit.waiting.closedOn' },
      note: { label: 'audit.waiting.note' },
    },
  },
};
