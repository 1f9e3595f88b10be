import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { InvitationAction, InvitationStatus, NotificationKind } from '@samverka/domain';
import type { InvitationStep } from '../src/invitations/invitation-steps.js';
import { sqlCounter } from '../src/db/orm.js';
import { startTestServer, type TestServer } from './helpers.js';
import {
  answerOk,
  dialogue,
  partyMember,
  register,
  setStatus,
  type Member,
} from './invitation-answers-fixtures.js';

// The steps' notifications are the fanout's to deliver; here, what each step asks it to tell.
const told = vi.hoisted(() => [] as { notify?: string; seated?: readonly string[] }[]);
vi.mock('../src/notifications/invitation-fanout.js', () => ({
  notifyInvitationStep: async (_tx: unknown, _outbox: unknown, step: InvitationStep) => {
    told.push({ notify: step.notify, seated: step.seatedParticipantIds });
  },
}));

const participantUuid = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

let server: TestServer;
let inviter: Member;
let guest: Member;
let neighbour: Member;
let outsider: Member;

beforeAll(async () => {
  server = await startTestServer();
  inviter = await partyMember(server, { name: 'Fritidsförvaltningen' });
  guest = await partyMember(server, { name: 'Ungdomsföreningen' });
  neighbour = await partyMember(server, { name: 'Grannföreningen' });
  outsider = await partyMember(server, { name: 'Utanför' });
});
afterAll(() => server?.close());

const OCCASION_VIEW = `query($id: ID!) { invitation(id: $id) { answeringPartyCount
  occasions { id capacity seatsTaken seatsLeft waitingCount
    viewerParticipants { id name needs status waitingPosition party { id } }
    participants { id name needs status waitingPosition party { id name } } }
  replies { kind text party { id } } } }`;

async function view(invitationId: string, cookie?: string) {
  const res = await server.gql(OCCASION_VIEW, { id: invitationId }, cookie);
  expect(res.errors).toBeUndefined();
  return res.data!.invitation;
}

async function events(invitationUuid: string) {
  return server.orm.em
    .fork()
    .getConnection()
    .execute<{ action: string; party_id: string | null; text: string | null }[]>(
      'select action, party_id, text from invitation_event where invitation_id = ? order by occurred_at, id',
      [invitationUuid],
    );
}

describe('registering for an occasion', () => {
  test('seats go in the order named, the rest to the waiting list with their places', async () => {
    const invitation = await dialogue(server, inviter, {
      named: [guest, neighbour],
      occasions: [{ capacity: 3 }],
    });
    const [occasionId] = invitation.occasionIds;
    const first = await answerOk(
      server,
      'registerForOccasion',
      {
        occasionId,
        partyId: guest.partyId,
        participants: [
          { name: ' Ada ', needs: 'Rullstol' },
          { name: 'Bo', needs: 'Vegetariskt' },
        ],
      },
      guest.cookie,
    );
    expect(first.participants).toEqual([
      expect.objectContaining({
        name: 'Ada',
        needs: 'Rullstol',
        status: 'REGISTERED',
        waitingPosition: null,
      }),
      expect.objectContaining({ name: 'Bo', status: 'REGISTERED', waitingPosition: null }),
    ]);
    expect(first.occasion).toMatchObject({ seatsTaken: 2, seatsLeft: 1, waitingCount: 0 });

    const second = await register(server, neighbour, occasionId!, ['Cy', 'Di', 'Ed']);
    expect(second.participants.map((p: any) => [p.name, p.status, p.waitingPosition])).toEqual([
      ['Cy', 'REGISTERED', null],
      ['Di', 'WAITING', 1],
      ['Ed', 'WAITING', 2],
    ]);
    expect(second.occasion).toMatchObject({ seatsTaken: 3, seatsLeft: 0, waitingCount: 2 });
    expect((await events(invitation.uuid)).map((e) => e.action)).toEqual([
      InvitationAction.REGISTER,
      InvitationAction.REGISTER,
    ]);
  });

  test('an occasion without a limit seats everyone', async () => {
    const invitation = await dialogue(server, inviter, { occasions: [{ capacity: null }] });
    const done = await register(server, guest, invitation.occasionIds[0]!, ['A', 'B', 'C']);
    expect(done.participants.every((p: any) => p.status === 'REGISTERED')).toBe(true);
    expect(done.occasion).toMatchObject({ seatsTaken: 3, seatsLeft: null, waitingCount: 0 });
  });

  test('the inviting party sees every participant with needs; a party its own; others none', async () => {
    const invitation = await dialogue(server, inviter, {
      named: [guest, neighbour],
      occasions: [{ capacity: 1 }],
    });
    const [occasionId] = invitation.occasionIds;
    await answerOk(
      server,
      'registerForOccasion',
      { occasionId, partyId: guest.partyId, participants: [{ name: 'Ada', needs: 'Teckentolk' }] },
      guest.cookie,
    );
    await register(server, neighbour, occasionId!, ['Bo']);

    const asInviter = (await view(invitation.id, inviter.cookie)).occasions[0];
    expect(asInviter.participants.map((p: any) => [p.name, p.needs, p.status, p.waitingPosition])).toEqual([
      ['Ada', 'Teckentolk', 'REGISTERED', null],
      ['Bo', null, 'WAITING', 1],
    ]);
    expect(asInviter.viewerParticipants).toEqual([]);

    const asNeighbour = (await view(invitation.id, neighbour.cookie)).occasions[0];
    expect(asNeighbour.participants).toBeNull();
    expect(asNeighbour.viewerParticipants).toEqual([
      expect.objectContaining({ name: 'Bo', status: 'WAITING', waitingPosition: 1 }),
    ]);

    for (const cookie of [outsider.cookie, undefined]) {
      const seen = (await view(invitation.id, cookie)).occasions[0];
      expect(seen).toMatchObject({ seatsTaken: 1, seatsLeft: 0, waitingCount: 1, participants: null });
      expect(seen.viewerParticipants).toEqual([]);
    }
  });
});

describe('cancelling and the waiting list', () => {
  test('a cancelled seat goes to the first waiting, once, and the step names who moved up', async () => {
    const invitation = await dialogue(server, inviter, {
      named: [guest, neighbour],
      occasions: [{ capacity: 1 }],
    });
    const [occasionId] = invitation.occasionIds;
    const seated = (await register(server, guest, occasionId!, ['Ada'])).participants[0];
    const waiting = (await register(server, neighbour, occasionId!, ['Bo', 'Cy'])).participants;

    told.length = 0;
    const done = await answerOk(
      server,
      'cancelOccasionParticipant',
      { participantId: seated.id },
      guest.cookie,
    );
    expect(told).toEqual([
      { notify: NotificationKind.INVITATION_SEAT_OFFERED, seated: [participantUuid(waiting[0].id)] },
    ]);
    expect(done.occasion).toMatchObject({ seatsTaken: 1, seatsLeft: 0, waitingCount: 1 });
    const mine = (await view(invitation.id, neighbour.cookie)).occasions[0].viewerParticipants;
    expect(mine.map((p: any) => [p.name, p.status, p.waitingPosition])).toEqual([
      ['Bo', 'REGISTERED', null],
      ['Cy', 'WAITING', 1],
    ]);

    // Cancelling someone waiting frees no seat: nobody moves, nobody is told.
    told.length = 0;
    await answerOk(server, 'cancelOccasionParticipant', { participantId: waiting[1].id }, neighbour.cookie);
    expect(told).toEqual([{ notify: undefined, seated: undefined }]);
    const after = (await view(invitation.id, inviter.cookie)).occasions[0];
    expect(after.participants.map((p: any) => [p.name, p.status])).toEqual([['Bo', 'REGISTERED']]);

    const seatedAt = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ name: string; seated_at: Date | null; cancelled_at: Date | null }[]>(
        'select name, seated_at, cancelled_at from occasion_participant where occasion_id = ? order by sequence',
        [invitation.occasionUuids[0]],
      );
    expect(seatedAt.map((r) => [r.name, !!r.seated_at, !!r.cancelled_at])).toEqual([
      ['Ada', true, true],
      ['Bo', true, false],
      ['Cy', false, true],
    ]);
  });

  test('the inviting party may cancel a participant too', async () => {
    const invitation = await dialogue(server, inviter, { named: [guest] });
    const [participant] = (await register(server, guest, invitation.occasionIds[0]!, ['Ada'])).participants;
    const done = await answerOk(
      server,
      'cancelOccasionParticipant',
      { participantId: participant.id },
      inviter.cookie,
    );
    expect(done.occasion.seatsTaken).toBe(0);
  });

  test('participants may still be cancelled after registration closed', async () => {
    const invitation = await dialogue(server, inviter, { named: [guest] });
    const [participant] = (await register(server, guest, invitation.occasionIds[0]!, ['Ada'])).participants;
    await setStatus(server, invitation, InvitationStatus.REGISTRATION_CLOSED);
    await answerOk(server, 'cancelOccasionParticipant', { participantId: participant.id }, guest.cookie);
  });
});

describe('changing the capacity', () => {
  test('raising it moves the waiting list up in order; no limit seats everyone', async () => {
    const invitation = await dialogue(server, inviter, { named: [guest], occasions: [{ capacity: 1 }] });
    const [occasionId] = invitation.occasionIds;
    const registered = (await register(server, guest, occasionId!, ['A', 'B', 'C', 'D'])).participants;
    told.length = 0;
    const raised = await answerOk(
      server,
      'changeOccasionCapacity',
      { occasionId, capacity: 3 },
      inviter.cookie,
    );
    expect(raised.occasion).toMatchObject({ capacity: 3, seatsTaken: 3, seatsLeft: 0, waitingCount: 1 });
    expect(told).toEqual([
      {
        notify: NotificationKind.INVITATION_SEAT_OFFERED,
        seated: [participantUuid(registered[1].id), participantUuid(registered[2].id)],
      },
    ]);
    const names = (await view(invitation.id, guest.cookie)).occasions[0].viewerParticipants;
    expect(names.map((p: any) => [p.name, p.status])).toEqual([
      ['A', 'REGISTERED'],
      ['B', 'REGISTERED'],
      ['C', 'REGISTERED'],
      ['D', 'WAITING'],
    ]);
    const unlimited = await answerOk(
      server,
      'changeOccasionCapacity',
      { occasionId, capacity: null },
      inviter.cookie,
    );
    expect(unlimited.occasion).toMatchObject({
      capacity: null,
      seatsTaken: 4,
      seatsLeft: null,
      waitingCount: 0,
    });
    // Lowering to exactly the seats taken is allowed.
    const lowered = await answerOk(
      server,
      'changeOccasionCapacity',
      { occasionId, capacity: 4 },
      inviter.cookie,
    );
    expect(lowered.occasion).toMatchObject({ capacity: 4, seatsLeft: 0 });
    expect((await events(invitation.uuid)).map((e) => e.action)).toEqual([
      InvitationAction.REGISTER,
      InvitationAction.MANAGE_OCCASIONS,
      InvitationAction.MANAGE_OCCASIONS,
      InvitationAction.MANAGE_OCCASIONS,
    ]);
  });
});

describe('written input and declines', () => {
  test('the inviting party reads every reply, a party its own, others none', async () => {
    const invitation = await dialogue(server, inviter, { named: [guest, neighbour] });
    const given = await answerOk(
      server,
      'giveInvitationInput',
      { invitationId: invitation.id, partyId: guest.partyId, text: ' Fler kvällsöppna lokaler. ' },
      guest.cookie,
    );
    expect(given.reply).toMatchObject({ kind: 'INPUT', text: 'Fler kvällsöppna lokaler.' });
    await answerOk(
      server,
      'giveInvitationInput',
      { invitationId: invitation.id, partyId: guest.partyId, text: 'Och läxhjälp.' },
      guest.cookie,
    );
    const declined = await answerOk(
      server,
      'declineInvitation',
      { invitationId: invitation.id, partyId: neighbour.partyId, reason: 'Vi har ingen verksamhet där.' },
      neighbour.cookie,
    );
    expect(declined.reply).toMatchObject({ kind: 'DECLINED', party: { id: neighbour.partyId } });

    expect((await view(invitation.id, inviter.cookie)).replies.map((r: any) => r.kind)).toEqual([
      'INPUT',
      'INPUT',
      'DECLINED',
    ]);
    expect((await view(invitation.id, neighbour.cookie)).replies).toEqual([
      { kind: 'DECLINED', text: 'Vi har ingen verksamhet där.', party: { id: neighbour.partyId } },
    ]);
    expect((await view(invitation.id, outsider.cookie)).replies).toEqual([]);
    expect((await view(invitation.id)).replies).toEqual([]);
    const history = await events(invitation.uuid);
    expect(history.map((e) => [e.action, e.text])).toEqual([
      [InvitationAction.REPLY, null],
      [InvitationAction.REPLY, null],
      [InvitationAction.REPLY, 'Vi har ingen verksamhet där.'],
    ]);
  });

  test('the answering parties are counted once each: registrations and input, not declines or cancellations', async () => {
    const third = await partyMember(server, { name: 'Tredje' });
    const invitation = await dialogue(server, inviter, { named: [guest, neighbour, third] });
    const [occasionId] = invitation.occasionIds;
    await register(server, guest, occasionId!, ['Ada', 'Bo']);
    await answerOk(
      server,
      'giveInvitationInput',
      { invitationId: invitation.id, partyId: guest.partyId, text: 'Synpunkt.' },
      guest.cookie,
    );
    await answerOk(
      server,
      'giveInvitationInput',
      { invitationId: invitation.id, partyId: neighbour.partyId, text: 'Synpunkt.' },
      neighbour.cookie,
    );
    await answerOk(
      server,
      'declineInvitation',
      { invitationId: invitation.id, partyId: third.partyId, reason: 'Ingen tid.' },
      third.cookie,
    );
    const [cancelled] = (await register(server, third, occasionId!, ['Cy'])).participants;
    await answerOk(server, 'cancelOccasionParticipant', { participantId: cancelled.id }, third.cookie);
    expect((await view(invitation.id)).answeringPartyCount).toBe(2);
  });
});

test('the answer fields cost the same SQL statements for 3 occasions as for 30', async () => {
  const statementsFor = async (occasions: number) => {
    const invitation = await dialogue(server, inviter, {
      named: [guest, neighbour],
      occasions: Array.from({ length: occasions }, () => ({ capacity: 2 })),
    });
    for (const occasionId of invitation.occasionIds) {
      await register(server, guest, occasionId, ['Ada', 'Bo', 'Cy']);
    }
    await answerOk(
      server,
      'giveInvitationInput',
      { invitationId: invitation.id, partyId: neighbour.partyId, text: 'Synpunkt.' },
      neighbour.cookie,
    );
    const counts: number[] = [];
    for (const cookie of [inviter.cookie, guest.cookie, undefined]) {
      const start = sqlCounter.statements;
      const seen = await server.gql(
        `query($id: ID!) { invitation(id: $id) { answeringPartyCount replies { text party { name } }
          occasions { seatsTaken seatsLeft waitingCount viewerParticipants { name party { name } }
            participants { name needs party { name } } } } }`,
        { id: invitation.id },
        cookie,
      );
      expect(seen.errors).toBeUndefined();
      counts.push(sqlCounter.statements - start);
    }
    return counts;
  };
  const three = await statementsFor(3);
  const thirty = await statementsFor(30);
  expect(thirty).toEqual(three);
});
