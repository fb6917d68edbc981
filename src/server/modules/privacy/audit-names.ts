import { inArray } from 'drizzle-orm';
import { type AuditNames, uuidIds } from '../../platform/audit/naming.js';
import { defineMessages, type MessagesOf, translate } from '../../platform/messages.js';
import { erasureRequests } from './schema.js';

/** How the audit log names erasure requests: by who asked. */
export const privacyAuditNames: AuditNames = {
  erasure_request: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: erasureRequests.id, name: erasureRequests.requesterName })
        .from(erasureRequests)
        .where(inArray(erasureRequests.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, translate(ctx.locale, 'audit.name.erasureRequest', { name: row.name })]));
    },
    fields: {
      status: { label: 'audit.field.status', value: (value, locale) => translate(locale, `audit.erasureStatus.${String(value)}`) },
      reason: { label: 'audit.erasure.reason' },
      response: { label: 'audit.erasure.response' },
      requesterName: { label: 'audit.field.name' },
      requesterEmail: { label: 'audit.field.email' },
      kept: { label: 'audit.erasure.reason', hidden: true },
    },
  },
};

export const privacyAuditMessages = defineMessages({
  en: {
    'audit.name.erasureRequest': 'of {{name}}',
    'audit.erasure.reason': 'Reason',
    'audit.erasure.response': 'Answer',
    'audit.erasureStatus.pending': 'pending',
    'audit.erasureStatus.completed': 'carried out',
    'audit.erasureStatus.refused': 'refused',
    'audit.action.erasure.request': '{{actor}} asked for the erasure of their data',
    'audit.action.erasure.complete': '{{actor}} carried out the erasure request {{object}}',
    'audit.action.erasure.refuse': '{{actor}} refused the erasure request {{object}}',
  },
  fr: {
    'audit.name.erasureRequest': 'de {{name}}',
    'audit.erasure.reason': 'Motif',
    'audit.erasure.response': 'Réponse',
    'audit.erasureStatus.pending': 'en attente',
    'audit.erasureStatus.completed': 'effectuée',
    'audit.erasureStatus.refused': 'refusée',
    'audit.action.erasure.request': '{{actor}} a demandé l’effacement de ses données',
    'audit.action.erasure.complete': '{{actor}} a effectué la demande d’effacement {{object}}',
    'audit.action.erasure.refuse': '{{actor}} a refusé la demande d’effacement {{object}}',
  },
  ar: {
    'audit.name.erasureRequest': 'الخاص بـ{{name}}',
    'audit.erasure.reason': 'السبب',
    'audit.erasure.response': 'الجواب',
    'audit.erasureStatus.pending': 'في الانتظار',
    'audit.erasureStatus.completed': 'منفذ',
    'audit.erasureStatus.refused': 'مرفوض',
    'audit.action.erasure.request': '{{actor}}: طلب محو معطياته',
    'audit.action.erasure.complete': '{{actor}}: تنفيذ طلب المحو {{object}}',
    'audit.action.erasure.refuse': '{{actor}}: رفض طلب المحو {{object}}',
  },
});

declare module '../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof privacyAuditMessages> {}
}
