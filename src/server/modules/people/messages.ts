import { defineMessages, type MessagesOf } from '../../platform/messages.js';

/** Server wording of people: roles and scopes, invitations, export headers. */
export const peopleMessages = defineMessages({
  en: {
    'audit.entity.invitation': 'Invitation',
    'mail.kind.invitation': 'Invitation',
    'errors.last_network_admin': 'The network must keep at least one active network administrator.',
    'errors.last_admin_of_company':
      'This person is the only active administrator of a company: give the company another administrator first.',
    'validation.scope_required': 'Choose the {{scope}} this role applies to.',
    'validation.scope_not_allowed': 'This role applies to the whole network: no scope.',
    'validation.unknown_scope': 'Unknown {{scope}}.',
    'mail.invitation.roleIn': '{{role}} ({{scope}})',
    'validation.invitation_pending': 'An invitation is already waiting for this e-mail.',
    'mail.invitation.subject': 'You are invited to Technopark',
    'mail.invitation.body':
      'Hello {{name}},\n\n{{inviter}} invites you to join the Technopark platform as {{role}}. Open this link within 7 days to accept:\n{{url}}',
    'export.user.name': 'Name',
    'export.user.email': 'E-mail',
    'export.user.roles': 'Roles',
    'export.user.status': 'Status',
    'export.user.createdAt': 'Created',
    'export.invitation.expiresAt': 'Expires',
    'invitation.pending': 'pending',
    'invitation.accepted': 'accepted',
    'invitation.expired': 'expired',
    'invitation.revoked': 'revoked',
  },
  fr: {
    'audit.entity.invitation': 'Invitation',
    'mail.kind.invitation': 'Invitation',
    'errors.last_network_admin': 'Le réseau doit garder au moins un administrateur réseau actif.',
    'errors.last_admin_of_company':
      "Cette personne est la seule administratrice active d'une entreprise : donnez d'abord un autre administrateur à l'entreprise.",
    'validation.scope_required': "Choisissez le {{scope}} auquel s'applique ce rôle.",
    'validation.scope_not_allowed': "Ce rôle s'applique à tout le réseau : pas de périmètre.",
    'validation.unknown_scope': '{{scope}} inconnu.',
    'mail.invitation.roleIn': '{{role}} ({{scope}})',
    'validation.invitation_pending': 'Une invitation attend déjà cet e-mail.',
    'mail.invitation.subject': 'Vous êtes invité sur Technopark',
    'mail.invitation.body':
      'Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre la plateforme Technopark en tant que {{role}}. Ouvrez ce lien dans les 7 jours pour accepter :\n{{url}}',
    'export.user.name': 'Nom',
    'export.user.email': 'E-mail',
    'export.user.roles': 'Rôles',
    'export.user.status': 'Statut',
    'export.user.createdAt': 'Créé le',
    'export.invitation.expiresAt': 'Expire le',
    'invitation.pending': 'en attente',
    'invitation.accepted': 'acceptée',
    'invitation.expired': 'expirée',
    'invitation.revoked': 'révoquée',
  },
  ar: {
    'audit.entity.invitation': 'دعوة',
    'mail.kind.invitation': 'دعوة',
    'errors.last_network_admin': 'يجب أن تحتفظ الشبكة بمدير شبكة نشط واحد على الأقل.',
    'errors.last_admin_of_company': 'هذا الشخص هو المدير النشط الوحيد لمقاولة: أضف للمقاولة مديرا آخر أولا.',
    'validation.scope_required': 'اختر {{scope}} الذي ينطبق عليه هذا الدور.',
    'validation.scope_not_allowed': 'ينطبق هذا الدور على الشبكة كلها: بدون نطاق.',
    'validation.unknown_scope': '{{scope}} غير معروف.',
    'mail.invitation.roleIn': '{{role}} ({{scope}})',
    'validation.invitation_pending': 'توجد دعوة في انتظار هذا البريد الإلكتروني.',
    'mail.invitation.subject': 'دعوة للانضمام إلى تكنوبارك',
    'mail.invitation.body':
      'مرحباً {{name}}،\n\nيدعوك {{inviter}} للانضمام إلى منصة تكنوبارك بصفة {{role}}. افتح هذا الرابط خلال 7 أيام لقبول الدعوة:\n{{url}}',
    'export.user.name': 'الاسم',
    'export.user.email': 'البريد الإلكتروني',
    'export.user.roles': 'الأدوار',
    'export.user.status': 'الحالة',
    'export.user.createdAt': 'تاريخ الإنشاء',
    'export.invitation.expiresAt': 'تاريخ الانتهاء',
    'invitation.pending': 'في الانتظار',
    'invitation.accepted': 'مقبولة',
    'invitation.expired': 'منتهية الصلاحية',
    'invitation.revoked': 'ملغاة',
  },
});

declare module '../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof peopleMessages> {}
}
