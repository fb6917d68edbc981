import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the catcher received it over SMTP, parsed like a mail client would. */
export type CaughtMessage = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  contentLanguage: string | null;
  receivedAt: string;
};

export type MailCatcher = {
  smtpUrl: string;
  messages: CaughtMessage[];
  /** Resolves with the first message to the address that arrives (or has arrived). */
  waitFor: (address: string) => Promise<CaughtMessage>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server that keeps what it receives, for tests and for trying the platform without a mail server
 * (`npm run mail:catch`). `refuse` may answer a message with an SMTP error code instead (451: try later,
 * 550: never), as a full or misconfigured server would.
 */
export async function startMailCatcher(options: { port?: number; host?: string; refuse?: () => number | null } = {}): Promise<MailCatcher> {
  const messages: CaughtMessage[] = [];
  const waiting: { address: string; resolve: (message: CaughtMessage) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const refusal = options.refuse?.() ?? null;
      if (refusal) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox unavailable'), { responseCode: refusal })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const to = [parsed.to]
            .flat()
            .flatMap((address) => address?.value ?? [])
            .map((entry) => entry.address ?? '');
          const language = parsed.headers.get('content-language');
          const message: CaughtMessage = {
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            contentLanguage: typeof language === 'string' ? language : null,
            receivedAt: new Date().toISOString(),
          };
          messages.push(message);
          for (const waiter of waiting.filter((entry) => to.includes(entry.address))) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(message);
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host}:${port}`,
    messages,
    waitFor(address) {
      const arrived = messages.find((message) => message.to.includes(address));
      if (arrived) return Promise.resolve(arrived);
      return new Promise((resolve) => waiting.push({ address, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The caught messages over HTTP as JSON, newest first (`?to=` filters by recipient), for browser journeys and people. */
function serveMessages(catcher: MailCatcher, port: number, host: string): Server {
  return createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    const to = url.searchParams.get('to');
    const messages = catcher.messages.filter((message) => !to || message.to.includes(to)).reverse();
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
    response.end(JSON.stringify(messages, null, 2));
  }).listen(port, host);
}

async function main() {
  const host = process.env.MAIL_CATCHER_HOST ?? '127.0.0.1';
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
  const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080);
  const catcher = await startMailCatcher({ port: smtpPort, host });
  serveMessages(catcher, httpPort, host);
  console.log(
    `Mail catcher: SMTP at ${catcher.smtpUrl} (start Technopark with SMTP_URL=${catcher.smtpUrl}); messages at http://${host}:${httpPort}/`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`Mail catcher cannot start: ${(error as Error).message}`);
    process.exit(1);
  });
}
