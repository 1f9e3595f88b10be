import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SeatKind } from '@samverka/domain';
import { Person } from '../src/accounts/person.entity.js';
import { openSession } from '../src/accounts/session.service.js';
import { SESSION_COOKIE } from '../src/accounts/session-cookie.js';
import { CouncilSeat } from '../src/council/council-seat.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { idOfType } from '../src/graphql/node.js';
import { attendanceForMinutes } from '../src/meetings/attendance.js';
import { MeetingAdjuster } from '../src/meetings/meeting-adjuster.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { collect, rowCounts, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';

let server: TestServer;
const cookies: Record<'chair' | 'coordinator' | 'member', string> = {
  chair: '',
  coordinator: '',
  member: '',
};
let memberId: string;

beforeAll(async () => {
  server = await startTestServer();
  cookies.chair = await server.signIn('chair');
  cookies.coordinator = await server.signIn('coordinator');
  cookies.member = await server.signIn('member');
  memberId = (await server.gql('{ viewer { id } }', {}, cookies.member)).data!.viewer.id;
});
afterAll(() => server?.close());

const SPEAKERS =
  'speakersVersion speakers { timeLimitSeconds speaking { id name personId startedAt } queue { id name personId status requestedAt } }';
const ERRORS = 'errors { field message code }';

const INPUT_TYPES: Record<string, string> = {
  recordAttendance: 'RecordAttendanceInput',
  requestFloor: 'FloorInput',
  withdrawFloorRequest: 'FloorInput',
  giveFloor: 'GiveFloorInput',
  endSpeech: 'SpeakerActionInput',
  removeFloorRequest: 'SpeakerActionInput',
  setSpeakingTimeLimit: 'SetSpeakingTimeLimitInput',
};

async function floor(mutation: string, input: Record<string, unknown>, cookie?: string, on = server) {
  const res = await on.gql(
    `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { meeting { version ${SPEAKERS} } ${ERRORS} } }`,
    { input },
    cookie,
  );
  expect(res.errors).toBeUndefined();
  return res.data![mutation] as {
    meeting: any;
    errors: { field: string[]; message: string; code: string }[];
  };
}

async function chairAction(mutation: string, meetingId: string, cookie: string, on = server) {
  const version = (await on.gql('query($id: ID!) { meeting(id: $id) { version } }', { id: meetingId })).data!
    .meeting.version;
  const res = await on.gql(
    `mutation($input: MeetingActionInput!) { ${mutation}(input: $input) { errors { code } } }`,
    { input: { meetingId, expectedVersion: version } },
    cookie,
  );
  expect(res.data![mutation].errors).toEqual([]);
}

async function publicSpeakers(meetingId: string, on = server) {
  return (await on.gql(`query($id: ID!) { meeting(id: $id) { ${SPEAKERS} } }`, { id: meetingId })).data!
    .meeting;
}

/** Members of Samverkansrådet with a session each, made directly: sign-in is throttled per address. */
async function newMembers(on: TestServer, count: number): Promise<{ id: string; cookie: string }[]> {
  const em = on.orm.em.fork() as EntityManager;
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const members = [];
  for (let i = 0; i < count; i++) {
    const person = em.create(Person, {
      name: `Ledamot ${i}`,
      email: `ledamot${i}.${Date.now()}@example.org`,
      passwordHash: 'not-a-hash',
    });
    em.create(CouncilSeat, {
      forum,
      kind: SeatKind.CIVIL_SOCIETY,
      holderName: `Ledamot ${i}`,
      organisation: `Förening ${i}`,
      person,
      position: 100 + i,
    });
    await em.flush();
    const token = await em.transactional((tx) => openSession(tx, person, null));
    members.push({ id: person.id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return members;
}

describe('attendance', () => {
  test('roll call, a guest, arrivals and departures at an item, as GraphQL and the minutes have them', async () => {
    const own = await startTestServer();
    try {
      const chair = await own.signIn('chair');
      const meeting = await upcomingMeeting(own);
      const query = `query($id: ID!) { meeting(id: $id) { attendance { id personId name organisation member state presentAtStart records { change recordedAt agendaItem { position title } } } } }`;
      const roll = (await own.gql(query, { id: meeting.id }, chair)).data!.meeting.attendance;
      expect(roll.map((line: any) => [line.name, line.member, line.state])).toEqual([
        ['Erik Holm', true, 'ABSENT'],
        ['Samira Lind', true, 'ABSENT'],
      ]);
      const [erik, samira] = roll;

      const record = (input: Record<string, unknown>) =>
        floor('recordAttendance', { meetingId: meeting.id, ...input }, chair, own);
      expect((await record({ personId: erik.personId, change: 'PRESENT_AT_START' })).errors).toEqual([]);
      expect(
        (await record({ name: ' Anna Gäst ', organisation: 'Länsstyrelsen', change: 'PRESENT_AT_START' }))
          .errors,
      ).toEqual([]);
      await chairAction('startMeeting', meeting.id, chair, own);
      await chairAction('moveToNextAgendaItem', meeting.id, chair, own);
      expect((await record({ personId: samira.personId, change: 'ARRIVED' })).errors).toEqual([]);
      const guest = (await own.gql(query, { id: meeting.id }, chair)).data!.meeting.attendance[2];
      expect(guest).toMatchObject({ name: 'Anna Gäst', organisation: 'Länsstyrelsen', member: false });
      expect((await record({ attendeeId: guest.id, change: 'LEFT' })).errors).toEqual([]);

      const after = (await own.gql(query, { id: meeting.id }, chair)).data!.meeting.attendance;
      expect(after.map((line: any) => [line.name, line.state, line.presentAtStart])).toEqual([
        ['Erik Holm', 'PRESENT', true],
        ['Samira Lind', 'PRESENT', false],
        ['Anna Gäst', 'LEFT', true],
      ]);
      expect(after[1].records).toEqual([
        {
          change: 'ARRIVED',
          recordedAt: expect.any(String),
          agendaItem: { position: 2, title: 'Föregående mötes protokoll' },
        },
      ]);

      const minutes = await attendanceForMinutes(own.orm.em.fork(), idOfType(meeting.id, 'Meeting')!);
      expect(minutes.present).toEqual([
        { name: 'Erik Holm', organisation: 'Örebro Föreningsråd', member: true },
        { name: 'Anna Gäst', organisation: 'Länsstyrelsen', member: false },
      ]);
      expect(minutes.absent).toEqual([]);
      expect(minutes.changes.map((line) => [line.name, line.change, line.agendaItem?.position])).toEqual([
        ['Samira Lind', 'ARRIVED', 2],
        ['Anna Gäst', 'LEFT', 2],
      ]);
      expect(minutes.changes[0]!.at).toBeInstanceOf(Date);
    } finally {
      await own.close();
    }
  });

  test("the meeting's adjuster without a seat is on the roll call, recorded by her person, not absent", async () => {
    const own = await startTestServer();
    try {
      const chair = await own.signIn('chair');
      const maja = await own.signIn('member');
      const majaId = (await own.gql('{ viewer { id } }', {}, maja)).data!.viewer.id;
      const meeting = await upcomingMeeting(own);
      const em = own.orm.em.fork() as EntityManager;
      em.create(MeetingAdjuster, {
        meeting: em.getReference(Meeting, idOfType(meeting.id, 'Meeting')!),
        person: em.getReference(Person, majaId),
        position: 1,
      });
      await em.flush();
      const query = `query($id: ID!) { meeting(id: $id) { attendance { id personId name member state } } }`;
      const roll = (await own.gql(query, { id: meeting.id }, chair)).data!.meeting.attendance;
      expect(roll.map((line: any) => [line.name, line.member, line.state, line.personId])).toEqual([
        ['Erik Holm', true, 'ABSENT', expect.any(String)],
        ['Samira Lind', true, 'ABSENT', expect.any(String)],
        ['Maja Berg', false, 'ABSENT', majaId],
      ]);
      expect(
        (
          await floor(
            'recordAttendance',
            { meetingId: meeting.id, personId: majaId, change: 'PRESENT_AT_START' },
            chair,
            own,
          )
        ).errors,
      ).toEqual([]);
      const after = (await own.gql(query, { id: meeting.id }, chair)).data!.meeting.attendance;
      expect(after.map((line: any) => [line.name, line.state])).toEqual([
        ['Erik Holm', 'ABSENT'],
        ['Samira Lind', 'ABSENT'],
        ['Maja Berg', 'PRESENT'],
      ]);
      const minutes = await attendanceForMinutes(own.orm.em.fork(), idOfType(meeting.id, 'Meeting')!);
      expect(minutes.present).toEqual([{ name: 'Maja Berg', organisation: null, member: false }]);
      expect(minutes.absent.map((person) => person.name)).toEqual(['Erik Holm', 'Samira Lind']);
    } finally {
      await own.close();
    }
  });

  test('a member never present is absent in the minutes', async () => {
    const meeting = await upcomingMeeting(server);
    const minutes = await attendanceForMinutes(server.orm.em.fork(), idOfType(meeting.id, 'Meeting')!);
    expect(minutes.absent.map((person) => person.name)).toEqual(['Erik Holm', 'Samira Lind']);
  });
});

describe("the speakers' list", () => {
  test('members ask, withdraw, get the floor in order, and the limit shows; signed out sees it all', async () => {
    const own = await startTestServer();
    try {
      const chair = await own.signIn('chair');
      const coordinator = await own.signIn('coordinator');
      const member = await own.signIn('member');
      const meeting = await upcomingMeeting(own);
      const input = { meetingId: meeting.id };
      expect((await floor('requestFloor', input, chair, own)).errors[0]?.code).toBe('INVALID_TRANSITION');
      await chairAction('startMeeting', meeting.id, chair, own);

      // Not a member and not recorded present: refused until the chair records her present.
      const refused = await own.gql(
        'mutation($input: FloorInput!) { requestFloor(input: $input) { errors { code } } }',
        { input },
        member,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const memberPerson = (await own.gql('{ viewer { id } }', {}, member)).data!.viewer.id;
      await floor('recordAttendance', { ...input, personId: memberPerson, change: 'ARRIVED' }, chair, own);

      expect((await floor('requestFloor', input, coordinator, own)).errors).toEqual([]);
      expect((await floor('requestFloor', input, member, own)).errors).toEqual([]);
      expect((await floor('requestFloor', input, chair, own)).errors).toEqual([]);
      expect((await floor('requestFloor', input, member, own)).errors[0]?.code).toBe('DUPLICATE');
      expect((await floor('withdrawFloorRequest', input, chair, own)).errors).toEqual([]);
      expect((await floor('withdrawFloorRequest', input, chair, own)).errors[0]?.code).toBe(
        'INVALID_TRANSITION',
      );
      const limited = await floor('setSpeakingTimeLimit', { ...input, seconds: 120 }, chair, own);
      expect(limited.meeting.speakers.timeLimitSeconds).toBe(120);

      let list = await publicSpeakers(meeting.id, own);
      expect(list.speakers.queue.map((speaker: any) => speaker.name)).toEqual(['Samira Lind', 'Maja Berg']);
      expect(list.speakers.queue[1].personId).toBe(memberPerson);
      expect(list.speakers.speaking).toBeNull();
      const [first, second] = list.speakers.queue;

      const given = await floor('giveFloor', { ...input, speakerId: first.id, replacing: null }, chair, own);
      expect(given.errors).toEqual([]);
      expect(given.meeting.speakers.speaking).toMatchObject({
        name: 'Samira Lind',
        startedAt: expect.any(String),
      });
      const next = await floor(
        'giveFloor',
        { ...input, speakerId: second.id, replacing: first.id },
        chair,
        own,
      );
      expect(next.errors).toEqual([]);
      list = await publicSpeakers(meeting.id, own);
      expect(list.speakers.speaking.name).toBe('Maja Berg');
      expect(list.speakers.queue).toEqual([]);
      expect((await floor('endSpeech', { ...input, speakerId: second.id }, chair, own)).errors).toEqual([]);
      expect((await publicSpeakers(meeting.id, own)).speakers.speaking).toBeNull();

      // Asking does not make the chair's next agenda action stale: the meeting version stays.
      const before = (await own.gql('query($id: ID!) { meeting(id: $id) { version } }', { id: meeting.id }))
        .data!.meeting.version;
      await floor('requestFloor', input, coordinator, own);
      const moved = await own.gql(
        'mutation($input: MeetingActionInput!) { moveToNextAgendaItem(input: $input) { errors { code } } }',
        { input: { meetingId: meeting.id, expectedVersion: before } },
        chair,
      );
      expect(moved.data!.moveToNextAgendaItem.errors).toEqual([]);
      // A new item has its own list: the request made on the previous item does not show.
      expect((await publicSpeakers(meeting.id, own)).speakers.queue).toEqual([]);
    } finally {
      await own.close();
    }
  });

  test('every change reaches a signed-out watcher live, with the list', async () => {
    const own = await startTestServer();
    const client = own.ws();
    try {
      const chair = await own.signIn('chair');
      const meeting = await upcomingMeeting(own);
      await chairAction('startMeeting', meeting.id, chair, own);
      // Subscribing after the cursor of this snapshot misses nothing, however late the subscription starts.
      const after = (await own.gql('query($id: ID!) { meeting(id: $id) { liveCursor } }', { id: meeting.id }))
        .data!.meeting.liveCursor;
      const events = collect(
        client,
        `subscription($id: ID!, $after: String) { meetingChanged(meetingId: $id, after: $after) { kind meeting { ${SPEAKERS} } } }`,
        { id: meeting.id, after },
      );
      const input = { meetingId: meeting.id };
      await floor('requestFloor', input, chair, own);
      const [asked] = await events.waitFor(1);
      const speakerId = asked.meetingChanged.meeting.speakers.queue[0].id;
      await floor('giveFloor', { ...input, speakerId, replacing: null }, chair, own);
      await floor('endSpeech', { ...input, speakerId }, chair, own);
      await floor('setSpeakingTimeLimit', { ...input, seconds: 90 }, chair, own);
      await floor('recordAttendance', { ...input, name: 'Gäst', change: 'ARRIVED' }, chair, own);
      const values = await events.waitFor(5);
      expect(values.map((value) => value.meetingChanged.kind)).toEqual([
        'FLOOR_REQUESTED',
        'FLOOR_GIVEN',
        'SPEECH_ENDED',
        'SPEAKING_TIME_LIMIT_SET',
        'ATTENDANCE_RECORDED',
      ]);
      expect(values[1].meetingChanged.meeting.speakers.speaking.name).toBe('Erik Holm');
      expect(values[3].meetingChanged.meeting.speakers.timeLimitSeconds).toBe(90);
      const versions = values.map((value) => value.meetingChanged.meeting.speakersVersion);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      events.dispose();
    } finally {
      await client.dispose();
      await own.close();
    }
  });
});

describe('at the same instant', () => {
  test('many members ask at once: one queue, each once, in one order', async () => {
    const own = await startTestServer();
    try {
      const chair = await own.signIn('chair');
      const meeting = await upcomingMeeting(own);
      await chairAction('startMeeting', meeting.id, chair, own);
      const members = await newMembers(own, 12);
      const input = { meetingId: meeting.id };
      // Each asks twice at once: the second is a duplicate, whichever comes second.
      const results = await Promise.all(
        members.flatMap((member) => [
          floor('requestFloor', input, member.cookie, own),
          floor('requestFloor', input, member.cookie, own),
        ]),
      );
      expect(results.filter((result) => result.errors.length === 0)).toHaveLength(12);
      expect(results.filter((result) => result.errors[0]?.code === 'DUPLICATE')).toHaveLength(12);
      const { speakers } = await publicSpeakers(meeting.id, own);
      expect(speakers.queue).toHaveLength(12);
      expect(new Set(speakers.queue.map((speaker: any) => speaker.personId))).toEqual(
        new Set(members.map((member) => member.id)),
      );
      const asked = speakers.queue.map((speaker: any) => Date.parse(speaker.requestedAt));
      expect(asked).toEqual([...asked].sort((a, b) => a - b));
    } finally {
      await own.close();
    }
  });

  test('two chairs giving the floor and ending speeches at once end with one speaker and one queue', async () => {
    const own = await startTestServer();
    try {
      const chair = await own.signIn('chair');
      const coordinator = await own.signIn('coordinator');
      const meeting = await upcomingMeeting(own);
      await chairAction('startMeeting', meeting.id, chair, own);
      const members = await newMembers(own, 4);
      const input = { meetingId: meeting.id };
      for (const member of members) await floor('requestFloor', input, member.cookie, own);
      const [a, b, c, d] = (await publicSpeakers(meeting.id, own)).speakers.queue;

      // Both give the floor to the first in the queue: one does, the other is told it already happened.
      const same = await Promise.all([
        floor('giveFloor', { ...input, speakerId: a.id, replacing: null }, chair, own),
        floor('giveFloor', { ...input, speakerId: a.id, replacing: null }, coordinator, own),
      ]);
      expect(same.map((result) => result.errors.length).sort()).toEqual([0, 1]);

      // Both move on from the same speech to different speakers: one wins, the other saw an old list.
      const different = await Promise.all([
        floor('giveFloor', { ...input, speakerId: b.id, replacing: a.id }, chair, own),
        floor('giveFloor', { ...input, speakerId: c.id, replacing: a.id }, coordinator, own),
      ]);
      const losers = different.filter((result) => result.errors.length > 0);
      expect(losers).toHaveLength(1);
      expect(losers[0]!.errors[0]!.code).toBe('STALE_VERSION');
      const winner = different.find((result) => result.errors.length === 0)!.meeting.speakers.speaking;

      // Both end the speech at once: it ends once.
      const ended = await Promise.all([
        floor('endSpeech', { ...input, speakerId: winner.id }, chair, own),
        floor('endSpeech', { ...input, speakerId: winner.id }, coordinator, own),
      ]);
      expect(ended.map((result) => result.errors[0]?.code ?? 'OK').sort()).toEqual([
        'INVALID_TRANSITION',
        'OK',
      ]);

      const { speakers } = await publicSpeakers(meeting.id, own);
      expect(speakers.speaking).toBeNull();
      const loserSpeaker = winner.id === b.id ? c : b;
      expect(speakers.queue.map((speaker: any) => speaker.id)).toEqual([loserSpeaker.id, d.id]);
      const rows = await own.orm.em
        .fork()
        .getConnection()
        .execute(`select status, count(*)::int as n from speaker group by status order by status`);
      expect(rows).toEqual([
        { status: 'WAITING', n: 2 },
        { status: 'DONE', n: 2 },
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('bad input is refused with a field error and writes nothing', () => {
  let meeting: Awaited<ReturnType<typeof upcomingMeeting>>;
  let speakerId: string;
  const TABLES = ['meeting_attendee', 'attendance_record', 'speaker', 'live_event'];

  beforeAll(async () => {
    meeting = await upcomingMeeting(server);
    await chairAction('startMeeting', meeting.id, cookies.chair);
    await floor('requestFloor', { meetingId: meeting.id }, cookies.chair);
    speakerId = (await publicSpeakers(meeting.id)).speakers.queue[0].id;
  });

  const NOT_A_MEETING = 'bm90LWEtbWVldGluZw';
  const cases: [string, string, () => Record<string, unknown>, string, string[]][] = [
    [
      'an unknown meeting',
      'requestFloor',
      () => ({ meetingId: NOT_A_MEETING }),
      'NOT_FOUND',
      ['input', 'meetingId'],
    ],
    [
      'an unknown meeting',
      'withdrawFloorRequest',
      () => ({ meetingId: NOT_A_MEETING }),
      'NOT_FOUND',
      ['input', 'meetingId'],
    ],
    [
      'withdrawing with no request',
      'withdrawFloorRequest',
      () => ({ meetingId: meeting.id }),
      'INVALID_TRANSITION',
      ['input'],
    ],
    [
      'an unknown speaker',
      'giveFloor',
      () => ({ meetingId: meeting.id, speakerId: 'eA', replacing: null }),
      'NOT_FOUND',
      ['input', 'speakerId'],
    ],
    [
      'a stale speech',
      'giveFloor',
      () => ({ meetingId: meeting.id, speakerId, replacing: speakerId }),
      'STALE_VERSION',
      ['input', 'replacing'],
    ],
    [
      'ending a speech not begun',
      'endSpeech',
      () => ({ meetingId: meeting.id, speakerId }),
      'INVALID_TRANSITION',
      ['input', 'speakerId'],
    ],
    [
      'an unknown speaker',
      'removeFloorRequest',
      () => ({ meetingId: meeting.id, speakerId: NOT_A_MEETING }),
      'NOT_FOUND',
      ['input', 'speakerId'],
    ],
    [
      'a limit too short',
      'setSpeakingTimeLimit',
      () => ({ meetingId: meeting.id, seconds: 5 }),
      'INVALID',
      ['input', 'seconds'],
    ],
    [
      'nobody named',
      'recordAttendance',
      () => ({ meetingId: meeting.id, change: 'ARRIVED' }),
      'REQUIRED',
      ['input', 'name'],
    ],
    [
      'two people named',
      'recordAttendance',
      () => ({ meetingId: meeting.id, name: 'A', personId: memberId, change: 'ARRIVED' }),
      'REQUIRED',
      ['input', 'name'],
    ],
    [
      'a name too long',
      'recordAttendance',
      () => ({ meetingId: meeting.id, name: 'x'.repeat(201), change: 'ARRIVED' }),
      'TOO_LONG',
      ['input', 'name'],
    ],
    [
      'an unknown person',
      'recordAttendance',
      () => ({ meetingId: meeting.id, personId: 'not-a-uuid', change: 'ARRIVED' }),
      'NOT_FOUND',
      ['input', 'personId'],
    ],
    [
      'an unknown attendee',
      'recordAttendance',
      () => ({ meetingId: meeting.id, attendeeId: 'eA', change: 'LEFT' }),
      'NOT_FOUND',
      ['input', 'attendeeId'],
    ],
    [
      'leaving before arriving',
      'recordAttendance',
      () => ({ meetingId: meeting.id, name: 'Ny gäst', change: 'LEFT' }),
      'INVALID_TRANSITION',
      ['input', 'change'],
    ],
  ];

  test.each(cases)('%s (%s)', async (_name, mutation, input, code, field) => {
    const before = await rowCounts(server, TABLES);
    const speakersBefore = await publicSpeakers(meeting.id);
    const result = await floor(mutation, input(), cookies.coordinator);
    expect(result.meeting).toBeNull();
    expect(result.errors[0]).toMatchObject({ code, field });
    expect(result.errors[0]!.message).toBeTruthy();
    expect(await rowCounts(server, TABLES)).toEqual(before);
    expect(await publicSpeakers(meeting.id)).toEqual(speakersBefore);
  });
});
