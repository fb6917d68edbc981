import { isLocale, type Locale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import type { ServiceContext } from '../../../platform/context.js';
import { translate } from '../../../platform/messages.js';
import { formatParkTime } from '../../../platform/park-time.js';
import type { CallRow } from '../calls/access.js';
import { type ApplicationRow, describeProblems } from './application-views.js';

type Recipient = { name: string; email: string };
/** An e-mail about an application, to its applicant, sent in the caller's transaction (`ctx.db`). */
type ApplicationMail = { application: ApplicationRow; call: CallRow; recipient: Recipient };

/** Applicants read about their application in the language they applied in. */
function applicationLocale(application: ApplicationRow): Locale {
  return isLocale(application.locale) ? application.locale : 'fr';
}

export async function sendSubmissionConfirmation(ctx: ServiceContext, { application, call, recipient }: ApplicationMail): Promise<void> {
  const locale = applicationLocale(application);
  const params = {
    name: recipient.name,
    reference: application.reference,
    call: pickText(call.title, locale),
    company: application.companyName,
    date: formatParkTime(application.submittedAt ?? new Date(), locale),
    url: `${ctx.publicUrl}/my/applications`,
  };
  await ctx.mailer.queue(ctx.db, {
    to: recipient.email,
    subject: translate(locale, 'mail.applicationSubmitted.subject', params),
    text: translate(locale, 'mail.applicationSubmitted.body', params),
    locale,
    kind: 'application_submitted',
  });
}

/** Tells the applicant their application is not eligible, with the reasons: the check's findings and the officer's note. */
export async function sendIneligibilityNotice(ctx: ServiceContext, { application, call, recipient }: ApplicationMail): Promise<void> {
  const locale = applicationLocale(application);
  const reasons = [
    ...describeProblems(application.eligibilityProblems, locale).map((problem) => problem.message),
    application.eligibilityNote,
  ]
    .filter((reason) => reason.trim() !== '')
    .map((reason) => `- ${reason}`)
    .join('\n');
  const params = {
    name: recipient.name,
    reference: application.reference,
    call: pickText(call.title, locale),
    company: application.companyName,
    reasons,
    url: `${ctx.publicUrl}/my/applications`,
  };
  await ctx.mailer.queue(ctx.db, {
    to: recipient.email,
    subject: translate(locale, 'mail.applicationIneligible.subject', params),
    text: translate(locale, 'mail.applicationIneligible.body', params),
    locale,
    kind: 'application_ineligible',
  });
}
