import { defineMessages, type MessagesOf } from '../../../platform/messages.js';

/** Server wording of decisions: their rules and the decision letter. */
export const decisionMessages = defineMessages({
  en: {
    'mail.kind.admission.admitted': 'Decision: admitted',
    'mail.kind.admission.waitlisted': 'Decision: waiting list',
    'mail.kind.admission.rejected': 'Decision: not selected',
    'validation.decision_reason_required': 'Give the reason: the applicant will read it.',
    'validation.decision_final': 'This application already has a decision that cannot be changed to this one.',
    'validation.required_area_needed': "Give the area the company needs, to place it on the park's waiting list.",
    'mail.decision.subject': 'Your application {{reference}} to "{{call}}": the decision',
    'mail.decision.greeting': 'Hello {{name}},',
    'mail.decision.admitted.body':
      'We are pleased to tell you that the selection committee admitted your application {{reference}} to "{{call}}". Congratulations!',
    'mail.decision.admitted.next':
      "Next steps: sign in to Technopark with this e-mail address ({{email}}) to complete your company's profile: {{url}}\nThe program team will contact you to plan your start.",
    'mail.decision.admitted.waitingList':
      'Your company is on the waiting list of {{park}} for a unit of {{area}} m². Units are offered in the order of admission to the companies whose need fits the unit that frees up; the park team will contact you as soon as one is available.',
    'mail.decision.waitlisted.body': 'The selection committee placed your application {{reference}} to "{{call}}" on its waiting list.',
    'mail.decision.waitlisted.next': 'If a place frees up, we will write to you again. You have nothing to do meanwhile.',
    'mail.decision.rejected.body':
      'We regret to tell you that the selection committee did not select your application {{reference}} to "{{call}}".',
    'mail.decision.rejected.next':
      'Thank you for your interest. You are welcome to apply to the next calls of the Technopark network: {{url}}',
    'mail.decision.reason': 'Reason given by the committee: {{reason}}',
    'mail.decision.closing': 'Best regards,\nThe Technopark team',
  },
  fr: {
    'mail.kind.admission.admitted': 'Décision : admise',
    'mail.kind.admission.waitlisted': "Décision : liste d'attente",
    'mail.kind.admission.rejected': 'Décision : non retenue',
    'validation.decision_reason_required': 'Indiquez le motif : le candidat le lira.',
    'validation.decision_final': 'Ce dossier a déjà une décision qui ne peut pas devenir celle-ci.',
    'validation.required_area_needed': "Indiquez la surface dont l'entreprise a besoin, pour l'inscrire sur la liste d'attente du parc.",
    'mail.decision.subject': 'Votre candidature {{reference}} à « {{call}} » : la décision',
    'mail.decision.greeting': 'Bonjour {{name}},',
    'mail.decision.admitted.body':
      'Nous avons le plaisir de vous annoncer que le comité de sélection a retenu votre candidature {{reference}} à « {{call}} ». Félicitations !',
    'mail.decision.admitted.next':
      "Prochaines étapes : connectez-vous à Technopark avec cette adresse e-mail ({{email}}) pour compléter le profil de votre entreprise : {{url}}\nL'équipe du programme vous contactera pour préparer votre démarrage.",
    'mail.decision.admitted.waitingList':
      "Votre entreprise est inscrite sur la liste d'attente de {{park}} pour un local de {{area}} m². Les locaux sont proposés dans l'ordre d'admission aux entreprises dont le besoin correspond au local libéré ; l'équipe du parc vous contactera dès qu'un local sera disponible.",
    'mail.decision.waitlisted.body':
      "Le comité de sélection a placé votre candidature {{reference}} à « {{call}} » sur sa liste d'attente.",
    'mail.decision.waitlisted.next': "Si une place se libère, nous vous écrirons de nouveau. Vous n'avez rien à faire d'ici là.",
    'mail.decision.rejected.body':
      "Nous avons le regret de vous informer que le comité de sélection n'a pas retenu votre candidature {{reference}} à « {{call}} ».",
    'mail.decision.rejected.next':
      "Merci de l'intérêt que vous portez au réseau Technopark. Vous pouvez candidater aux prochains appels : {{url}}",
    'mail.decision.reason': 'Motif indiqué par le comité : {{reason}}',
    'mail.decision.closing': "Cordialement,\nL'équipe Technopark",
  },
  ar: {
    'mail.kind.admission.admitted': 'القرار: مقبول',
    'mail.kind.admission.waitlisted': 'القرار: لائحة الانتظار',
    'mail.kind.admission.rejected': 'القرار: غير مقبول',
    'validation.decision_reason_required': 'اذكر السبب: سيقرؤه المترشح.',
    'validation.decision_final': 'لهذا الملف قرار سابق لا يمكن تغييره إلى هذا القرار.',
    'validation.required_area_needed': 'حدد المساحة التي تحتاجها المقاولة لتسجيلها في لائحة انتظار الحديقة.',
    'mail.decision.subject': 'ترشيحكم {{reference}} لـ«{{call}}»: القرار',
    'mail.decision.greeting': 'مرحباً {{name}}،',
    'mail.decision.admitted.body': 'يسعدنا إخباركم بأن لجنة الانتقاء قبلت ترشيحكم {{reference}} لـ«{{call}}». تهانينا!',
    'mail.decision.admitted.next':
      'الخطوات التالية: سجّلوا الدخول إلى منصة تكنوبارك بهذا البريد الإلكتروني ({{email}}) لاستكمال ملف مقاولتكم: {{url}}\nسيتصل بكم فريق البرنامج للتحضير لانطلاقتكم.',
    'mail.decision.admitted.waitingList':
      'تم تسجيل مقاولتكم في لائحة انتظار {{park}} للحصول على محل بمساحة {{area}} م². تُعرض المحلات حسب ترتيب القبول على المقاولات التي تناسب حاجتها المحل الذي يصبح شاغراً، وسيتصل بكم فريق الحديقة فور توفر محل.',
    'mail.decision.waitlisted.body': 'وضعت لجنة الانتقاء ترشيحكم {{reference}} لـ«{{call}}» في لائحة الانتظار.',
    'mail.decision.waitlisted.next': 'إذا شغر مكان، سنراسلكم من جديد. لا شيء مطلوب منكم في الأثناء.',
    'mail.decision.rejected.body': 'نأسف لإخباركم بأن لجنة الانتقاء لم تقبل ترشيحكم {{reference}} لـ«{{call}}».',
    'mail.decision.rejected.next': 'نشكركم على اهتمامكم بشبكة تكنوبارك. يمكنكم الترشح للإعلانات القادمة: {{url}}',
    'mail.decision.reason': 'السبب الذي قدمته اللجنة: {{reason}}',
    'mail.decision.closing': 'مع أطيب التحيات،\nفريق تكنوبارك',
  },
});

declare module '../../../platform/messages.js' {
  interface MessageCatalog extends MessagesOf<typeof decisionMessages> {}
}
