import type { EntityManager } from '@mikro-orm/postgresql';
import { mailSideEffect } from '../mail/mail-side-effect.js';
import { bilingual } from '../mail/templates.js';
import type { MailMessage } from '../mail/mailer.js';
import { agendaItemDocuments } from '../documents/document.queries.js';
import type { Outbox } from '../outbox/outbox.js';
import { toGlobalId } from '../graphql/node.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingNotice, MeetingNoticeReason } from './meeting-notice.entity.js';
import { ICalCalendarMethod, meetingCalendar, type MeetingEventData } from './meeting-ics.js';

export { MeetingNoticeReason };

/** An agenda item as a notice shows it. */
export interface NoticeAgendaItem {
  position: number;
  title: string;
  presenter: string | null;
  plannedMinutes: number;
  description: string | null;
  /** The item's documents, as paths to download them. */
  documents: { name: string; path: string }[];
}

/** The meeting as it was when the notice was recorded: a later change sends a notice of its own. */
export interface NoticeSnapshot extends MeetingEventData {
  reason: MeetingNoticeReason;
  chairName: string | null;
  cancellationReason: string | null;
  agenda: NoticeAgendaItem[];
}

/** The meeting's page, where members answer; the notice links to it. */
export function meetingPagePath(meetingId: string): string {
  return `/moten/${toGlobalId('Meeting', meetingId)}`;
}

const STOCKHOLM = 'Europe/Stockholm';

function when(snapshot: NoticeSnapshot, locale: 'sv-SE' | 'en-GB'): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: STOCKHOLM, dateStyle: 'full', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: STOCKHOLM, timeStyle: 'short' });
  return `${day.format(new Date(snapshot.startsAt))}–${time.format(new Date(snapshot.endsAt))}`;
}

/** The agenda part of a notice, one item after another, each with its documents' links. */
export function noticeAgendaLines(
  agenda: NoticeAgendaItem[],
  language: 'sv' | 'en',
  link: (path: string) => string,
): string[] {
  const words =
    language === 'sv'
      ? { presenter: 'Föredragande', minutes: 'min', document: 'Handling' }
      : { presenter: 'Presenter', minutes: 'min', document: 'Document' };
  return agenda.flatMap((item) => [
    `${item.position}. ${item.title} (${item.plannedMinutes} ${words.minutes})`,
    ...(item.presenter ? [`   ${words.presenter}: ${item.presenter}`] : []),
    ...(item.description ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => `   ${line}`),
    ...(item.documents ?? []).map(
      (document) => `   ${words.document}: ${document.name} ${link(document.path)}`,
    ),
  ]);
}

const HEADINGS: Record<MeetingNoticeReason, { sv: string; en: string; svIntro: string; enIntro: string }> = {
  PUBLISHED: {
    sv: 'Kallelse',
    en: 'Notice',
    svIntro: 'Du kallas till sammanträde.',
    enIntro: 'You are called to a meeting.',
  },
  CHANGED: {
    sv: 'Ändrad kallelse',
    en: 'Changed notice',
    svIntro: 'Kallelsen till sammanträdet är ändrad. Så här ser den ut nu.',
    enIntro: 'The notice of the meeting has changed. This is how it is now.',
  },
  CANCELLED: {
    sv: 'Inställt sammanträde',
    en: 'Meeting cancelled',
    svIntro: 'Sammanträdet är inställt.',
    enIntro: 'The meeting is cancelled.',
  },
};

/** The notice mail: the meeting, its agenda and the .ics invitation (or cancellation) attached. */
export function meetingNoticeMail(
  to: string,
  snapshot: NoticeSnapshot,
  link: (path: string) => string,
  organizer: string,
): MailMessage {
  const pageUrl = link(meetingPagePath(snapshot.meetingId));
  const heading = HEADINGS[snapshot.reason];
  const cancelled = snapshot.reason === MeetingNoticeReason.CANCELLED;
  const place = (labels: { place: string; access: string; online: string; chair: string }) => [
    ...(snapshot.location ? [`${labels.place}: ${snapshot.location}`] : []),
    ...(snapshot.accessibility ? [`${labels.access}: ${snapshot.accessibility}`] : []),
    ...(snapshot.digitalLink ? [`${labels.online}: ${snapshot.digitalLink}`] : []),
    ...(snapshot.chairName ? [`${labels.chair}: ${snapshot.chairName}`] : []),
  ];
  const reason = cancelled && snapshot.cancellationReason ? ['', snapshot.cancellationReason] : [];
  const swedish = [
    'Hej!',
    '',
    heading.svIntro,
    ...reason,
    '',
    `${snapshot.title} (${snapshot.forumName})`,
    `Tid: ${when(snapshot, 'sv-SE')}`,
    ...place({ place: 'Plats', access: 'Tillgänglighet', online: 'Digitalt', chair: 'Ordförande' }),
    ...(cancelled
      ? ['', 'Den bifogade kalenderfilen tar bort mötet ur din kalender.']
      : [
          '',
          'Dagordning:',
          ...noticeAgendaLines(snapshot.agenda, 'sv', link),
          '',
          'Svara om du kommer, och läs handlingarna, på mötets sida:',
          pageUrl,
          '',
          'Den bifogade kalenderfilen (.ics) lägger in mötet i din kalender.',
        ]),
  ];
  const english = [
    'Hello,',
    '',
    heading.enIntro,
    ...reason,
    '',
    `${snapshot.title} (${snapshot.forumName})`,
    `Time: ${when(snapshot, 'en-GB')} (Swedish time)`,
    ...place({ place: 'Place', access: 'Accessibility', online: 'Online', chair: 'Chair' }),
    ...(cancelled
      ? ['', 'The attached calendar file removes the meeting from your calendar.']
      : [
          '',
          'Agenda (in Swedish):',
          ...noticeAgendaLines(snapshot.agenda, 'en', link),
          '',
          "Answer whether you come, and read the documents, on the meeting's page:",
          pageUrl,
          '',
          'The attached calendar file (.ics) adds the meeting to your calendar.',
        ]),
  ];
  const method = cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  return {
    ...bilingual(to, `${heading.sv}: ${snapshot.title} / ${heading.en}: ${snapshot.title}`, swedish, english),
    attachments: [
      {
        filename: cancelled ? 'installt.ics' : 'kallelse.ics',
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: meetingCalendar([{ event: snapshot, pageUrl }], { method, name: snapshot.title, organizer }),
      },
    ],
  };
}

export const meetingNoticeMailKind = mailSideEffect<{ to: string; notice: NoticeSnapshot }>(
  'meetings.notice-mail',
  ({ to, notice }, mailer) => meetingNoticeMail(to, notice, (path) => mailer.link(path, {}), mailer.from),
);

/** Who a meeting's notice goes to: the forum's members (current seats), its chair and its adjusters. */
export async function noticeRecipients(tx: EntityManager, meeting: Meeting) {
  const seats = await tx.find(
    CouncilSeat,
    { forum: meeting.forum.id, person: { $ne: null }, endedAt: null },
    { populate: ['person'] },
  );
  const people = [
    ...seats.map((seat) => seat.person!.getEntity()),
    ...(meeting.chair ? [meeting.chair.getEntity()] : []),
    ...meeting.adjusters.getItems().map((adjuster) => adjuster.person.getEntity()),
  ];
  return [...new Map(people.map((person) => [person.id, person])).values()];
}

/**
 * Records a notice of the meeting in tx's transaction and one mail job per recipient in the outbox: sent
 * after commit (never for a rolled-back change), each retried on its own, so one refused address does not
 * send the others a second copy. The mail carries the meeting as it is in tx now; its .ics keeps the
 * meeting's UID and a SEQUENCE one above the previous notice's. Call it after the change is flushed.
 */
export async function recordMeetingNotice(
  tx: EntityManager,
  outbox: Outbox,
  meetingId: string,
  reason: MeetingNoticeReason,
): Promise<MeetingNotice> {
  const meeting = await tx.findOneOrFail(Meeting, meetingId, {
    populate: ['forum', 'chair', 'adjusters.person', 'agenda'],
    refresh: true,
  });
  const recipients = await noticeRecipients(tx, meeting);
  const last = await tx.findOne(
    MeetingNotice,
    { meeting: meetingId },
    { orderBy: { sequence: 'desc' }, fields: ['sequence'] },
  );
  const sentAt = new Date();
  const notice = tx.create(MeetingNotice, {
    meeting,
    sequence: (last?.sequence ?? -1) + 1,
    reason,
    recipients: recipients.length,
    sentAt,
  });
  await tx.flush();
  const items = meeting.agenda.getItems();
  // One statement for every item's documents (the documents' loader batches them).
  const documents = await Promise.all(items.map((item) => agendaItemDocuments(tx, item.id)));
  const snapshot: NoticeSnapshot = {
    meetingId,
    title: meeting.title,
    forumName: meeting.forum.getEntity().name,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location ?? null,
    accessibility: meeting.accessibility ?? null,
    digitalLink: meeting.digitalLink ?? null,
    cancelled: reason === MeetingNoticeReason.CANCELLED,
    sequence: notice.sequence,
    stamp: sentAt.toISOString(),
    reason,
    chairName: meeting.chair?.getEntity().name ?? null,
    cancellationReason: meeting.cancellationReason ?? null,
    agenda: items.map((item, index) => ({
      position: item.position,
      title: item.title,
      presenter: item.presenter ?? null,
      plannedMinutes: item.plannedMinutes,
      description: item.description ?? null,
      documents: documents[index]!.map((document) => ({ name: document.name, path: document.url })),
    })),
  };
  for (const person of recipients) {
    await outbox.record(tx, meetingNoticeMailKind, { to: person.email, notice: snapshot });
  }
  return notice;
}
