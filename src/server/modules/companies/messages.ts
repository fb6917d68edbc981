import { defineMessages } from '../../platform/define-messages.js';

/** Server wording of companies: validation, e-mails, export headers. */
export const companyMessages = defineMessages({
  en: {
    'validation.ice_format': 'The ICE has exactly 15 digits.',
  },
  fr: {
    'validation.ice_format': "L'ICE compte exactement 15 chiffres.",
  },
  ar: {
    'validation.ice_format': 'يتكون التعريف الموحد للمقاولة (ICE) من 15 رقما بالضبط.',
  },
});
