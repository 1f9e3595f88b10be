import { afterAll, beforeAll, expect, test } from 'vitest';
import ICAL from 'ical.js';
import { SeatKind } from '@samverka/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CouncilSeat } from '../src/council/council-seat.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Person } from '../src/accounts/person.entity.js';
import { MeetingNoticeReason, recordMeetingNotice } from '../src/meetings/meeting-notice.js';
import { draftMeeting, startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';
import { uuidOf } from './accounts-fixtures.js';
import type { CaughtMail } from '../src/mail/mail-catcher.js';

let mailbox: TestMailbox;
let server: TestServer;
let coordinator: string;
let meetingId: string;

const MEMBERS = ['ordforande@samverka.example', 'samordnare@samverka.example', 'forening@samverka.example'];

/** The demo association's contact gets a seat in Samverkansrådet, so three members hold accounts. */
async function seatForMember() {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const person = await em.findOneOrFail(Person, { email: 'forening@samverka.example' });
  em.create(CouncilSeat, {
    forum,
    kind: SeatKind.CIVIL_SOCIETY,
    holderName: person.name,
    person,
    position: 50,
  });
  await em.flush();
}

function invitationOf(mail: CaughtMail) {
  const ics = mail.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
  expect(ics, `no .ics attached to "${mail.subject}"`).toBeTruthy();
  expect(ics!.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(ics!.content) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
    location: event.getFirstPropertyValue('location'),
    url: event.getFirstPropertyValue('url'),
    description: event.getFirstPropertyValue('description') as string,
    organizer: event.getFirstPropertyValue('organizer'),
  };
}

function noticeJobs(): Promise<number> {
  return server.orm.em
    .fork()
    .getConnection()
    .execute(`select count(*)::int as n from pgboss.job where name = 'meetings.notice-mail'`)
    .then(([row]) => row!.n as number);
}

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, PUBLIC_URL: 'https://samverka.example' });
  coordinator = await server.signIn('coordinator');
  await seatForMember();
  const draft = await draftMeeting(server, coordinator);
  meetingId = draft.id;
  const published = await server.gql(
    'mutation($input: MeetingActionInput!) { publishAgenda(input: $input) { meeting { status } errors { code } } }',
    { input: { meetingId, expectedVersion: draft.version } },
    coordinator,
  );
  expect(published.data!.publishAgenda).toEqual({ meeting: { status: 'AGENDA_PUBLISHED' }, errors: [] });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

test('publishing the agenda mails every member the notice, with the agenda and an .ics invitation', async () => {
  const meeting = (
    await server.gql(
      'query($id: ID!) { meeting(id: $id) { title startsAt endsAt location agenda { title presenter plannedMinutes } } }',
      { id: meetingId },
      coordinator,
    )
  ).data!.meeting;
  for (const to of MEMBERS) {
    const mail = await mailbox.waitFor(to, /^Kallelse: /);
    expect(mail.subject).toBe(`Kallelse: ${meeting.title} / Notice: ${meeting.title}`);
    expect(mail.text).toContain(`Plats: ${meeting.location}`);
    expect(mail.text).toContain(`1. ${meeting.agenda[0].title} (${meeting.agenda[0].plannedMinutes} min)`);
    expect(mail.text).toContain(`Föredragande: ${meeting.agenda[0].presenter}`);
    expect(mail.text).toContain(`https://samverka.example/moten/${meetingId}`);
    expect(mail.text.indexOf('Dagordning:')).toBeLessThan(mail.text.indexOf('— In English —'));
    expect(mail.text).toContain('Agenda (in Swedish):');
    const invitation = invitationOf(mail);
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${uuidOf(meetingId)}@samverka`,
      sequence: 0,
      status: 'CONFIRMED',
      location: meeting.location,
      url: `https://samverka.example/moten/${meetingId}`,
      organizer: 'mailto:noreply@samverka.example',
    });
    expect(invitation.start.toISOString()).toBe(new Date(meeting.startsAt).toISOString());
    expect(invitation.end.toISOString()).toBe(new Date(meeting.endsAt).toISOString());
    expect(invitation.description).toContain('Samverkansrådet');
  }
  expect(mailbox.messages.filter((mail) => mail.subject.startsWith('Kallelse:'))).toHaveLength(
    MEMBERS.length,
  );
});

test('a changed notice carries a higher SEQUENCE, and a cancellation METHOD:CANCEL with the same UID', async () => {
  const em = server.orm.em.fork() as EntityManager;
  await em.transactional((tx) =>
    recordMeetingNotice(tx, server.outbox, uuidOf(meetingId), MeetingNoticeReason.CHANGED),
  );
  const changed = invitationOf(await mailbox.waitFor('forening@samverka.example', /^Ändrad kallelse: /));
  expect(changed).toMatchObject({ method: 'REQUEST', sequence: 1, status: 'CONFIRMED' });

  await em
    .getConnection()
    .execute(`update meeting set status = 'CANCELLED', cancellation_reason = ? where id = ?`, [
      'Lokalen är inte tillgänglig.',
      uuidOf(meetingId),
    ]);
  await em
    .fork()
    .transactional((tx) =>
      recordMeetingNotice(tx, server.outbox, uuidOf(meetingId), MeetingNoticeReason.CANCELLED),
    );
  const mail = await mailbox.waitFor('forening@samverka.example', /^Inställt sammanträde: /);
  expect(mail.text).toContain('Lokalen är inte tillgänglig.');
  const cancelled = invitationOf(mail);
  expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2, uid: changed.uid });
});

test('a notice recorded in a transaction that rolls back mails nobody', async () => {
  const jobsBefore = await noticeJobs();
  const em = server.orm.em.fork() as EntityManager;
  await expect(
    em.transactional(async (tx) => {
      await recordMeetingNotice(tx, server.outbox, uuidOf(meetingId), MeetingNoticeReason.CHANGED);
      throw new Error('the change failed after the notice was recorded');
    }),
  ).rejects.toThrow('the change failed');
  expect(await noticeJobs()).toBe(jobsBefore);
  const [row] = await em
    .getConnection()
    .execute('select count(*)::int as n from meeting_notice where meeting_id = ?', [uuidOf(meetingId)]);
  expect(row!.n).toBe(3);
});
