import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { toGlobalId } from '../graphql/node.js';

/** Entries in the feed: feed readers poll, and the newest fifty cover any sensible polling interval. */
export const FEED_ENTRIES = 50;
const SUMMARY_LENGTH = 400;

/** The matter's page in the client. */
export function submissionPagePath(submissionId: string): string {
  return `/arenden/${toGlobalId('Submission', submissionId)}`;
}

interface FeedRow {
  id: string;
  entry: 'submitted' | 'answered';
  at: Date;
  registration_number: string | null;
  title: string;
  text: string | null;
  party_name: string;
}

/**
 * The newest public matters and answers, newest first. Only public matters: a restricted matter's title,
 * party and answer are its content, and a feed entry without them says nothing a reader can use.
 */
export async function feedEntries(em: EntityManager): Promise<FeedRow[]> {
  const rows = await em.getConnection().execute<FeedRow[]>(
    `select * from (
        select s.id, 'submitted' as entry, s.submitted_at as at, s.registration_number, s.title,
               s.description as text, p.name as party_name
          from submission s join party p on p.id = s.party_id
         where s.status <> 'DRAFT' and s.publication = 'PUBLIC' and s.submitted_at is not null
        union all
        select s.id, 'answered', s.answered_at, s.registration_number, s.title, s.answer, p.name
          from submission s join party p on p.id = s.party_id
         where s.status <> 'DRAFT' and s.publication = 'PUBLIC' and s.answered_at is not null
      ) e order by e.at desc, e.id desc limit ?`,
    [FEED_ENTRIES],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function summary(text: string | null): string {
  const plain = (text ?? '').replace(/\s+/g, ' ').trim();
  return plain.length > SUMMARY_LENGTH ? `${plain.slice(0, SUMMARY_LENGTH - 1)}…` : plain;
}

/** The feed as Atom (RFC 4287); ids are tag: URIs (RFC 4151) that stay the same whatever the address. */
export function atomFeed(rows: FeedRow[], baseUrl: string, authority: string): string {
  const link = (path: string) =>
    new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  const updated = (rows[0]?.at ?? new Date(0)).toISOString();
  const entries = rows.map((row) => {
    const number = row.registration_number ? `${row.registration_number}: ` : '';
    const title =
      row.entry === 'answered' ? `Besvarat – ${number}${row.title}` : `Nytt ärende – ${number}${row.title}`;
    return [
      '  <entry>',
      `    <id>tag:${authority},2026:submission:${row.id}:${row.entry}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${row.at.toISOString()}</updated>`,
      `    <author><name>${escapeXml(row.party_name)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link(submissionPagePath(row.id)))}"/>`,
      `    <summary type="text">${escapeXml(summary(row.text))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>tag:${authority},2026:submissions</id>`,
    '  <title>Samverkansrådet – nya ärenden och svar</title>',
    '  <subtitle>Frågor, hinder och förslag till Samverkansrådet, och rådets svar.</subtitle>',
    `  <updated>${updated}</updated>`,
    '  <author><name>Samverkansrådet</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(link('/arenden.atom'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(link('/arenden'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** GET /arenden.atom: new public matters and answers, with ETag and Last-Modified for polling readers. */
export function submissionFeedRoutes({
  orm,
  config,
}: {
  orm: { em: { fork(): EntityManager } };
  config: Config;
}) {
  const router = Router();
  router.get('/arenden.atom', async (req, res) => {
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const rows = await feedEntries(orm.em.fork());
    const body = atomFeed(rows, baseUrl, new URL(baseUrl).hostname);
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    res.set({
      'Content-Type': 'application/atom+xml; charset=utf-8',
      ETag: etag,
      'Last-Modified': (rows[0]?.at ?? new Date(0)).toUTCString(),
      // Readers may keep a copy but must ask again; an unchanged feed is a 304.
      'Cache-Control': 'no-cache',
    });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.send(body);
  });
  return router;
}
