import { defineMessages, type MessagesOf } from '../../platform/messages.js';

/** How the audit log words what is done to companies, their reports and imports. */
export const companyAuditMessages = defineMessages({
  en: {
    'audit.company.address': 'Address',
    'audit.company.description': 'Description',
    'audit.company.founders': 'Founders',
    'audit.company.contacts': 'Contacts',
    'audit.action.company.create': '{{actor}} created the company {{object}}',
    'audit.action.company.update': '{{actor}} changed the profile of {{object}}',
    'audit.action.company.status': '{{actor}} recorded a new status for {{object}}',
    'audit.action.company.logo': '{{actor}} changed the logo of {{object}}',
    'audit.action.company_report.file': '{{actor}} filed a report for {{object}}',
    'audit.action.company_report.correct': '{{actor}} corrected a report of {{object}}',
    'audit.action.company_report.remind': '{{actor}} reminded {{object}} to file its report',
    'audit.action.company_import.create': '{{actor}} uploaded the companies file {{object}}',
    'audit.action.company_import.validate': '{{actor}}: the companies file {{object}} was checked',
    'audit.action.company_import.confirm': '{{actor}} confirmed the import of {{object}}',
    'audit.action.company_import.complete': '{{actor}}: the companies of {{object}} were imported',
    'audit.action.company_import.fail': '{{actor}}: the import of {{object}} failed',
  },
  fr: {
    'audit.company.address': 'Adresse',
    'audit.company.description': 'Description',
    'audit.company.founders': 'Fondateurs',
    'audit.company.contacts': 'Contacts',
    'audit.action.company.create': '{{actor}} a créé l’entreprise {{object}}',
    'audit.action.company.update': '{{actor}} a modifié la fiche de {{object}}',
    'audit.action.company.status': '{{actor}} a enregistré un nouveau statut pour {{object}}',
    'audit.action.company.logo': '{{actor}} a changé le logo de {{object}}',
    'audit.action.company_report.file': '{{actor}} a déposé un rapport pour {{object}}',
    'audit.action.company_report.correct': '{{actor}} a corrigé un rapport de {{object}}',
    'audit.action.company_report.remind': '{{actor}} a relancé {{object}} pour son rapport',
    'audit.action.company_import.create': '{{actor}} a déposé le fichier d’entreprises {{object}}',
    'audit.action.company_import.validate': '{{actor}} : le fichier d’entreprises {{object}} a été vérifié',
    'audit.action.company_import.confirm': '{{actor}} a confirmé l’import de {{object}}',
    'audit.action.company_import.complete': '{{actor}} : les entreprises de {{object}} ont été importées',
    'audit.action.company_import.fail': '{{actor}} : l’import de {{object}} a échoué',
  },
  ar: {
    'audit.company.address': 'العنوان',
    'audit.company.description': 'الوصف',
    'audit.company.founders': 'المؤسسون',
    'audit.company.contacts': 'جهات الاتصال',
    'audit.action.company.create': '{{actor}}: إنشاء المقاولة {{object}}',
    'audit.action.company.update': '{{actor}}: تعديل بطاقة {{object}}',
    'audit.action.company.status': '{{actor}}: تسجيل وضعية جديدة لـ{{object}}',
    'audit.action.company.logo': '{{actor}}: تغيير شعار {{object}}',
    'audit.action.company_report.file': '{{actor}}: إيداع تقرير لـ{{object}}',
    'audit.action.company_report.correct': '{{actor}}: تصحيح تقرير {{object}}',
    'audit.action.company_report.remind': '{{actor}}: تذكير {{object}} بإيداع تقريرها',
    'audit.action.company_import.create': '{{actor}}: إيداع ملف المقاولات {{object}}',
    'audit.action.company_import.validate': '{{actor}}: التحقق من ملف المقاولات {{object}}',
    'audit.action.company_import.confirm': '{{actor}}: تأكيد استيراد {{object}}',
    'audit.action.company_import.complete': '{{actor}}: استيراد مقاولات {{object}}',
    'audit.action.company_import.fail': '{{actor}}: فشل استيراد {{object}}',
  },
});

declare module '../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof companyAuditMessages> {}
}
