/** Serves the built web app, with the SPA fallback so that deep links (/vendors/3) load it. */
import express, { Router } from 'express';
import { join } from 'node:path';

export function staticRoutes(dir: string): Router {
  const router = Router();
  // Vite names assets by content hash, so they never change under the same URL.
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y' }), (_req, res) => {
    // A missing asset is a 404, never the page (a browser would try to run HTML as a script).
    res.status(404).type('text/plain').send('Not found');
  });
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get('/{*splat}', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(dir, 'index.html'));
  });
  return router;
}
