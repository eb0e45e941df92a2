/**
 * Requests supertest cannot send (raw bytes in the path, an invalid or repeated Host, a body that
 * disagrees with its Content-Length, HTTP the parser refuses), over a socket to a listening app.
 */
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { answerMalformedHttp } from '../../server/http/parse-errors.ts';
import { HOST } from './app.ts';

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The whole answer, for failure messages. */
  readonly raw: string;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent as is: may hold bytes no client library would send. */
  readonly path: string | Buffer;
  /** In order; a name may repeat. A `Host` here replaces the test host. */
  readonly headers?: readonly (readonly [string, string | Buffer])[];
  readonly body?: string | Buffer;
  /** Content-Length is set from the body unless given in `headers`. */
  readonly contentLength?: boolean;
}

/** The app listening on a loopback port, as main.ts serves it (with its answer to unparsable HTTP). */
export async function listening(app: Express): Promise<{ port: number; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  answerMalformedHttp(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The bytes of an HTTP/1.1 request (with `Connection: close`, so the answer ends with the socket). */
export function requestBytes(r: RawRequest): Buffer {
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : (r.body ?? Buffer.alloc(0));
  const given = r.headers ?? [];
  const named = (n: string) => given.some(([k]) => k.toLowerCase() === n);
  const headers: (readonly [string, string | Buffer])[] = [];
  if (!named('host')) headers.push(['Host', HOST]);
  headers.push(...given.filter(([k]) => k !== 'Host' || true));
  if (!named('connection')) headers.push(['Connection', 'close']);
  if (!named('content-length') && !named('transfer-encoding') && (body.length > 0 || r.contentLength)) headers.push(['Content-Length', String(body.length)]);
  const parts: Buffer[] = [
    Buffer.from(`${r.method ?? 'GET'} `, 'latin1'),
    Buffer.isBuffer(r.path) ? r.path : Buffer.from(r.path, 'latin1'),
    Buffer.from(' HTTP/1.1\r\n', 'latin1'),
  ];
  for (const [k, v] of headers) parts.push(Buffer.from(`${k}: `, 'latin1'), Buffer.isBuffer(v) ? v : Buffer.from(v, 'latin1'), Buffer.from('\r\n', 'latin1'));
  parts.push(Buffer.from('\r\n', 'latin1'), body);
  return Buffer.concat(parts);
}

/**
 * Sends raw bytes and reads the answer until the server closes the connection. A server still
 * waiting for more body after `waitMs` sees the client end its side, as a browser that gave up would.
 */
export function rawExchange(port: number, bytes: Buffer, waitMs = 500): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const halfClose = setTimeout(() => socket.end(), waitMs);
    const giveUp = setTimeout(() => socket.destroy(new Error('no answer')), waitMs + 5_000);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // The server may close while we are still writing a body it refused: keep what it said.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => {
      clearTimeout(halfClose);
      clearTimeout(giveUp);
      resolve(parseResponse(Buffer.concat(chunks)));
    });
  });
}

export const rawRequest = (port: number, r: RawRequest, waitMs?: number) => rawExchange(port, requestBytes(r), waitMs);

function parseResponse(buf: Buffer): RawResponse {
  const raw = buf.toString('latin1');
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = end < 0 ? Buffer.alloc(0) : buf.subarray(Buffer.byteLength(raw.slice(0, end + 4), 'latin1'));
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') body = unchunk(body);
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: body.toString('utf8'), raw };
}

function unchunk(buf: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}
