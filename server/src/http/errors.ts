import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** Malformed or oversized bodies get a GraphQL-shaped 400/413; anything else a masked 500, never a stack. */
export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (res.headersSent) return;
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
    if (error.type === 'entity.too.deep') {
      res.status(400).json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      res
        .status(error.status)
        .json({ errors: [{ message: 'Bad request.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log.error({ err: error.message }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
