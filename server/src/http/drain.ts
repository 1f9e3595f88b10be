import type http from 'node:http';
import net from 'node:net';

const ACCEPT_SETTLE_MS = 50;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Counts the HTTP requests in flight, so that shutdown can stop accepting and then wait for exactly those.
 * Apollo's drain plugin is not used: it ends upgraded WebSocket connections without a close frame, and it
 * closes connections that were accepted but whose request was not read yet, which the client sees as a reset.
 */
export function requestsInFlight(server: http.Server) {
  let active = 0;
  let draining = false;
  let onIdle: (() => void) | null = null;
  let accepted = 0;
  server.on('connection', () => accepted++);
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active++;
    // While draining, a finished answer closes its connection instead of keeping it alive for another.
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active--;
      if (active === 0) onIdle?.();
    });
  });
  return {
    /**
     * Stops accepting connections and resolves when every request in flight has been answered, or after
     * graceMs, when the connections still open are cut. Upgraded WebSocket connections are left to their owner.
     */
    async drain(graceMs: number): Promise<void> {
      draining = true;
      const deadline = Date.now() + graceMs;
      // Connections the kernel already completed wait in its queue, and closing the listening socket would
      // reset them: take them in until a moment passes that brings none.
      for (let seen = -1; seen !== accepted && Date.now() < deadline;) {
        seen = accepted;
        await new Promise((resolve) => setTimeout(resolve, ACCEPT_SETTLE_MS));
      }
      // http.Server's own close() also closes "idle" connections, which includes those accepted a moment ago
      // whose request is not read yet: closing only the listening socket lets them be answered.
      net.Server.prototype.close.call(server);
      // A connection accepted just now has its request read on a later turn of the event loop.
      for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
        if (active === 0) {
          quiet++;
          await turn();
          continue;
        }
        quiet = 0;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (onIdle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now()))),
        ]);
        clearTimeout(timer);
      }
      if (active > 0) server.closeAllConnections();
      else server.closeIdleConnections();
    },
  };
}
