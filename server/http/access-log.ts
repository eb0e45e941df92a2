/**
 * One line per API request: method, path (never the query string, which may carry secrets),
 * status, duration and who. Never headers, cookies or bodies.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

export const accessLog =
  (log: Logger): RequestHandler =>
  (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = performance.now() - started;
      log.info(`${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
