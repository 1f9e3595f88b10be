import zlib from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/** Streamed answers (server-sent events, incremental delivery) must reach the browser as they are written. */
const STREAMED = /^(text\/event-stream|multipart\/mixed)/i;

/**
 * Brotli or gzip for the API's JSON answers, per request (they differ per query). Brotli at quality 4 costs
 * about what gzip does and is smaller. WebSocket upgrades never pass through express, so live updates are
 * untouched.
 */
export function compressResponses(): RequestHandler {
  return compression({
    filter: (req, res) =>
      !STREAMED.test(String(res.getHeader('Content-Type') ?? '')) && compression.filter(req, res),
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
