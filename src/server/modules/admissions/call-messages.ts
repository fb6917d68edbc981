import { defineMessages } from '../../platform/define-messages.js';

/** Server wording of calls and applications: validation, e-mails to applicants, export headers. */
export const callMessages = defineMessages({
  en: {
    'validation.deadline_passed': 'The deadline of this call has passed.',
  },
  fr: {
    'validation.deadline_passed': 'La date limite de cet appel est dépassée.',
  },
  ar: {
    'validation.deadline_passed': 'انتهى الأجل المحدد لهذا الإعلان.',
  },
});
