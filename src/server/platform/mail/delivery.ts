import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/database.js';
import { outboundEmails } from './schema.js';

type OutboundEmail = typeof outboundEmails.$inferSelect;
type Log = (fields: Record<string, unknown>, message: string) => void;

/** Waits before the 2nd, 3rd… attempt: a minute, then longer, about two days in all before giving up. */
export const retryDelaysSeconds = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60, 24 * 60 * 60];
/** The first attempt and one per delay. */
export const maxAttempts = retryDelaysSeconds.length + 1;
/** How long a worker holds a message it is sending; past that (the process died) another worker takes it. */
const claimSeconds = 5 * 60;
const batchSize = 10;
const pollingMilliseconds = 2000;

export type DeliveryOptions = {
  db: Database;
  smtpUrl: string;
  from: string;
  log?: Log;
  /** SMTP waits, in milliseconds: a server that accepts the connection and never greets is given up after greetingTimeout. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
};

export type MailDelivery = {
  /**
   * Sends every message due at `now` (queued and due, or held by a worker that died), one batch after another;
   * returns how many were sent. Tests and scripts call it directly; the worker calls it in a loop.
   */
  deliverDue(now?: Date): Promise<{ sent: number; failed: number }>;
  /** Starts the worker (the server does this after listen). */
  start(): void;
  /** Stops the worker, waiting for the message in hand. */
  stop(): Promise<void>;
};

/**
 * The outbox's delivery worker: takes due messages in a short transaction (skipping those another worker
 * holds), sends them with no transaction open, then records the outcome. A message is sent at least once;
 * an attempt that fails is retried with growing delays; a permanent refusal (5xx) or the last attempt marks
 * it failed, for an admin to see and resend.
 */
export function createMailDelivery(options: DeliveryOptions): MailDelivery {
  const { db } = options;
  const log: Log = options.log ?? ((fields, message) => console.warn(message, fields));
  const transport: Transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeouts?.connection ?? 15_000,
    greetingTimeout: options.timeouts?.greeting ?? 15_000,
    socketTimeout: options.timeouts?.socket ?? 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);

  const context: SendContext = { db, transport, from: options.from, log };

  async function deliverDue(now = new Date()) {
    const outcome = { sent: 0, failed: 0 };
    for (let batch = await claim(db, now); batch.length > 0; batch = await claim(db, now)) {
      for (const email of batch) {
        if (await deliver(context, email, now)) outcome.sent++;
        else outcome.failed++;
      }
    }
    return outcome;
  }

  const stopping = new AbortController();
  let loop: Promise<void> | null = null;
  return {
    deliverDue,
    start() {
      loop ??= (async () => {
        while (!stopping.signal.aborted) {
          let worked = false;
          try {
            const outcome = await deliverDue();
            worked = outcome.sent + outcome.failed > 0;
          } catch (error) {
            log({ error: describeError(error) }, 'mail: the outbox could not be read');
          }
          if (!worked) await sleep(pollingMilliseconds, undefined, { signal: stopping.signal }).catch(() => {});
        }
      })();
    },
    async stop() {
      stopping.abort();
      await loop;
      transport.close();
    },
  };
}

type SendContext = { db: Database; transport: Transporter; from: string; log: Log };

/** Takes the due messages (queued and due, or held by a worker that died), skipping those another worker holds. */
async function claim(db: Database, now: Date): Promise<OutboundEmail[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(
        or(
          and(eq(outboundEmails.status, 'queued'), lte(outboundEmails.nextAttemptAt, now)),
          and(eq(outboundEmails.status, 'sending'), lt(outboundEmails.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outboundEmails.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboundEmails)
      .set({
        status: 'sending',
        claimedUntil: new Date(now.getTime() + claimSeconds * 1000),
        attempts: sql`${outboundEmails.attempts} + 1`,
      })
      .where(
        inArray(
          outboundEmails.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

async function deliver(context: SendContext, email: OutboundEmail, now: Date): Promise<boolean> {
  const { db, transport, from, log } = context;
  const held = and(eq(outboundEmails.id, email.id), eq(outboundEmails.status, 'sending'));
  try {
    await transport.sendMail({
      from,
      to: email.toAddress,
      subject: email.subject,
      text: email.text ?? '',
      html: email.html ?? undefined,
      headers: { 'Content-Language': email.locale },
    });
  } catch (error) {
    const permanent = isPermanent(error);
    const last = permanent || email.attempts >= maxAttempts;
    const delay = retryDelaysSeconds[Math.min(email.attempts, retryDelaysSeconds.length) - 1] ?? 0;
    const reason = describeError(error);
    await db
      .update(outboundEmails)
      .set({
        status: last ? 'failed' : 'queued',
        error: reason,
        claimedUntil: null,
        nextAttemptAt: new Date(now.getTime() + delay * 1000),
      })
      .where(held);
    // The message and the attempt, never the address (personal data).
    log({ emailId: email.id, kind: email.kind, attempt: email.attempts, gaveUp: last, error: reason }, 'mail: delivery failed');
    return false;
  }
  await db
    .update(outboundEmails)
    .set({
      status: 'sent',
      sentAt: new Date(),
      error: null,
      claimedUntil: null,
      // A sign-in link must not outlive its delivery in our database.
      ...(email.containsSecret ? { text: null, html: null } : {}),
    })
    .where(held);
  return true;
}

/** An SMTP answer in the 5xx range: the server will never accept this message (unknown mailbox, refused sender). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describeError(error: unknown): string {
  const { message, code, responseCode } = error as { message?: string; code?: string; responseCode?: number };
  const text = [responseCode, code, message].filter(Boolean).join(' ');
  return (text || String(error)).slice(0, 500);
}
