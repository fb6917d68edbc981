import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMailCatcher } from '../../scripts/mail-catcher.js';
import { client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { auditLog } from '../audit/schema.js';
import { createMailDelivery, maxAttempts, retryDelaysSeconds } from './delivery.js';
import { outboundEmails } from './schema.js';
import { createMailer } from './service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.delete(outboundEmails);
});

const mailer = createMailer();
const message = (to: string, overrides: Partial<Parameters<typeof mailer.queue>[1]> = {}) => ({
  to,
  subject: 'Invitation',
  text: 'Bonjour,\n\nOuvrez https://technopark.example/invitation?token=abc pour accepter.',
  locale: 'fr' as const,
  kind: 'invitation',
  ...overrides,
});
const rowOf = async (to: string) => (await t.database.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, to)))[0];
const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);

/** A server that accepts connections and never says a word (the SMTP greeting never comes). */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the outbox', () => {
  it('holds a message only if the transaction that caused it commits', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await mailer.queue(tx, message('rolled-back@example.ma'));
        throw new Error('the write failed');
      })
      .catch(() => {});
    await t.database.db.transaction((tx) => mailer.queue(tx, message('committed@example.ma')));
    expect(await rowOf('rolled-back@example.ma')).toBeUndefined();
    expect(await rowOf('committed@example.ma')).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('sends a text and an HTML part in the reader’s language and direction, and erases a sign-in link once sent', async () => {
    const catcher = await startMailCatcher();
    const delivery = createMailDelivery({ db: t.database.db, smtpUrl: catcher.smtpUrl, from: 'Technopark <no-reply@technopark.example>' });
    try {
      await mailer.queue(
        t.database.db,
        message('salma@example.ma', {
          locale: 'ar',
          subject: 'دعوة',
          text: 'مرحبا سلمى،\n\nافتحي https://technopark.example/invitation?token=s3cret',
          containsSecret: true,
        }),
      );
      await mailer.queue(t.database.db, message('karim@example.ma', { kind: 'decision', text: 'Votre candidature est retenue.' }));
      expect(await delivery.deliverDue()).toEqual({ sent: 2, failed: 0 });

      const arabic = await catcher.waitFor('salma@example.ma');
      expect(arabic.subject).toBe('دعوة');
      expect(arabic.text).toContain('token=s3cret');
      expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
      expect(arabic.html).toContain('<a href="https://technopark.example/invitation?token=s3cret" dir="ltr">');
      expect(arabic.contentLanguage).toBe('ar');
      expect((await catcher.waitFor('karim@example.ma')).html).toContain('<html lang="fr" dir="ltr">');

      expect(await rowOf('salma@example.ma')).toMatchObject({ status: 'sent', attempts: 1, text: null, html: null });
      expect(await rowOf('karim@example.ma')).toMatchObject({ status: 'sent', text: 'Votre candidature est retenue.' });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await delivery.stop();
      await catcher.close();
    }
  });

  it('never makes a request wait on an SMTP server that never greets, and sends the message once the server is back', async () => {
    const silent = await silentServer();
    const smtpUrl = `smtp://127.0.0.1:${silent.port}`;
    const delivery = createMailDelivery({ db: t.database.db, smtpUrl, from: 'no-reply@technopark.example', timeouts: { greeting: 1500 } });
    await mailer.queue(t.database.db, message('waiting@example.ma'));

    const start = new Date();
    const delivering = delivery.deliverDue(start);
    // While the worker waits for the greeting, the app answers: the database is not held by the delivery.
    const first = await Promise.race([
      client(t.app)
        .get('/api/v1/parks')
        .then((response) => `request ${response.statusCode}`),
      delivering.then(() => 'delivery'),
    ]);
    expect(first).toBe('request 200');
    expect(await delivering).toEqual({ sent: 0, failed: 1 });
    const waiting = await rowOf('waiting@example.ma');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.error).toMatch(/greeting|timeout/i);
    expect(waiting.nextAttemptAt.getTime()).toBe(seconds(start, retryDelaysSeconds[0]).getTime());
    await delivery.stop();

    // The server comes back on the same address; the retry is not made before its time, then it is.
    await silent.close();
    const catcher = await startMailCatcher({ port: silent.port });
    const again = createMailDelivery({ db: t.database.db, smtpUrl, from: 'no-reply@technopark.example' });
    try {
      expect(await again.deliverDue(seconds(start, retryDelaysSeconds[0] - 1))).toEqual({ sent: 0, failed: 0 });
      expect(await again.deliverDue(seconds(start, retryDelaysSeconds[0]))).toEqual({ sent: 1, failed: 0 });
      expect((await catcher.waitFor('waiting@example.ma')).subject).toBe('Invitation');
      expect(await rowOf('waiting@example.ma')).toMatchObject({ status: 'sent', attempts: 2, error: null });
    } finally {
      await again.stop();
      await catcher.close();
    }
  });

  it('retries a refused message with growing delays, then keeps it as failed for an admin to resend', async () => {
    let refusal: number | null = 451;
    const catcher = await startMailCatcher({ refuse: () => refusal });
    const logged: unknown[] = [];
    const delivery = createMailDelivery({
      db: t.database.db,
      smtpUrl: catcher.smtpUrl,
      from: 'no-reply@technopark.example',
      log: (fields, text) => logged.push({ fields, text }),
    });
    try {
      await mailer.queue(t.database.db, message('refused@example.ma', { kind: 'decision', text: 'Décision' }));
      let clock = new Date();
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        expect(await delivery.deliverDue(clock)).toEqual({ sent: 0, failed: 1 });
        const row = await rowOf('refused@example.ma');
        expect(row).toMatchObject({ attempts: attempt, status: attempt === maxAttempts ? 'failed' : 'queued' });
        expect(row.error).toContain('451');
        clock = row.nextAttemptAt;
      }
      expect(await delivery.deliverDue(seconds(clock, 7 * 24 * 3600))).toEqual({ sent: 0, failed: 0 });
      // Each failure is logged, with the message's id and the error, never the address.
      expect(logged).toHaveLength(maxAttempts);
      expect(JSON.stringify(logged)).not.toContain('refused@example.ma');

      const admin = await signedIn(t.app, t.database.db, 'network_admin');
      const listed = (await client(t.app, admin.cookie).get('/api/v1/outbox?status=failed')).json();
      expect(listed.items).toEqual([expect.objectContaining({ toAddress: 'refused@example.ma', attempts: maxAttempts, text: 'Décision' })]);
      expect((await client(t.app, admin.cookie).get('/api/v1/outbox/delivery')).json()).toEqual({
        smtpConfigured: false,
        waiting: 0,
        failed: 1,
      });

      refusal = null;
      const id = listed.items[0].id;
      const resent = await client(t.app, admin.cookie).post(`/api/v1/outbox/${id}/resend`);
      expect(resent.json()).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await delivery.deliverDue()).toEqual({ sent: 1, failed: 0 });
      expect((await catcher.waitFor('refused@example.ma')).text).toContain('Décision');
      const twice = await client(t.app, admin.cookie).post(`/api/v1/outbox/${id}/resend`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error).toMatchObject({ code: 'already_sent', message: 'Ce message a déjà été envoyé.' });
      const audited = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'email.resend'), eq(auditLog.entityId, id)));
      expect(audited).toHaveLength(1);
    } finally {
      await delivery.stop();
      await catcher.close();
    }
  });

  it('gives up at once when the server refuses for good (5xx)', async () => {
    const catcher = await startMailCatcher({ refuse: () => 550 });
    const delivery = createMailDelivery({ db: t.database.db, smtpUrl: catcher.smtpUrl, from: 'no-reply@technopark.example' });
    try {
      await mailer.queue(t.database.db, message('nobody@example.ma'));
      expect(await delivery.deliverDue()).toEqual({ sent: 0, failed: 1 });
      expect(await rowOf('nobody@example.ma')).toMatchObject({ status: 'failed', attempts: 1 });
    } finally {
      await delivery.stop();
      await catcher.close();
    }
  });

  it('takes again a message whose worker died while sending it, and sends each message once with two workers', async () => {
    const catcher = await startMailCatcher();
    const one = createMailDelivery({ db: t.database.db, smtpUrl: catcher.smtpUrl, from: 'no-reply@technopark.example' });
    const two = createMailDelivery({ db: t.database.db, smtpUrl: catcher.smtpUrl, from: 'no-reply@technopark.example' });
    try {
      await mailer.queue(t.database.db, message('orphan@example.ma'));
      await t.database.db
        .update(outboundEmails)
        .set({ status: 'sending', attempts: 1, claimedUntil: new Date(Date.now() - 1000) })
        .where(eq(outboundEmails.toAddress, 'orphan@example.ma'));
      for (let n = 0; n < 24; n++) await mailer.queue(t.database.db, message(`person${n}@example.ma`));
      const [a, b] = await Promise.all([one.deliverDue(), two.deliverDue()]);
      expect(a.sent + b.sent).toBe(25);
      expect(catcher.messages).toHaveLength(25);
      expect(new Set(catcher.messages.map((caught) => caught.to[0])).size).toBe(25);
      expect(await rowOf('orphan@example.ma')).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await one.stop();
      await two.stop();
      await catcher.close();
    }
  });
});

describe('reading the outbox', () => {
  it('never shows a body carrying a sign-in link, is for network admins only, and is audited', async () => {
    await mailer.queue(t.database.db, message('secret@example.ma', { containsSecret: true }));
    await mailer.queue(t.database.db, message('plain@example.ma', { kind: 'decision', text: 'Texte lisible' }));
    const admin = await signedIn(t.app, t.database.db, 'network_admin');
    const page = await client(t.app, admin.cookie).get('/api/v1/outbox');
    expect(page.statusCode).toBe(200);
    const byAddress = Object.fromEntries(page.json().items.map((item: { toAddress: string }) => [item.toAddress, item]));
    expect(byAddress['secret@example.ma']).toMatchObject({ text: null, containsSecret: true, status: 'queued' });
    expect(byAddress['plain@example.ma']).toMatchObject({ text: 'Texte lisible', containsSecret: false });
    expect(page.body).not.toContain('token=abc');
    const exported = await client(t.app, admin.cookie).get('/api/v1/outbox/export?format=csv');
    expect(exported.body).not.toContain('token=abc');

    const reads = await t.database.db.select().from(auditLog).where(eq(auditLog.actorUserId, admin.id));
    expect(reads.map((entry) => entry.action).sort()).toEqual(['outbox.export', 'outbox.read']);
    expect(reads.find((entry) => entry.action === 'outbox.read')?.after).toMatchObject({ count: 2 });

    const officer = await signedIn(t.app, t.database.db, 'program_officer');
    expect((await client(t.app, officer.cookie).get('/api/v1/outbox')).statusCode).toBe(403);
    expect((await client(t.app, officer.cookie).post(`/api/v1/outbox/${byAddress['plain@example.ma'].id}/resend`)).statusCode).toBe(403);
  });
});
