import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade comes from the product's own pages: its Origin is PUBLIC_URL's origin or the
 * address the browser asked for (Host), so a page elsewhere cannot use a visitor's cookie for a live
 * connection. Without Origin the client is not a browser, and no cookie of a visitor is at stake.
 */
export function isOwnOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return true;
  return (
    !publicUrl &&
    ['http:', 'https:'].includes(parsed.protocol) &&
    request.headers.host !== undefined &&
    parsed.host === request.headers.host
  );
}
