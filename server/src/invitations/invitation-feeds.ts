import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import {
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  OPEN_INVITATION_STATUSES,
  OccasionMode,
} from '@samverka/domain';
import type { Config } from '../config.js';
import { idOfType, toGlobalId } from '../graphql/node.js';
import { sessionTokenFrom } from '../accounts/session-cookie.js';
import { viewerForToken } from '../accounts/session.service.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { Invitation } from './invitation.entity.js';

/** Entries in the Atom feed: readers poll, and the newest fifty cover any sensible polling interval. */
export const INVITATION_FEED_ENTRIES = 50;
const SUMMARY_LENGTH = 400;

/** The invitation's page in the client. */
export function invitationPagePath(invitationId: string): string {
  return `/dialog/${toGlobalId('Invitation', invitationId)}`;
}

/** The same UID in the download and every feed, so a calendar holding the occasion updates that one event. */
export function occasionUid(occasionId: string): string {
  return `invitation-occasion-${occasionId}@samverka`;
}

/** One occasion as the calendars show it, with what of its invitation the event names. */
export interface OccasionEventRow {
  id: string;
  invitation_id: string;
  starts_at: Date;
  ends_at: Date;
  mode: OccasionMode;
  link: string | null;
  place: string | null;
  accessibility: string | null;
  registration_closes_on: string;
  title: string;
  status: InvitationStatus;
  party_name: string;
  contact_name: string;
  contact_details: string;
  updated_at: Date;
}

const OCCASION_COLUMNS = `o.id, o.invitation_id, o.starts_at, o.ends_at, o.mode, o.link, o.place, o.accessibility,
  to_char(o.registration_closes_on, 'YYYY-MM-DD') as registration_closes_on, i.title, i.status,
  p.name as party_name, i.contact_name, i.contact_details, i.updated_at`;
const OCCASION_FROM = `invitation_occasion o join invitation i on i.id = o.invitation_id join party p on p.id = i.party_id`;
const OPEN = `i.status in (${OPEN_INVITATION_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Every occasion of the open invitations, earliest first: one statement. */
export function openOccasionEvents(em: EntityManager): Promise<OccasionEventRow[]> {
  return em
    .getConnection()
    .execute<OccasionEventRow[]>(
      `select ${OCCASION_COLUMNS} from ${OCCASION_FROM} where ${OPEN} order by o.starts_at, o.id`,
    );
}

/** Free texts as a PostgreSQL array literal, each quoted: areas of interest hold spaces and commas. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * The occasions of the open invitations that are for the party (as isInvited decides: every party, its
 * kind, one of its areas of interest, or named), never its own: one statement.
 */
export function partyOccasionEvents(
  em: EntityManager,
  party: { id: string; kind: string; areasOfInterest: string[] },
): Promise<OccasionEventRow[]> {
  return em.getConnection().execute<OccasionEventRow[]>(
    `select ${OCCASION_COLUMNS} from ${OCCASION_FROM}
      where ${OPEN} and i.party_id <> ?
        and (i.audience = '${InvitationAudience.ALL_PARTIES}'
          or (i.audience = '${InvitationAudience.PARTY_KINDS}' and ? = any(i.party_kinds))
          or (i.audience = '${InvitationAudience.AREAS_OF_INTEREST}' and i.areas && ?::text[])
          or (i.audience = '${InvitationAudience.NAMED_PARTIES}' and exists (
                select 1 from invitation_invitee v where v.invitation_id = i.id and v.party_id = ?)))
      order by o.starts_at, o.id`,
    [party.id, party.kind, textArrayLiteral(party.areasOfInterest), party.id],
  );
}

/** One occasion, whatever its invitation's status (a cancelled one comes as a cancelled event). */
export async function occasionEvent(em: EntityManager, occasionId: string): Promise<OccasionEventRow | null> {
  const [row] = await em
    .getConnection()
    .execute<OccasionEventRow[]>(`select ${OCCASION_COLUMNS} from ${OCCASION_FROM} where o.id = ?`, [
      occasionId,
    ]);
  return row ?? null;
}

function description(row: OccasionEventRow, pageUrl: string): string {
  return [
    `${row.party_name} bjuder in till dialog / invites to a dialogue`,
    row.accessibility ? `Tillgänglighet / Accessibility: ${row.accessibility}` : null,
    row.link ? `Digitalt / Online: ${row.link}` : null,
    `Sista anmälningsdag / Last day to register: ${row.registration_closes_on}`,
    `Kontakt / Contact: ${row.contact_name}, ${row.contact_details}`,
    `Inbjudan och anmälan / Invitation and registration: ${pageUrl}`,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** An RFC 5545 calendar of occasions; times in UTC, which every calendar shows in the reader's own zone. */
export function occasionCalendar(
  rows: OccasionEventRow[],
  name: string,
  link: (path: string) => string,
): string {
  const calendar = ical({
    prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    name,
  });
  for (const row of rows) {
    const pageUrl = link(invitationPagePath(row.invitation_id));
    const cancelled = row.status === InvitationStatus.CANCELLED;
    calendar.createEvent({
      id: occasionUid(row.id),
      // The invitation's last change, in seconds: grows with every edit, so calendars take the newest.
      sequence: Math.floor(new Date(row.updated_at).getTime() / 1000),
      stamp: new Date(row.updated_at),
      start: new Date(row.starts_at),
      end: new Date(row.ends_at),
      summary: cancelled ? `INSTÄLLT: ${row.title}` : row.title,
      location: row.mode === OccasionMode.DIGITAL ? row.link : row.place,
      url: row.mode === OccasionMode.DIGITAL && row.link ? row.link : pageUrl,
      description: description(row, pageUrl),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A calendar or a feed with an ETag of its content: an unchanged one is a 304 for polling readers. */
function sendWithEtag(req: Request, res: Response, body: string, headers: Record<string, string>) {
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  // Readers may keep a copy but must ask again.
  res.set({ ...headers, ETag: etag, 'Cache-Control': 'no-cache' });
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.send(body);
}

function notFound(res: Response) {
  res.status(404).type('text/plain').send('Kalendern finns inte. / No such calendar.');
}

/** A global id in a file name, "<id>.ics", of the type asked for. */
function idInFile(file: string, type: 'InvitationOccasion' | 'Party'): string | null {
  return file.endsWith('.ics') ? idOfType(file.slice(0, -4), type) : null;
}

interface FeedRow {
  id: string;
  kind: InvitationKind;
  status: InvitationStatus;
  published_at: Date;
  registration_number: string | null;
  title: string;
  input_wanted: string;
  response_deadline: string | null;
  party_name: string;
}

/** The newest published invitations and consultations, newest first (cancelled ones stay, marked). */
export async function invitationFeedEntries(em: EntityManager): Promise<FeedRow[]> {
  const rows = await em.getConnection().execute<FeedRow[]>(
    `select i.id, i.kind, i.status, i.published_at, i.registration_number, i.title, i.input_wanted,
            to_char(i.response_deadline, 'YYYY-MM-DD') as response_deadline, p.name as party_name
       from invitation i join party p on p.id = i.party_id
      where i.status <> '${InvitationStatus.DRAFT}' and i.published_at is not null
      order by i.published_at desc, i.id desc limit ?`,
    [INVITATION_FEED_ENTRIES],
  );
  return rows.map((row) => ({ ...row, published_at: new Date(row.published_at) }));
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function summary(row: FeedRow): string {
  const plain = row.input_wanted.replace(/\s+/g, ' ').trim();
  const text = plain.length > SUMMARY_LENGTH ? `${plain.slice(0, SUMMARY_LENGTH - 1)}…` : plain;
  return row.response_deadline ? `Sista svarsdag ${row.response_deadline}. ${text}` : text;
}

function entryTitle(row: FeedRow): string {
  const cancelled = row.status === InvitationStatus.CANCELLED ? 'Inställd – ' : '';
  if (row.kind === InvitationKind.CONSULTATION) {
    const number = row.registration_number ? `${row.registration_number}: ` : '';
    return `${cancelled}Remiss – ${number}${row.title}`;
  }
  return `${cancelled}Inbjudan till dialog – ${row.title}`;
}

/** The feed as Atom (RFC 4287); ids are tag: URIs (RFC 4151) that stay the same whatever the address. */
export function invitationAtomFeed(
  rows: FeedRow[],
  link: (path: string) => string,
  authority: string,
): string {
  const updated = (rows[0]?.published_at ?? new Date(0)).toISOString();
  const entries = rows.map((row) =>
    [
      '  <entry>',
      `    <id>tag:${authority},2026:invitation:${row.id}</id>`,
      `    <title>${escapeXml(entryTitle(row))}</title>`,
      `    <updated>${row.published_at.toISOString()}</updated>`,
      `    <author><name>${escapeXml(row.party_name)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link(invitationPagePath(row.id)))}"/>`,
      `    <summary type="text">${escapeXml(summary(row))}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>tag:${authority},2026:invitations</id>`,
    '  <title>Samverka – inbjudningar till dialog och remisser</title>',
    '  <subtitle>Nya inbjudningar till tidig dialog och remisser från kommunen och föreningarna.</subtitle>',
    `  <updated>${updated}</updated>`,
    '  <author><name>Samverka</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(link('/dialog.atom'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(link('/dialog'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * Calendars and the feed of early dialogue: /dialog/tillfalle/<occasion id>.ics (one occasion to download; a
 * draft's only for the inviting party, by the session cookie), /dialog.ics (every occasion of the open
 * invitations), /dialog/part/<party id>.ics (those the party is invited to) and /dialog.atom (new invitations
 * and consultations). Mounted before the client's history fallback, so /dialog/<id> stays the client's page.
 */
export function invitationFeedRoutes({
  orm,
  config,
}: {
  orm: { em: { fork(): EntityManager } };
  config: Config;
}): Router {
  const router = Router();
  const linkFor = (req: Request) => {
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    return {
      authority: new URL(base).hostname,
      link: (path: string) => new URL(path.replace(/^\//, ''), base).toString(),
    };
  };
  const calendar = 'text/calendar; charset=utf-8';

  router.get('/dialog.ics', async (req, res) => {
    const rows = await openOccasionEvents(orm.em.fork());
    const body = occasionCalendar(rows, 'Samverka – dialogtillfällen', linkFor(req).link);
    sendWithEtag(req, res, body, { 'Content-Type': calendar });
  });

  router.get('/dialog/tillfalle/:file', async (req, res) => {
    const occasionId = idInFile(req.params.file, 'InvitationOccasion');
    if (!occasionId) return notFound(res);
    const em = orm.em.fork();
    const row = await occasionEvent(em, occasionId);
    if (!row) return notFound(res);
    if (row.status === InvitationStatus.DRAFT) {
      const viewer = await viewerForToken(em, sessionTokenFrom(req.headers.cookie));
      const invitation = await em.findOneOrFail(Invitation, row.invitation_id);
      const facts = await viewerInvitationFacts(em, viewer);
      if (!invitationPolicy.see(facts, await invitationFacts(em, invitation))) return notFound(res);
    }
    const body = occasionCalendar([row], row.title, linkFor(req).link);
    sendWithEtag(req, res, body, {
      'Content-Type': calendar,
      'Content-Disposition': 'attachment; filename="dialogtillfalle.ics"',
    });
  });

  router.get('/dialog/part/:file', async (req, res) => {
    const partyId = idInFile(req.params.file, 'Party');
    if (!partyId) return notFound(res);
    const em = orm.em.fork();
    const [party] = await em
      .getConnection()
      .execute<{ id: string; name: string; kind: string; areas_of_interest: string[] }[]>(
        'select id, name, kind, areas_of_interest from party where id = ?',
        [partyId],
      );
    if (!party) return notFound(res);
    const rows = await partyOccasionEvents(em, {
      id: party.id,
      kind: party.kind,
      areasOfInterest: party.areas_of_interest,
    });
    const body = occasionCalendar(rows, `Samverka – dialog för ${party.name}`, linkFor(req).link);
    sendWithEtag(req, res, body, { 'Content-Type': calendar });
  });

  router.get('/dialog.atom', async (req, res) => {
    const rows = await invitationFeedEntries(orm.em.fork());
    const { link, authority } = linkFor(req);
    sendWithEtag(req, res, invitationAtomFeed(rows, link, authority), {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Last-Modified': (rows[0]?.published_at ?? new Date(0)).toUTCString(),
    });
  });
  return router;
}
