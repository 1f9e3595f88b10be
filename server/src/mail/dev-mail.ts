import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Router, type RequestHandler } from 'express';
import type { CaughtMail, MailCatcher } from './mail-catcher.js';

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Escapes the text and makes its web addresses links, so the demo's reset and invitation links can be followed. */
function textWithLinks(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #1a1a1a; }
article { border-top: 1px solid #767676; padding-top: 0.5rem; margin-top: 1.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 1rem; }
a { color: #0645ad; }
a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
`;

/** The page's policy: helmet's, with this page's one inline style allowed by its hash. */
const POLICY = [
  "default-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Only a browser on this machine may read the caught mail (reset links among it): the connection comes from
 * loopback and not through a proxy, whatever HOST the server listens on.
 */
export function isFromThisMachine(req: Pick<IncomingMessage, 'headers' | 'socket'>): boolean {
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && !proxied;
}

export const fromThisMachineOnly: RequestHandler = (req, res, next) => {
  if (isFromThisMachine(req)) return next();
  res.status(403).type('text/plain').send('The caught mail is shown only to a browser on the server itself.');
};

function article(mail: CaughtMail): string {
  const heading = `mail-${mail.id}`;
  return `<article aria-labelledby="${heading}">
<h2 id="${heading}">${escapeHtml(mail.subject || '(utan ämne / no subject)')}</h2>
<dl>
<dt>Till / To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>Från / From</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Mottaget / Received</dt><dd><time datetime="${mail.receivedAt.toISOString()}">${mail.receivedAt.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })}</time></dd>
</dl>
<pre>${textWithLinks(mail.text)}</pre>
</article>`;
}

function page(messages: CaughtMail[]): string {
  const list = [...messages].reverse();
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Uppfångad e-post / Caught mail – Samverka</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Uppfångad e-post <span lang="en">/ Caught mail</span></h1>
<p>Servern körs med <code>MAIL_CATCHER=true</code>: e-post skickas inte ut utan fångas här (de senaste 50, nyast först).
<span lang="en">The server runs with <code>MAIL_CATCHER=true</code>: mail is not sent out but caught here (the last 50, newest first).</span>
<a href="/dev/mail.json">JSON</a></p>
${list.length ? list.map(article).join('\n') : '<p>Ingen e-post än. <span lang="en">No mail yet.</span></p>'}
</main>
</body>
</html>`;
}

/** GET /dev/mail and /dev/mail.json: what the local catcher received. Mounted only with MAIL_CATCHER. */
export function devMailRoutes(catcher: MailCatcher): Router {
  const router = Router();
  router.use(['/dev/mail', '/dev/mail.json'], fromThisMachineOnly);
  router.get('/dev/mail.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ messages: [...catcher.messages].reverse() });
  });
  router.get('/dev/mail', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', POLICY);
    res.type('html').send(page(catcher.messages));
  });
  return router;
}
