/**
 * Real local receivers for alert deliveries, started by the tests: an HTTP server that checks the
 * webhook signature and deduplicates by the delivery key, and an SMTP server (smtp-server) that keeps
 * each message it is sent.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly key: string;
  readonly body: string;
  readonly json: unknown;
  readonly headers: http.IncomingHttpHeaders;
}

/** Checks `t=<unix>,v1=<hex>` over `${t}.${body}` as a receiver would (the README's example). */
export function verifySignature(secret: string, header: string | undefined, body: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  if (Math.abs(now / 1000 - Number(m[1])) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

export interface WebhookReceiverOptions {
  readonly secret: string;
  /** Answer 503 to the first n requests. */
  failFirst?: number;
  /** A status to answer instead of 200 (e.g. 302 with a Location). */
  status?: number;
  /** Called with each request before it is answered; may delay the answer (the crash test holds it). */
  hold?: (key: string) => Promise<void>;
  /** The receiver's clock for the timestamp check (tests that move the app's clock pass it). */
  now?: () => number;
}

export async function webhookReceiver(opts: WebhookReceiverOptions, port = 0) {
  const unique = new Map<string, Received>();
  const hits: Received[] = [];
  let badSignatures = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // An async listener's rejection goes unheard by the emitter: a throw here surfaces as an unhandled rejection, failing the test.
    req.on(
      'end',
      () =>
        void (async () => {
          requests++;
          const body = Buffer.concat(chunks).toString('utf8');
          if (!verifySignature(opts.secret, req.headers['x-vendorscope-signature'] as string | undefined, body, 300, opts.now?.() ?? Date.now())) {
            badSignatures++;
            res.writeHead(401).end();
            return;
          }
          if (opts.failFirst && requests <= opts.failFirst) {
            res.writeHead(503).end('try later');
            return;
          }
          const key = String(req.headers['x-vendorscope-delivery']);
          const r: Received = { key, body, json: JSON.parse(body), headers: req.headers };
          hits.push(r);
          // Processes each key once (deduplicating by the idempotency key), then acknowledges: a repeat
          // (our acknowledgement lost, the sender died) is acknowledged and not processed again.
          if (!unique.has(key)) unique.set(key, r);
          if (opts.hold) await opts.hold(key);
          if (opts.status && opts.status >= 300 && opts.status < 400) res.writeHead(opts.status, { location: 'http://169.254.169.254/' }).end();
          else res.writeHead(opts.status ?? 200).end('ok');
        })(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hook`,
    port: actualPort,
    /** Each key once, in the order first received. */
    unique,
    /** Every request that passed the signature check, repeats included. */
    hits,
    get badSignatures() {
      return badSignatures;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SmtpMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly user: string | undefined;
}

/** An SMTP server on 127.0.0.1 without TLS that requires AUTH with these credentials when given. */
export async function smtpReceiver(auth?: { user: string; pass: string }) {
  const messages: SmtpMessage[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: auth === undefined,
    logger: false,
    onAuth(a, _session, callback) {
      if (auth && a.username === auth.user && a.password === auth.pass) return callback(null, { user: a.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: (cred = auth) => (cred ? `smtp://${encodeURIComponent(cred.user)}:${encodeURIComponent(cred.pass)}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`),
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A MIME part's quoted-printable text, decoded (enough for assertions on ASCII mail). */
export const unQuotedPrintable = (s: string): string =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
