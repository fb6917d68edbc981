import { defineMessages } from '../../platform/define-messages.js';

/** Server wording of periodic reports: validation, reminder e-mails, export headers. */
export const companyReportMessages = defineMessages({
  en: {},
  fr: {},
  ar: {},
});
