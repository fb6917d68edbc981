import type { Locale } from '../../shared/locales.js';
import { auditAr, auditEn, auditFr } from './audit/messages.js';
import { importsAr, importsEn, importsFr } from './imports/messages.js';

/**
 * The wording the server writes itself (errors, validation keys, e-mails, export headers), in one catalog per language.
 * The platform's cross-cutting wording is here; each module defines its own with `defineMessages` and names it in its
 * manifest, and `installModules` adds it to the catalog. Keys are typed: a module adds its keys to `MessageCatalog`
 * (declaration merging), so that a key nobody defines does not compile, and French and Arabic must have every English key.
 */
const coreEn = {
  ...auditEn,
  ...importsEn,
  'audit.entity.user': 'Person',
  'audit.entity.network': 'Network',
  'mail.kind.password_reset': 'Password reset',
  'language.fr': 'French',
  'language.ar': 'Arabic',
  'language.en': 'English',
  'validation.text_nul': 'This text contains a character that is not allowed (NUL).',
  'export.email.createdAt': 'Created',
  'export.email.to': 'To',
  'export.email.subject': 'Subject',
  'export.email.kind': 'Kind',
  'export.email.locale': 'Language',
  'export.email.status': 'Status',
  'export.email.sentAt': 'Sent',
  'export.email.error': 'Error',
  'outbox.queued': 'waiting to be sent',
  'outbox.sending': 'being sent',
  'export.email.attempts': 'Attempts',
  'errors.already_sent': 'This message was already sent.',
  'outbox.sent': 'sent',
  'outbox.failed': 'failed',
  'errors.validation': 'Some fields are not valid.',
  'errors.unauthenticated': 'Please sign in.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.not_found': 'Not found.',
  'errors.conflict': 'This conflicts with existing data.',
  'errors.in_use': 'This is still in use and cannot be removed.',
  'errors.rate_limited': 'Too many attempts. Try again in a minute.',
  'errors.unsupported_media_type': 'Send the request as JSON.',
  'errors.payload_too_large': 'The request is too large.',
  'errors.bad_request': 'The request is not valid.',
  'errors.cross_site': 'Request refused: it did not come from this site.',
  'errors.internal': 'Something went wrong on our side. The team has been told.',
  'errors.invalid_credentials': 'Wrong e-mail or password.',
  'errors.account_disabled': 'This account is disabled.',
  'errors.invalid_token': 'This link is not valid or has expired.',
  'errors.email_taken': 'An account already exists with this e-mail.',
  'validation.file_empty': 'The file is empty.',
  'validation.file_too_large': 'The file is too large (at most {{max}} KB).',
  'validation.file_not_image': 'Send a PNG, JPEG or WebP image.',
  'validation.file_type': 'This type of file is not accepted: send a PDF, an image or an Office document.',
  'errors.invalid_transition': 'This change of status is not allowed from the current status.',
  'errors.not_editable': 'This can no longer be changed.',
  'validation.phone_format': 'Digits, spaces and + ( ) . - only.',
  'validation.required': 'Required.',
  'validation.one_language_required': 'Give the name in at least one language.',
  'validation.password_length': 'At least 10 characters.',
  'scope.park': 'park',
  'scope.company': 'company',
  'scope.partner': 'partner',
  'scope.merchant': 'merchant',
  'scope.network': 'network',
  'mail.reset.subject': 'Reset your Technopark password',
  'mail.reset.body':
    'Hello {{name}},\n\nSomeone asked to reset the password of your Technopark account. Open this link within one hour to choose a new one:\n{{url}}\n\nIf it was not you, ignore this message: your password stays the same.',
  'role.network_admin': 'network administrator',
  'role.park_manager': 'park manager',
  'role.program_officer': 'program officer',
  'role.committee_member': 'committee member',
  'role.partner_staff': 'partner staff',
  'role.company_admin': 'company administrator',
  'role.company_member': 'company member',
  'role.merchant': 'merchant',
  'export.audit.at': 'When',
  'export.audit.actor': 'Who',
  'export.audit.action': 'Action',
  'export.audit.entityType': 'Record type',
  'export.audit.entityId': 'Record',
  'export.audit.changes': 'Changes',
  'value.yes': 'yes',
  'value.no': 'no',
  'value.active': 'active',
  'value.disabled': 'disabled',
  'time.morocco': 'Morocco time',
} as const;

const coreFr: Record<keyof typeof coreEn, string> = {
  ...auditFr,
  ...importsFr,
  'audit.entity.user': 'Personne',
  'audit.entity.network': 'Réseau',
  'mail.kind.password_reset': 'Réinitialisation du mot de passe',
  'language.fr': 'français',
  'language.ar': 'arabe',
  'language.en': 'anglais',
  'validation.text_nul': 'Ce texte contient un caractère non autorisé (NUL).',
  'export.email.createdAt': 'Créé le',
  'export.email.to': 'Destinataire',
  'export.email.subject': 'Objet',
  'export.email.kind': 'Type',
  'export.email.locale': 'Langue',
  'export.email.status': 'Statut',
  'export.email.sentAt': 'Envoyé le',
  'export.email.error': 'Erreur',
  'outbox.queued': "en attente d'envoi",
  'outbox.sending': "en cours d'envoi",
  'export.email.attempts': 'Tentatives',
  'errors.already_sent': 'Ce message a déjà été envoyé.',
  'outbox.sent': 'envoyé',
  'outbox.failed': 'échec',
  'errors.validation': 'Certains champs ne sont pas valides.',
  'errors.unauthenticated': 'Veuillez vous connecter.',
  'errors.forbidden': "Vous n'êtes pas autorisé à faire cela.",
  'errors.not_found': 'Introuvable.',
  'errors.conflict': 'Cela entre en conflit avec des données existantes.',
  'errors.in_use': 'Encore utilisé : suppression impossible.',
  'errors.rate_limited': 'Trop de tentatives. Réessayez dans une minute.',
  'errors.unsupported_media_type': 'Envoyez la requête au format JSON.',
  'errors.payload_too_large': 'La requête est trop volumineuse.',
  'errors.bad_request': "La requête n'est pas valide.",
  'errors.cross_site': 'Requête refusée : elle ne provient pas de ce site.',
  'errors.internal': "Une erreur s'est produite de notre côté. L'équipe a été prévenue.",
  'errors.invalid_credentials': 'E-mail ou mot de passe incorrect.',
  'errors.account_disabled': 'Ce compte est désactivé.',
  'errors.invalid_token': "Ce lien n'est pas valide ou a expiré.",
  'errors.email_taken': 'Un compte existe déjà avec cet e-mail.',
  'validation.file_empty': 'Le fichier est vide.',
  'validation.file_too_large': 'Le fichier est trop volumineux ({{max}} Ko au plus).',
  'validation.file_not_image': 'Envoyez une image PNG, JPEG ou WebP.',
  'validation.file_type': "Ce type de fichier n'est pas accepté : envoyez un PDF, une image ou un document Office.",
  'errors.invalid_transition': "Ce changement de statut n'est pas permis depuis le statut actuel.",
  'errors.not_editable': 'Cet élément ne peut plus être modifié.',
  'validation.phone_format': 'Chiffres, espaces et + ( ) . - uniquement.',
  'validation.required': 'Obligatoire.',
  'validation.one_language_required': 'Saisissez le nom dans une langue au moins.',
  'validation.password_length': 'Au moins 10 caractères.',
  'scope.park': 'parc',
  'scope.company': 'entreprise',
  'scope.partner': 'partenaire',
  'scope.merchant': 'commerçant',
  'scope.network': 'réseau',
  'mail.reset.subject': 'Réinitialisez votre mot de passe Technopark',
  'mail.reset.body':
    "Bonjour {{name}},\n\nUne demande de réinitialisation du mot de passe de votre compte Technopark a été faite. Ouvrez ce lien dans l'heure pour en choisir un nouveau :\n{{url}}\n\nSi ce n'était pas vous, ignorez ce message : votre mot de passe reste inchangé.",
  'role.network_admin': 'administrateur réseau',
  'role.park_manager': 'gestionnaire de parc',
  'role.program_officer': 'chargé de programme',
  'role.committee_member': 'membre de comité',
  'role.partner_staff': 'équipe partenaire',
  'role.company_admin': "administrateur d'entreprise",
  'role.company_member': "membre d'entreprise",
  'role.merchant': 'commerçant',
  'export.audit.at': 'Quand',
  'export.audit.actor': 'Qui',
  'export.audit.action': 'Action',
  'export.audit.entityType': "Type d'enregistrement",
  'export.audit.entityId': 'Enregistrement',
  'export.audit.changes': 'Modifications',
  'value.yes': 'oui',
  'value.no': 'non',
  'value.active': 'actif',
  'value.disabled': 'désactivé',
  'time.morocco': 'heure du Maroc',
};

const coreAr: Record<keyof typeof coreEn, string> = {
  ...auditAr,
  ...importsAr,
  'audit.entity.user': 'شخص',
  'audit.entity.network': 'الشبكة',
  'mail.kind.password_reset': 'إعادة تعيين كلمة المرور',
  'language.fr': 'الفرنسية',
  'language.ar': 'العربية',
  'language.en': 'الإنجليزية',
  'validation.text_nul': 'يحتوي هذا النص على حرف غير مسموح به (NUL).',
  'export.email.createdAt': 'تاريخ الإنشاء',
  'export.email.to': 'المرسل إليه',
  'export.email.subject': 'الموضوع',
  'export.email.kind': 'النوع',
  'export.email.locale': 'اللغة',
  'export.email.status': 'الحالة',
  'export.email.sentAt': 'تاريخ الإرسال',
  'export.email.error': 'الخطأ',
  'outbox.queued': 'في انتظار الإرسال',
  'outbox.sending': 'قيد الإرسال',
  'export.email.attempts': 'المحاولات',
  'errors.already_sent': 'سبق إرسال هذه الرسالة.',
  'outbox.sent': 'أُرسل',
  'outbox.failed': 'فشل',
  'errors.validation': 'بعض الحقول غير صالحة.',
  'errors.unauthenticated': 'يرجى تسجيل الدخول.',
  'errors.forbidden': 'غير مسموح لك بهذا الإجراء.',
  'errors.not_found': 'غير موجود.',
  'errors.conflict': 'يتعارض هذا مع بيانات موجودة.',
  'errors.in_use': 'لا يزال مستعملاً ولا يمكن حذفه.',
  'errors.rate_limited': 'محاولات كثيرة جداً. حاول مرة أخرى بعد دقيقة.',
  'errors.unsupported_media_type': 'أرسل الطلب بصيغة JSON.',
  'errors.payload_too_large': 'الطلب كبير جداً.',
  'errors.bad_request': 'الطلب غير صالح.',
  'errors.cross_site': 'تم رفض الطلب: لم يصدر من هذا الموقع.',
  'errors.internal': 'حدث خطأ من جهتنا. تم إبلاغ الفريق.',
  'errors.invalid_credentials': 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'errors.account_disabled': 'هذا الحساب معطل.',
  'errors.invalid_token': 'هذا الرابط غير صالح أو منتهي الصلاحية.',
  'errors.email_taken': 'يوجد حساب بهذا البريد الإلكتروني.',
  'validation.file_empty': 'الملف فارغ.',
  'validation.file_too_large': 'الملف كبير جدا ({{max}} كيلوبايت على الأكثر).',
  'validation.file_not_image': 'أرسل صورة بصيغة PNG أو JPEG أو WebP.',
  'validation.file_type': 'هذا النوع من الملفات غير مقبول: أرسل ملف PDF أو صورة أو مستند Office.',
  'errors.invalid_transition': 'هذا التغيير في الوضعية غير مسموح به انطلاقا من الوضعية الحالية.',
  'errors.not_editable': 'لم يعد من الممكن تعديل هذا العنصر.',
  'validation.phone_format': 'أرقام ومسافات و + ( ) . - فقط.',
  'validation.required': 'حقل إلزامي.',
  'validation.one_language_required': 'اكتب الاسم بلغة واحدة على الأقل.',
  'validation.password_length': '10 أحرف على الأقل.',
  'scope.park': 'الحديقة',
  'scope.company': 'الشركة',
  'scope.partner': 'الشريك',
  'scope.merchant': 'التاجر',
  'scope.network': 'الشبكة',
  'mail.reset.subject': 'إعادة تعيين كلمة مرور تكنوبارك',
  'mail.reset.body':
    'مرحباً {{name}}،\n\nطُلبت إعادة تعيين كلمة مرور حسابك على تكنوبارك. افتح هذا الرابط خلال ساعة لاختيار كلمة مرور جديدة:\n{{url}}\n\nإذا لم تكن أنت صاحب الطلب، تجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
  'role.network_admin': 'مدير الشبكة',
  'role.park_manager': 'مسير الحديقة',
  'role.program_officer': 'مسؤول البرامج',
  'role.committee_member': 'عضو اللجنة',
  'role.partner_staff': 'فريق الشريك',
  'role.company_admin': 'مدير الشركة',
  'role.company_member': 'عضو الشركة',
  'role.merchant': 'تاجر',
  'export.audit.at': 'متى',
  'export.audit.actor': 'من',
  'export.audit.action': 'الإجراء',
  'export.audit.entityType': 'نوع السجل',
  'export.audit.entityId': 'السجل',
  'export.audit.changes': 'التغييرات',
  'value.yes': 'نعم',
  'value.no': 'لا',
  'value.active': 'نشط',
  'value.disabled': 'معطل',
  'time.morocco': 'بتوقيت المغرب',
};

/** Every message key: the platform's, and the keys modules add with `declare module` (see `defineMessages`). */
export interface MessageCatalog extends Record<keyof typeof coreEn, string> {}
export type MessageKey = keyof MessageCatalog & string;

/** One source of wording: English keys, with French and Arabic required to have exactly the same ones. */
export type MessageSource = { en: Record<string, string>; fr: Record<string, string>; ar: Record<string, string> };

/**
 * A module's server wording in the three languages. French and Arabic must have exactly the English keys,
 * so a missing or misspelt translation does not compile. The module names the result in its manifest and adds
 * its keys to the catalog's type:
 * `declare module '../../platform/messages.js' { interface MessageCatalog extends MessagesOf<typeof fooMessages> {} }`
 */
export function defineMessages<const English extends Record<string, string>>(messages: {
  en: English;
  fr: Record<keyof English, string>;
  ar: Record<keyof English, string>;
}) {
  return messages;
}
export type MessagesOf<Source extends { en: Record<string, string> }> = Record<keyof Source['en'], string>;

const coreSource: MessageSource = { en: coreEn, fr: coreFr, ar: coreAr };
const dictionaries: Record<Locale, Record<string, string>> = { en: { ...coreEn }, fr: { ...coreFr }, ar: { ...coreAr } };
const ownerOfKey = new Map<string, string>(Object.keys(coreEn).map((key) => [key, 'platform']));
const installed = new Set<MessageSource>([coreSource]);

/**
 * Adds a module's wording to the catalog (once per source: installing the modules twice changes nothing).
 * A key another source already defines is refused: one would silently hide the other.
 */
export function installMessages(owner: string, source: MessageSource): void {
  if (installed.has(source)) return;
  for (const key of Object.keys(source.en)) {
    const existing = ownerOfKey.get(key);
    if (existing) throw new Error(`messages: "${key}" of ${owner} is already defined by ${existing}`);
  }
  installed.add(source);
  for (const key of Object.keys(source.en)) ownerOfKey.set(key, owner);
  for (const locale of ['en', 'fr', 'ar'] as const) Object.assign(dictionaries[locale], source[locale]);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in dictionaries.en;
}

export function translate(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries.en[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
