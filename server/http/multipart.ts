/**
 * Reads a multipart/form-data upload as a stream (busboy): the form's text fields first, then ONE
 * file, handed to `onFile` as it arrives, so that nothing holds the body beyond what the service
 * keeps (it stops at its own limit). Fields must come before the file (browsers send a FormData in
 * the order it was built); parts after the file are ignored. When anything fails the rest of the
 * body is not read: the answer closes the connection.
 */
import busboy from 'busboy';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError, validationError } from './problem.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as sent, its content coding undone (the request guards let only these through). */
function decoded(req: Request): Readable {
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding === 'gzip') return req.pipe(createGunzip());
  if (coding === 'deflate') return req.pipe(createInflate());
  if (coding === 'br') return req.pipe(createBrotliDecompress());
  return req;
}

export interface FilePart {
  readonly fields: ReadonlyMap<string, string>;
  readonly fileName: string;
  readonly stream: Readable;
}

export interface UploadLimits {
  /** Bytes the file may have: busboy stops one byte after, so that the reader can tell "too large" from "exactly at the limit". */
  readonly fileSize: number;
  /** Bytes a text field may have. */
  readonly fieldSize: number;
  /** The name of the file part. */
  readonly fileField: string;
}

export function readUpload<T>(req: Request, res: Response, limits: UploadLimits, onFile: (part: FilePart) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // Fields arrive as latin1 (byte for byte) and are decoded below, strictly: invalid UTF-8 is refused, not replaced.
      bb = busboy({
        headers: req.headers,
        defCharset: 'latin1',
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: limits.fileSize + 1, fields: 8, fieldSize: limits.fieldSize, parts: 10 },
      });
    } catch {
      res.set('Connection', 'close');
      reject(new HttpError(400, 'malformed-request', 'The multipart body could not be read (no boundary).'));
      return;
    }
    const source = decoded(req);
    let settled = false;
    /** Stops reading the body: what is left of it is never read (the answer closes the connection). */
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(bb);
      req.unpipe();
      req.pause();
      res.set('Connection', 'close');
      reject(e);
    };
    const fields = new Map<string, string>();
    let problem: HttpError | null = null;
    let result: Promise<T> | null = null;
    let closed = false;
    const finish = () => {
      if (!closed || !result || settled) return;
      result.then((value) => {
        settled = true;
        resolve(value);
      }, fail);
    };
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        problem ??= validationError([{ path: `body.${name}`, message: `longer than ${limits.fieldSize} bytes` }]);
        return;
      }
      try {
        fields.set(name, UTF8.decode(Buffer.from(value, 'latin1')));
      } catch {
        problem ??= new HttpError(400, 'bad-encoding', `The field "${name}" is not valid UTF-8.`);
      }
    });
    bb.on('file', (name, stream, info) => {
      if (name !== limits.fileField || result !== null) {
        stream.resume();
        if (result === null) problem ??= validationError([{ path: `body.${name}`, message: `send the file as the field "${limits.fileField}"` }]);
        return;
      }
      if (problem) {
        fail(problem);
        return;
      }
      // A handler that throws at once (bad metadata) refuses the upload like one that rejects later.
      result = (async () => onFile({ fields, fileName: info.filename ?? '', stream }))();
      // A refusal (too large, the wrong type, bad metadata) answers at once: the rest of the body is not read.
      result.catch(fail);
      finish();
    });
    bb.on('partsLimit', () => (problem ??= validationError([{ path: 'body', message: 'too many parts' }])));
    bb.on('fieldsLimit', () => (problem ??= validationError([{ path: 'body', message: 'too many fields' }])));
    bb.on('error', () => fail(new HttpError(400, 'malformed-request', 'The multipart body could not be read.')));
    bb.on('close', () => {
      closed = true;
      if (result === null) fail(problem ?? validationError([{ path: `body.${limits.fileField}`, message: 'attach one file' }]));
      else finish();
    });
    req.on('aborted', () => fail(new HttpError(400, 'malformed-request', 'The upload was cut short.')));
    if (source !== req) source.on('error', () => fail(new HttpError(400, 'malformed-request', 'The body is not what its Content-Encoding says.')));
    source.pipe(bb);
  });
}
