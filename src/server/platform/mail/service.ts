import nodemailer, { type Transporter } from 'nodemailer';
import type { Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { outboundEmails } from './schema.js';

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  locale: Locale;
  kind: string;
  /** Messages carrying a sign-in link are not kept in clear once they really went out. */
  containsSecret?: boolean;
};

export type Mailer = { send: (db: Executor, message: EmailMessage) => Promise<void> };

/** SMTP when configured; otherwise every message stays in the outbox table, shown to network admins. */
export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(db, message) {
      if (!transport) {
        await db.insert(outboundEmails).values({
          toAddress: message.to,
          subject: message.subject,
          text: message.text,
          locale: message.locale,
          kind: message.kind,
          status: 'outbox',
        });
        return;
      }
      const kept = message.containsSecret ? '[sent by SMTP; not kept because it contains a sign-in link]' : message.text;
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
        await db.insert(outboundEmails).values({
          toAddress: message.to,
          subject: message.subject,
          text: kept,
          locale: message.locale,
          kind: message.kind,
          status: 'sent',
          sentAt: new Date(),
        });
      } catch (error) {
        await db.insert(outboundEmails).values({
          toAddress: message.to,
          subject: message.subject,
          text: kept,
          locale: message.locale,
          kind: message.kind,
          status: 'failed',
          error: (error as Error).message.slice(0, 500),
        });
      }
    },
  };
}
