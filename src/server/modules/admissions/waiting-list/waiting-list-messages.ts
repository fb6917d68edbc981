import { defineMessages, type MessagesOf } from '../../../platform/messages.js';

/** Server wording of the parks' waiting lists: dates, statuses, export headers. */
export const waitingListMessages = defineMessages({
  en: {
    'audit.entity.waiting_list_entry': 'Waiting list entry',
    'validation.date_before_request': 'This date is before the request ({{date}}).',
    'review.waitingStatus.waiting': 'waiting',
    'review.waitingStatus.allocated': 'unit allocated',
    'review.waitingStatus.withdrawn': 'withdrawn',
    'export.waitingList.position': 'Position',
    'export.waitingList.requiredAreaM2': 'Required area (m²)',
    'export.waitingList.requestedOn': 'Requested on',
    'export.waitingList.daysWaiting': 'Days waiting',
    'export.waitingList.status': 'Status',
    'export.waitingList.closedOn': 'Closed on',
    'export.waitingList.note': 'Note',
    'export.waitingList.park': 'Park',
    'export.waitingList.waiting': 'Companies waiting',
    'export.waitingList.oldestRequestedOn': 'Waiting since',
  },
  fr: {
    'audit.entity.waiting_list_entry': "Inscription en liste d'attente",
    'validation.date_before_request': 'Cette date précède la demande ({{date}}).',
    'review.waitingStatus.waiting': 'en attente',
    'review.waitingStatus.allocated': 'local attribué',
    'review.waitingStatus.withdrawn': 'retiré',
    'export.waitingList.position': 'Position',
    'export.waitingList.requiredAreaM2': 'Surface demandée (m²)',
    'export.waitingList.requestedOn': 'Demandé le',
    'export.waitingList.daysWaiting': "Jours d'attente",
    'export.waitingList.status': 'Statut',
    'export.waitingList.closedOn': 'Clôturé le',
    'export.waitingList.note': 'Note',
    'export.waitingList.park': 'Parc',
    'export.waitingList.waiting': 'Entreprises en attente',
    'export.waitingList.oldestRequestedOn': 'En attente depuis',
  },
  ar: {
    'audit.entity.waiting_list_entry': 'تسجيل في لائحة الانتظار',
    'validation.date_before_request': 'هذا التاريخ سابق للطلب ({{date}}).',
    'review.waitingStatus.waiting': 'في الانتظار',
    'review.waitingStatus.allocated': 'تم تخصيص محل',
    'review.waitingStatus.withdrawn': 'منسحب',
    'export.waitingList.position': 'الرتبة',
    'export.waitingList.requiredAreaM2': 'المساحة المطلوبة (م²)',
    'export.waitingList.requestedOn': 'تاريخ الطلب',
    'export.waitingList.daysWaiting': 'أيام الانتظار',
    'export.waitingList.status': 'الحالة',
    'export.waitingList.closedOn': 'تاريخ الإغلاق',
    'export.waitingList.note': 'ملاحظة',
    'export.waitingList.park': 'الحديقة',
    'export.waitingList.waiting': 'المقاولات في الانتظار',
    'export.waitingList.oldestRequestedOn': 'في الانتظار منذ',
  },
});

declare module '../../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof waitingListMessages> {}
}
