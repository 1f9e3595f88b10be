import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Serves the built client at `/`, answering every other GET that wants HTML with index.html (history mode). */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built: run `pnpm build` (see README.md).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
