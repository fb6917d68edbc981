import type { Decision } from '../../../../contracts/admissions.js';
import { formatNumber } from '../../../../shared/calendar.js';
import type { Locale } from '../../../../shared/locales.js';
import type { EmailMessage } from '../../../platform/mail/service.js';
import { translate } from '../../../platform/messages.js';

export type DecisionLetterInput = {
  locale: Locale;
  to: string;
  contactName: string;
  callTitle: string;
  reference: string;
  decision: Decision;
  reason: string;
  publicUrl: string;
  /** Admitted to a residency: the park whose waiting list the company joined, and the area asked for. */
  waitingList: { parkName: string; areaM2: number } | null;
};

/**
 * The decision letter (SPEC §3.3), in the applicant's language: the call, the reference, the decision,
 * the reason of a rejection or a waitlisting, and what happens next.
 */
export function decisionLetter(input: DecisionLetterInput): EmailMessage {
  const { locale, decision } = input;
  const say = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const context = { reference: input.reference, call: input.callTitle };
  const paragraphs = [
    say('mail.decision.greeting', { name: input.contactName || input.to }),
    say(`mail.decision.${decision}.body`, context),
  ];
  if (decision !== 'admitted' && input.reason) paragraphs.push(say('mail.decision.reason', { reason: input.reason }));
  if (decision === 'admitted') {
    paragraphs.push(say('mail.decision.admitted.next', { url: `${input.publicUrl}/sign-in`, email: input.to }));
    if (input.waitingList) {
      paragraphs.push(
        say('mail.decision.admitted.waitingList', {
          park: input.waitingList.parkName,
          area: formatNumber(input.waitingList.areaM2, locale, { maximumFractionDigits: 2 }),
        }),
      );
    }
  } else {
    paragraphs.push(say(`mail.decision.${decision}.next`, { url: input.publicUrl }));
  }
  paragraphs.push(say('mail.decision.closing'));
  return {
    to: input.to,
    locale,
    kind: `admission.${decision}`,
    subject: say('mail.decision.subject', context),
    text: paragraphs.join('\n\n'),
  };
}
