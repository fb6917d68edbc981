import { defineMessages, type MessagesOf } from '../../../platform/messages.js';

/** Server wording of the company lifecycle: statuses and the rules of a history. */
export const companyLifecycleMessages = defineMessages({
  en: {
    'validation.date_in_future': 'This date is in the future.',
    'validation.date_before_previous_status': 'This date is before the previous status ({{date}}).',
    'validation.status_cannot_follow': '"{{to}}" cannot follow "{{from}}".',
    'validation.not_initial_status': 'A company cannot start with this status.',
    'lifecycle.applicant': 'applicant',
    'lifecycle.admitted': 'admitted',
    'lifecycle.resident': 'resident',
    'lifecycle.non_resident_member': 'non-resident member',
    'lifecycle.alumni': 'alumni',
    'lifecycle.closed': 'closed',
    'lifecycle.merged_acquired': 'merged or acquired',
  },
  fr: {
    'validation.date_in_future': 'Cette date est dans le futur.',
    'validation.date_before_previous_status': 'Cette date précède le statut précédent ({{date}}).',
    'validation.status_cannot_follow': '« {{to}} » ne peut pas suivre « {{from}} ».',
    'validation.not_initial_status': 'Une entreprise ne peut pas commencer avec ce statut.',
    'lifecycle.applicant': 'candidate',
    'lifecycle.admitted': 'admise',
    'lifecycle.resident': 'résidente',
    'lifecycle.non_resident_member': 'membre non résidente',
    'lifecycle.alumni': 'ancienne résidente',
    'lifecycle.closed': 'fermée',
    'lifecycle.merged_acquired': 'fusionnée ou rachetée',
  },
  ar: {
    'validation.date_in_future': 'هذا التاريخ في المستقبل.',
    'validation.date_before_previous_status': 'هذا التاريخ يسبق الوضعية السابقة ({{date}}).',
    'validation.status_cannot_follow': 'لا يمكن أن تلي «{{to}}» وضعية «{{from}}».',
    'validation.not_initial_status': 'لا يمكن أن تبدأ المقاولة بهذه الوضعية.',
    'lifecycle.applicant': 'مترشحة',
    'lifecycle.admitted': 'مقبولة',
    'lifecycle.resident': 'مقيمة',
    'lifecycle.non_resident_member': 'عضو غير مقيم',
    'lifecycle.alumni': 'مقاولة سابقة',
    'lifecycle.closed': 'مغلقة',
    'lifecycle.merged_acquired': 'مدمجة أو مستحوذ عليها',
  },
});

declare module '../../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof companyLifecycleMessages> {}
}
