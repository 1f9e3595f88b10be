import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { preferredEncoding, type ContentEncoding } from './accept-encoding.js';

/** Vite names every file under assets/ after a hash of its content, so a name never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and public/ files keep their names across releases: the browser asks (ETag) before reuse. */
const REVALIDATE = 'no-cache';
const SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Serves the built client at `/`, answering every other GET that wants HTML with index.html (history mode).
 * Hashed assets are cached as immutable and sent as the brotli or gzip file the build wrote beside them
 * when the browser accepts it; nothing is compressed per request here.
 */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const assets = path.join(clientDir, 'assets');
  const index = path.join(clientDir, 'index.html');
  router.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.vary('Accept-Encoding');
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    const file = encoding && fileUnder(assets, req.path);
    if (!encoding || !file || !fs.existsSync(file + SUFFIX[encoding])) return next();
    sendEncoded(res, file, encoding, next);
  });
  router.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) =>
        res.setHeader('Cache-Control', isUnder(assets, file) ? IMMUTABLE : REVALIDATE),
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built: run `pnpm build` (see README.md).');
      return;
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  });
  return router;
}

function sendEncoded(
  res: Response,
  file: string,
  encoding: ContentEncoding,
  next: (error?: unknown) => void,
) {
  // The type is the original file's; send() would otherwise take it from the .br/.gz name.
  res.type(path.extname(file));
  res.setHeader('Content-Encoding', encoding);
  res.sendFile(
    file + SUFFIX[encoding],
    { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false },
    (error) => {
      if (error && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        next();
      }
    },
  );
}

/** The file a request path names inside `dir`, or null when it would leave it. */
function fileUnder(dir: string, requestPath: Request['path']): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.join(dir, decoded);
  return isUnder(dir, file) ? file : null;
}

function isUnder(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
