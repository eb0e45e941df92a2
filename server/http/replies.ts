/** The answers a handler gives when the route's usual one will not do: another status or type, or a body prepared ahead. */
import type { Request, Response } from 'express';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/**
 * What a handler returns when the answer is not the route's usual one: another status (202 for a
 * job), another content type (CSV), or extra headers (a file name, a Location).
 */
export class Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
  send(res: Response): void {
    res.status(this.status).set(this.headers);
    if (typeof this.body === 'string' || Buffer.isBuffer(this.body)) res.send(this.body);
    else res.json(this.body);
  }
}
/**
 * A JSON answer serialized already (a large body the service keeps, e.g. the portfolio heatmap),
 * with a strong ETag the service made without hashing it: sent as is, and a request whose
 * If-None-Match names that ETag gets 304 with no body. `Cache-Control: private, no-cache` lets the
 * browser keep it but ask every time (the default for the API is no-store).
 *
 * A client that accepts gzip gets the body gzipped once per body (off the event loop, kept while
 * the body is), not on every request as the compression middleware would, under an ETag of its own:
 * the two encodings are different bytes.
 */
export class PreparedJson {
  readonly body: Buffer;
  readonly etag: string;
  constructor(body: Buffer, etag: string) {
    this.body = body;
    this.etag = etag;
  }
  async send(req: Request, res: Response): Promise<void> {
    res.status(200).set({ 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding' }).type('application/json');
    // Express's send answers 304 itself when the request is fresh for this ETag, and hashes nothing when one is set.
    if (this.body.length < 1024 || req.acceptsEncodings('gzip', 'identity') !== 'gzip') {
      res.set('ETag', this.etag).send(this.body);
      return;
    }
    let zipped = GZIPPED.get(this.body);
    if (!zipped) {
      zipped = gzipAsync(this.body);
      GZIPPED.set(this.body, zipped);
    }
    // Set before the body is sent: the compression middleware leaves an encoded answer alone.
    res.set({ ETag: `${this.etag.slice(0, -1)}-gzip"`, 'Content-Encoding': 'gzip' }).send(await zipped);
  }
}

/** Gzipped prepared bodies, by the body they encode: dropped with it. */
const GZIPPED = new WeakMap<Buffer, Promise<Buffer>>();
const gzipAsync = promisify(gzip);
