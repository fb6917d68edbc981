import { defineMessages, type MessagesOf } from '../../../platform/messages.js';

/** Server wording of company members: who is already in, the last admin, the e-mail of a person added, export headers. */
export const companyMemberMessages = defineMessages({
  en: {
    'mail.kind.company_member_added': 'Added to a company',
    'validation.already_member': 'This person is already a member of this company.',
    'validation.already_invited': 'An invitation to this company is already waiting for this e-mail.',
    'errors.last_company_admin': 'A company must keep at least one company administrator.',
    'export.member.name': 'Name',
    'export.member.email': 'E-mail',
    'export.member.role': 'Role',
    'export.member.since': 'Member since',
  },
  fr: {
    'mail.kind.company_member_added': 'Ajout à une entreprise',
    'validation.already_member': 'Cette personne est déjà membre de cette entreprise.',
    'validation.already_invited': 'Une invitation à cette entreprise attend déjà cet e-mail.',
    'errors.last_company_admin': "Une entreprise doit garder au moins un administrateur d'entreprise.",
    'export.member.name': 'Nom',
    'export.member.email': 'E-mail',
    'export.member.role': 'Rôle',
    'export.member.since': 'Membre depuis',
  },
  ar: {
    'mail.kind.company_member_added': 'إضافة إلى مقاولة',
    'validation.already_member': 'هذا الشخص عضو في هذه المقاولة من قبل.',
    'validation.already_invited': 'توجد دعوة إلى هذه المقاولة في انتظار هذا البريد الإلكتروني.',
    'errors.last_company_admin': 'يجب أن تحتفظ المقاولة بمسير واحد على الأقل.',
    'export.member.name': 'الاسم',
    'export.member.email': 'البريد الإلكتروني',
    'export.member.role': 'الدور',
    'export.member.since': 'عضو منذ',
  },
});

declare module '../../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof companyMemberMessages> {}
}
