import { afterAll, beforeAll, expect, test } from 'vitest';
import { InvitationAction, endOfStockholmDay } from '@samverka/domain';
import { advanceInvitations, invitationClockKind } from '../src/invitations/invitation-clock.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationEvent } from '../src/invitations/invitation-event.entity.js';
import { uuidOf } from './accounts-fixtures.js';
import { startTestServer, type TestServer } from './helpers.js';
import { daysFromToday, partyIdByName } from './submission-fixtures.js';
import {
  consultationContent,
  dialogueContent,
  draftInvitation,
  instantInDays,
  occasionContent,
  publishedInvitation,
} from './invitation-authoring-fixtures.js';

let server: TestServer;
let member: string;
let vivalla: string;

beforeAll(async () => {
  server = await startTestServer();
  member = await server.signIn('member');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
});
afterAll(() => server?.close());

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

async function statusOf(globalId: string) {
  return (await server.orm.em.fork().findOneOrFail(Invitation, uuidOf(globalId))).status;
}

/** The clock's steps on these invitations only (every test shares the database). */
async function advance(now: Date, ids: string[]) {
  const taken = await advanceInvitations(server.orm.em.fork(), now);
  const mine = new Set(ids.map(uuidOf));
  return taken.filter((step) => mine.has(step.invitationId)).map((step) => step.action);
}

test('a dialogue: registration closes after its last day, then it is held after its last occasion', async () => {
  const posted = await publishedInvitation(
    server,
    member,
    vivalla,
    dialogueContent({
      occasions: [
        occasionContent(),
        occasionContent({
          startsAt: instantInDays(28),
          endsAt: instantInDays(28, 18),
          registrationClosesOn: daysFromToday(20),
        }),
      ],
    }),
  );
  const draft = await draftInvitation(server, member, vivalla);
  const ids = [posted.id, draft.id];

  // One occasion's last day has passed, not the other's: still open.
  expect(await advance(endOfStockholmDay(daysFromToday(14)), ids)).toEqual([]);
  const lastDayOver = endOfStockholmDay(daysFromToday(20));
  expect(await advance(new Date(lastDayOver.getTime() - 1), ids)).toEqual([]);
  expect(await advance(lastDayOver, ids)).toEqual([InvitationAction.CLOSE_REGISTRATION]);
  expect(await statusOf(posted.id)).toBe('REGISTRATION_CLOSED');
  // Idempotent: the same moment again takes no step.
  expect(await advance(lastDayOver, ids)).toEqual([]);

  expect(await advance(new Date(Date.parse(instantInDays(28, 18)) - 1), ids)).toEqual([]);
  expect(await advance(new Date(instantInDays(28, 18)), ids)).toEqual([InvitationAction.MARK_HELD]);
  expect(await statusOf(posted.id)).toBe('HELD');
  expect(await statusOf(draft.id)).toBe('DRAFT');
  expect(await advance(inDays(60), ids)).toEqual([]);

  const events = await server.orm.em
    .fork()
    .find(InvitationEvent, { invitation: uuidOf(posted.id) }, { orderBy: { occurredAt: 'asc' } });
  expect(events.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus, e.actor])).toEqual([
    ['CLOSE_REGISTRATION', 'PUBLISHED', 'REGISTRATION_CLOSED', null],
    ['MARK_HELD', 'REGISTRATION_CLOSED', 'HELD', null],
  ]);
});

test('a dialogue whose occasion has ended while still open is held at once', async () => {
  const posted = await publishedInvitation(server, member, vivalla);
  expect(await advance(inDays(40), [posted.id])).toEqual([InvitationAction.MARK_HELD]);
  expect(await statusOf(posted.id)).toBe('HELD');
});

test('a consultation passes its deadline when the deadline day has ended in Stockholm', async () => {
  const content = consultationContent();
  const posted = await publishedInvitation(server, member, vivalla, content);
  const end = endOfStockholmDay(content.responseDeadline!);
  expect(await advance(new Date(end.getTime() - 1), [posted.id])).toEqual([]);
  expect(await advance(end, [posted.id])).toEqual([InvitationAction.PASS_DEADLINE]);
  expect(await statusOf(posted.id)).toBe('DEADLINE_PASSED');
  expect(await advance(end, [posted.id])).toEqual([]);
});

test('cancelled invitations are left alone', async () => {
  const posted = await publishedInvitation(server, member, vivalla);
  const em = server.orm.em.fork();
  await em.nativeUpdate(Invitation, { id: uuidOf(posted.id) }, { status: 'CANCELLED' as never });
  expect(await advance(inDays(60), [posted.id])).toEqual([]);
});

test('two clocks at once take each step once', async () => {
  const posted = await publishedInvitation(server, member, vivalla);
  const [a, b] = await Promise.all([advance(inDays(40), [posted.id]), advance(inDays(40), [posted.id])]);
  expect([...a, ...b]).toEqual([InvitationAction.MARK_HELD]);
});

test('the clock runs every five minutes', () => {
  expect(invitationClockKind.schedule).toEqual({ cron: '*/5 * * * *', tz: 'Europe/Stockholm' });
});
