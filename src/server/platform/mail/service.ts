import type { Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { renderHtml } from './html.js';
import { outboundEmails } from './schema.js';

export type EmailMessage = {
  to: string;
  subject: string;
  /** The message in plain text; the HTML part is made from it (paragraphs, links, the reader's direction). */
  text: string;
  locale: Locale;
  kind: string;
  /** A message carrying a sign-in link: its body is never shown in the outbox and is erased once sent. */
  containsSecret?: boolean;
};

export type Mailer = {
  /**
   * Writes the message to the outbox in the caller's transaction: it exists if and only if what caused it was
   * committed. The delivery worker sends it afterwards; no request ever waits on an SMTP server.
   */
  queue: (db: Executor, message: EmailMessage) => Promise<void>;
};

export function createMailer(): Mailer {
  return {
    async queue(db, message) {
      await db.insert(outboundEmails).values({
        toAddress: message.to,
        subject: message.subject,
        text: message.text,
        html: renderHtml(message),
        locale: message.locale,
        kind: message.kind,
        containsSecret: message.containsSecret ?? false,
        // Due from the app's clock, the one delivery compares with: the database's now() keeps microseconds, and
        // a message queued within the same millisecond as a delivery round would otherwise wait for the next one.
        nextAttemptAt: new Date(),
      });
    },
  };
}
