import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ICalCalendarMethod, meetingCalendar, type MeetingEventData } from '../meetings/meeting-ics.js';
import { meetingPagePath } from '../meetings/meeting-notice.js';
import { idOfType } from '../graphql/node.js';
import { sessionTokenFrom } from '../accounts/session-cookie.js';
import { viewerForToken } from '../accounts/session.service.js';
import { forumName, meetingEvent, publicMeetingEvents } from './calendar.queries.js';

/** An absolute link into the client (the public address, as in mails). */
export type LinkTo = (pathname: string) => string;

function sendCalendar(
  req: Request,
  res: Response,
  events: MeetingEventData[],
  name: string,
  link: LinkTo,
  download?: string,
) {
  const body = meetingCalendar(
    events.map((event) => ({ event, pageUrl: link(meetingPagePath(event.meetingId)) })),
    { method: ICalCalendarMethod.PUBLISH, name },
  );
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  res.set({
    'Content-Type': 'text/calendar; charset=utf-8',
    ETag: etag,
    // Calendar apps poll; they may keep a copy but must ask again (a 304 costs one statement).
    'Cache-Control': 'no-cache',
    ...(download ? { 'Content-Disposition': `attachment; filename="${download}"` } : {}),
  });
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.send(body);
}

/** A calendar that does not exist (or is not the viewer's to see) is a plain 404, not the client's page. */
function notFound(res: Response) {
  res.status(404).type('text/plain').send('Kalendern finns inte. / No such calendar.');
}

/**
 * The calendar as iCalendar (RFC 5545): /kalender.ics (every forum's public meetings),
 * /kalender/<forum-slug>.ics (one forum's) to subscribe to, and /kalender/moten/<meeting id>.ics to download
 * one meeting (a draft only for those who run it, by the session cookie).
 */
export function calendarFeeds(orm: MikroORM, link: LinkTo): Router {
  const router = Router();
  router.get('/kalender.ics', async (req, res) => {
    const events = await publicMeetingEvents(orm.em.fork(), null);
    sendCalendar(req, res, events, 'Samverka – alla möten', link);
  });
  router.get('/kalender/moten/:file', async (req, res) => {
    const meetingId = req.params.file.endsWith('.ics')
      ? idOfType(req.params.file.slice(0, -4), 'Meeting')
      : null;
    if (!meetingId) return notFound(res);
    const em = orm.em.fork();
    const viewer = await viewerForToken(em, sessionTokenFrom(req.headers.cookie));
    const event = await meetingEvent(em, viewer, meetingId);
    if (!event) return notFound(res);
    sendCalendar(req, res, [event], event.title, link, 'mote.ics');
  });
  router.get('/kalender/:file', async (req, res, next) => {
    if (!req.params.file.endsWith('.ics')) return next();
    const slug = req.params.file.slice(0, -4);
    const em = orm.em.fork();
    const name = await forumName(em, slug);
    if (!name) return notFound(res);
    sendCalendar(req, res, await publicMeetingEvents(em, slug), `Samverka – ${name}`, link);
  });
  return router;
}
