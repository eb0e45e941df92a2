/**
 * Responses over 1 kB are compressed when the client accepts it (the heatmap of 10,000 vendors is
 * 7.7 MB of JSON, mostly repeated keys). A partial response (206, a Range of a static file) is
 * left alone: its Content-Range counts the bytes of the file, not of a compressed body.
 */
import compression from 'compression';
import type { Request, Response } from 'express';

export const COMPRESS_THRESHOLD_BYTES = 1024;

export const compressResponses = compression({
  threshold: COMPRESS_THRESHOLD_BYTES,
  filter: (req: Request, res: Response) => res.statusCode !== 206 && compression.filter(req, res),
});
