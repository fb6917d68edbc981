import { inArray } from 'drizzle-orm';
import type { Locale } from '../../../shared/locales.js';
import { type AuditNames, uuidIds } from '../../platform/audit/naming.js';
import { defineMessages, type MessagesOf, translate } from '../../platform/messages.js';
import { invitations } from './schema.js';

const label = (prefix: string) => (value: unknown, locale: Locale) => translate(locale, `${prefix}.${String(value)}`);

/** How the audit log names invitations: by the invited person's name. */
export const peopleAuditNames: AuditNames = {
  invitation: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: invitations.id, name: invitations.name })
        .from(invitations)
        .where(inArray(invitations.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, row.name]));
    },
    fields: {
      name: { label: 'audit.field.name' },
      email: { label: 'audit.field.email' },
      role: { label: 'audit.field.role', value: label('role') },
      scopeType: { label: 'audit.field.scopeType', value: label('scope') },
      locale: { label: 'audit.field.locale', value: label('language') },
      expiresAt: { label: 'audit.invitation.expiresAt' },
      acceptedAt: { label: 'audit.invitation.acceptedAt' },
      revokedAt: { label: 'audit.invitation.revokedAt' },
      invitedBy: { label: 'audit.invitation.expiresAt', hidden: true },
    },
  },
};

export const peopleAuditMessages = defineMessages({
  en: {
    'audit.invitation.expiresAt': 'Expires',
    'audit.invitation.acceptedAt': 'Accepted',
    'audit.invitation.revokedAt': 'Revoked',
    'audit.action.invitation.create': '{{actor}} invited {{object}}',
    'audit.action.invitation.revoke': '{{actor}} revoked the invitation of {{object}}',
    'audit.action.invitation.accept': '{{actor}} accepted an invitation',
    'audit.action.person.view': '{{actor}} viewed the details of {{object}}',
  },
  fr: {
    'audit.invitation.expiresAt': 'Expire le',
    'audit.invitation.acceptedAt': 'Acceptée le',
    'audit.invitation.revokedAt': 'Révoquée le',
    'audit.action.invitation.create': '{{actor}} a invité {{object}}',
    'audit.action.invitation.revoke': '{{actor}} a révoqué l’invitation de {{object}}',
    'audit.action.invitation.accept': '{{actor}} a accepté une invitation',
    'audit.action.person.view': '{{actor}} a consulté la fiche de {{object}}',
  },
  ar: {
    'audit.invitation.expiresAt': 'تنتهي في',
    'audit.invitation.acceptedAt': 'تاريخ القبول',
    'audit.invitation.revokedAt': 'تاريخ الإلغاء',
    'audit.action.invitation.create': '{{actor}}: دعوة {{object}}',
    'audit.action.invitation.revoke': '{{actor}}: إلغاء دعوة {{object}}',
    'audit.action.invitation.accept': '{{actor}}: قبول دعوة',
    'audit.action.person.view': '{{actor}}: الاطلاع على بطاقة {{object}}',
  },
});

declare module '../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof peopleAuditMessages> {}
}
