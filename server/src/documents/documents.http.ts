import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { documentTypeFor } from '@samverka/domain';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { isOwnOrigin } from '../http/origin.js';
import { sessionTokenFrom } from '../accounts/session-cookie.js';
import { viewerForToken } from '../accounts/session.service.js';
import { UserErrors } from '../graphql/user-error.js';
import { DocumentFile } from './document-file.type.js';
import { storeUpload, tooLargeError, fileError } from './document.service.js';
import { documentBytes, findDownloadableDocument } from './document.queries.js';
import { UserErrorCode } from '@samverka/domain';

/** Room for the multipart framing around the file: a declared body larger than file limit + this is refused unread. */
const MULTIPART_OVERHEAD = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface DocumentRoutesDeps {
  orm: MikroORM;
  config: Config;
  log: Logger;
}

/** A top-level refusal, shaped like GraphQL's: `{ errors: [{ message, extensions: { code } }] }`. */
function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The upload's answer, shaped like a mutation payload: the stored document, or field errors. */
function answer(res: Response, status: number, document: DocumentFile | null, errors: UserErrors | null) {
  res.status(status).json({ document, errors: errors?.errors ?? [] });
}

/**
 * After an early answer the rest of the body is read and dropped, so the client (still sending) gets to
 * read the answer instead of a reset connection; past `limit` more bytes the connection is closed.
 */
function discardRest(req: IncomingMessage, limit: number) {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) req.socket.destroy();
  });
  req.resume();
}

/** Browsers send `"`, CR and LF of a file name as %22, %0D and %0A (HTML's multipart/form-data encoding). */
function fromFormEscapes(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

function upload({ orm, config, log }: DocumentRoutesDeps) {
  const maxBytes = config.documentMaxBytes;
  return async (req: Request, res: Response) => {
    if (!isOwnOrigin(req, config.publicUrl)) {
      discardRest(req, maxBytes);
      return refuse(res, 403, 'FORBIDDEN', 'Uploads are accepted only from Samverka’s own pages.');
    }
    const em = orm.em.fork();
    const viewer = await viewerForToken(em, sessionTokenFrom(req.headers.cookie));
    if (!viewer) {
      discardRest(req, maxBytes);
      return refuse(res, 401, 'UNAUTHENTICATED', 'Sign in to upload documents.');
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes + MULTIPART_OVERHEAD) {
      discardRest(req, maxBytes);
      return answer(res, 413, null, tooLargeError(maxBytes));
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // busboy stops at the limit itself, so one byte more tells "over the limit" from "exactly the limit".
        limits: { files: 1, fileSize: maxBytes + 1, fields: 0, parts: 1 },
        defParamCharset: 'utf8',
      });
    } catch {
      discardRest(req, maxBytes);
      return answer(
        res,
        400,
        null,
        fileError('Skicka filen som multipart/form-data i fältet "file".', UserErrorCode.REQUIRED),
      );
    }
    let fileName: string | null = null;
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (run: () => void) => {
      if (done) return;
      done = true;
      req.unpipe(parser);
      run();
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') return stream.resume();
      fileName = fromFormEscapes(info.filename ?? '');
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        finish(() => {
          // Nothing is kept: the bytes read so far are dropped with the rest.
          chunks.length = 0;
          discardRest(req, maxBytes);
          answer(res, 413, null, tooLargeError(maxBytes));
        }),
      );
    });
    parser.on('error', () =>
      finish(() => {
        discardRest(req, maxBytes);
        answer(res, 400, null, fileError('Filen kom inte fram hel. Försök igen.', UserErrorCode.INVALID));
      }),
    );
    parser.on('close', () =>
      finish(() => {
        if (fileName === null) {
          answer(res, 400, null, fileError('Välj en fil att ladda upp.', UserErrorCode.REQUIRED));
          return;
        }
        storeUpload(em, viewer, { fileName, bytes: Buffer.concat(chunks) }, config.documentUnattachedHours)
          .then((document) =>
            answer(
              res,
              201,
              new DocumentFile({
                id: document.id,
                name: document.name,
                mediaType: document.mediaType,
                size: document.size,
                uploadedAt: document.createdAt,
              }),
              null,
            ),
          )
          .catch((error: unknown) => {
            if (error instanceof UserErrors) {
              const code = error.errors[0]?.code;
              return answer(res, code === UserErrorCode.FILE_TYPE_NOT_ACCEPTED ? 415 : 400, null, error);
            }
            log.error({ err: error }, 'storing an upload failed');
            refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
          });
      }),
    );
    req.pipe(parser);
  };
}

/** RFC 6266 with RFC 5987's filename* for any name, and a plain ASCII fallback for old clients. */
export function contentDisposition(inline: boolean, name: string): string {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_') || 'dokument';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A downloaded file runs nothing: sandboxed, no script, its type never sniffed. PDFs are the exception to
 * the sandbox: Chrome's PDF viewer refuses to run in a sandboxed document and shows "blocked" instead.
 */
function contentSecurityPolicy(mediaType: string): string {
  const base = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
  return mediaType === 'application/pdf' ? `${base}; object-src 'self'` : `${base}; sandbox`;
}

function download({ orm }: DocumentRoutesDeps) {
  return async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const em = orm.em.fork();
    const viewer = await viewerForToken(em, sessionTokenFrom(req.headers.cookie));
    const document = UUID.test(id) ? await findDownloadableDocument(em, viewer, id) : null;
    if (!document) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Dokumentet finns inte. / The document does not exist.\n');
      return;
    }
    const etag = `"${document.sha256}"`;
    res.setHeader('ETag', etag);
    // Drafts' documents are private: shared caches keep nothing, browsers revalidate with the ETag.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(document.mediaType));
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.status(304).end();
      return;
    }
    const bytes = await documentBytes(em, document.id);
    if (!bytes) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Dokumentet finns inte. / The document does not exist.\n');
      return;
    }
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader(
      'Content-Disposition',
      contentDisposition(documentTypeFor(document.mediaType)?.inline ?? false, document.name),
    );
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
}

/** POST /dokument (multipart, field `file`) stores an upload; GET /dokument/<id>/<name> downloads. */
export function documentRoutes(deps: DocumentRoutesDeps): Router {
  const router = express.Router();
  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: (error: unknown) => void) => {
      handler(req, res).catch(next);
    };
  router.post('/dokument', route(upload(deps)));
  router.get('/dokument/:id/:name', route(download(deps)));
  return router;
}
