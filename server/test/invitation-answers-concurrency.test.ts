import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import {
  answer,
  dialogue,
  partyMember,
  register,
  type Dialogue,
  type Member,
} from './invitation-answers-fixtures.js';

/**
 * Many parties taking the last seats at the same instant never overfill an occasion: registrations take turns on
 * the occasion's row lock, so seats go first come first served and the waiting list keeps the order of arrival.
 */
let server: TestServer;
let inviter: Member;
let early: Member;
let crowd: Member[];
let invitation: Dialogue;

interface Row {
  id: string;
  party_id: string;
  status: string;
  sequence: number;
  seated_at: Date | null;
}

const rows = (occasionUuid: string) =>
  server.orm.em
    .fork()
    .getConnection()
    .execute<Row[]>(
      'select id, party_id, status, sequence, seated_at from occasion_participant where occasion_id = ? order by sequence',
      [occasionUuid],
    );

const participantGlobalId = (uuid: string) =>
  Buffer.from(`OccasionParticipant:${uuid}`).toString('base64url');

beforeAll(async () => {
  server = await startTestServer();
  inviter = await partyMember(server, { name: 'Kulturförvaltningen' });
  early = await partyMember(server, { name: 'Tidiga föreningen' });
  crowd = [];
  for (let i = 0; i < 50; i++) crowd.push(await partyMember(server, { name: `Förening ${i + 1}` }));
  invitation = await dialogue(server, inviter, { occasions: [{ capacity: 10 }] });
  // Five of the ten seats are taken before the rush.
  await register(server, early, invitation.occasionIds[0]!, ['A', 'B', 'C', 'D', 'E']);
}, 120_000);
afterAll(() => server?.close());

test('50 parties registering for the last 5 seats at once: 5 seated, 45 waiting in order of arrival', async () => {
  const [occasionId] = invitation.occasionIds;
  const results = await Promise.all(
    crowd.map((member, i) =>
      answer(
        server,
        'registerForOccasion',
        { occasionId, partyId: member.partyId, participants: [{ name: `Deltagare ${i + 1}` }] },
        member.cookie,
      ),
    ),
  );
  for (const res of results) {
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerForOccasion.errors).toEqual([]);
  }
  const statuses = results.map((res) => res.data!.registerForOccasion.participants[0].status);
  expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(5);
  expect(statuses.filter((s) => s === 'WAITING')).toHaveLength(45);
  // Each waiting party was told a distinct place, 1 to 45.
  const places = results
    .map((res) => res.data!.registerForOccasion.participants[0].waitingPosition)
    .filter((p) => p !== null)
    .sort((a, b) => a - b);
  expect(places).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

  const all = await rows(invitation.occasionUuids[0]!);
  expect(all.map((r) => r.sequence)).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
  // Arrival order: the ten seats are the ten first to arrive, everyone after them waits.
  expect(all.map((r) => r.status)).toEqual([
    ...Array<string>(10).fill('REGISTERED'),
    ...Array<string>(45).fill('WAITING'),
  ]);
  const seen = await server.gql(
    'query($id: ID!) { invitation(id: $id) { occasions { seatsTaken seatsLeft waitingCount } } }',
    { id: invitation.id },
  );
  expect(seen.data!.invitation.occasions).toEqual([{ seatsTaken: 10, seatsLeft: 0, waitingCount: 45 }]);
}, 120_000);

test('two cancellations racing each move exactly one, the first two waiting, up', async () => {
  const before = await rows(invitation.occasionUuids[0]!);
  const seated = before.filter((r) => r.status === 'REGISTERED' && r.party_id !== early.partyUuid);
  const [one, two] = seated;
  const ownerOf = (row: Row) => crowd.find((m) => m.partyUuid === row.party_id)!;
  const results = await Promise.all(
    [one!, two!].map((row) =>
      answer(
        server,
        'cancelOccasionParticipant',
        { participantId: participantGlobalId(row.id) },
        ownerOf(row).cookie,
      ),
    ),
  );
  for (const res of results) expect(res.data!.cancelOccasionParticipant.errors).toEqual([]);

  const after = await rows(invitation.occasionUuids[0]!);
  const firstWaiting = before.filter((r) => r.status === 'WAITING').slice(0, 3);
  const statusOf = (id: string) => after.find((r) => r.id === id)!.status;
  expect(firstWaiting.map((r) => statusOf(r.id))).toEqual(['REGISTERED', 'REGISTERED', 'WAITING']);
  expect(firstWaiting.slice(0, 2).every((r) => after.find((a) => a.id === r.id)!.seated_at)).toBe(true);
  expect(after.filter((r) => r.status === 'REGISTERED')).toHaveLength(10);
  expect(after.filter((r) => r.status === 'WAITING')).toHaveLength(43);
}, 60_000);

test('the same participant cancelled twice at once frees one seat, and one waiting moves up once', async () => {
  const before = await rows(invitation.occasionUuids[0]!);
  const seat = before.find((r) => r.status === 'REGISTERED' && r.party_id === early.partyUuid)!;
  const input = { participantId: participantGlobalId(seat.id) };
  const results = await Promise.all([
    answer(server, 'cancelOccasionParticipant', input, early.cookie),
    answer(server, 'cancelOccasionParticipant', input, inviter.cookie),
  ]);
  const errors = results.map((res) => res.data!.cancelOccasionParticipant.errors);
  expect(errors.filter((e) => e.length === 0)).toHaveLength(1);
  expect(errors.flat()).toEqual([
    expect.objectContaining({ field: ['input', 'participantId'], code: 'INVALID_TRANSITION' }),
  ]);
  const after = await rows(invitation.occasionUuids[0]!);
  const firstWaiting = before.filter((r) => r.status === 'WAITING').slice(0, 2);
  expect(firstWaiting.map((r) => after.find((a) => a.id === r.id)!.status)).toEqual([
    'REGISTERED',
    'WAITING',
  ]);
  expect(after.filter((r) => r.status === 'REGISTERED')).toHaveLength(10);
  expect(after.filter((r) => r.status === 'WAITING')).toHaveLength(42);
}, 60_000);
