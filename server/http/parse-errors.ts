/**
 * What Node's HTTP parser refuses before Express sees a request (a header line without a colon, an
 * invalid Content-Length, headers over the size limit, a body cut short) gets a problem document
 * instead of a bare status line, like every other refusal (issue 14 §4).
 */
import { STATUS_CODES, type Server } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { UNREADABLE } from './client-errors.ts';
import { PROBLEM_TITLES, type ProblemCode } from './problem.ts';

/** A whole HTTP/1.1 answer for the socket: Node's parser failed, so there is no request or response object. */
function rawProblem(status: number, code: ProblemCode, detail: string): string {
  const body = JSON.stringify({ type: `urn:vendorscope:problem:${code}`, title: PROBLEM_TITLES[code], status, detail, code });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Called by main.ts on the listening server (and by the tests' listening helper). */
export function answerMalformedHttp(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Never write into an answer already under way (a later request on a kept-alive connection).
    const written = socket instanceof Socket ? socket.bytesWritten : 0;
    if (err.code === 'ECONNRESET' || !socket.writable || written > 0) {
      socket.destroy();
      return;
    }
    const answer =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? rawProblem(431, 'headers-too-large', 'The request headers are larger than the server accepts (16 kB in all).')
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawProblem(408, 'request-timeout', 'The request took too long to arrive.')
          : rawProblem(UNREADABLE.status, UNREADABLE.code, UNREADABLE.detail);
    socket.end(answer);
  });
}
