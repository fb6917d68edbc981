import { defineMessages } from '../../platform/define-messages.js';

/** Server wording of committee review, decisions and the waiting list: validation, decision e-mails, export headers. */
export const reviewMessages = defineMessages({
  en: {},
  fr: {},
  ar: {},
});
