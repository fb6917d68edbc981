import { defineMessages } from '../../platform/define-messages.js';

/** Server wording of company imports: column names, per-row problems. */
export const companyImportMessages = defineMessages({
  en: {},
  fr: {},
  ar: {},
});
