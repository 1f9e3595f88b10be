import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INVITATION_LIMITS, InvitationKind, InvitationStatus, PARTICIPANT_LIMITS } from '@samverka/domain';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import {
  ANSWER_TABLES,
  answer,
  answerOk,
  daysFromToday,
  dialogue,
  partyMember,
  register,
  setStatus,
  type Member,
} from './invitation-answers-fixtures.js';

/**
 * Bad input on every answer mutation, from someone allowed to answer: a field error in the payload beside its
 * field, and nothing written (row counts before and after).
 */
let server: TestServer;
let inviter: Member;
let guest: Member;
/** A second party of the guest's member, which the invitations are not for. */
let guestsOtherParty: Member;

beforeAll(async () => {
  server = await startTestServer();
  inviter = await partyMember(server, { name: 'Förvaltningen' });
  guest = await partyMember(server, { name: 'Gästföreningen' });
  guestsOtherParty = await partyMember(server, { name: 'Andra föreningen', personId: guest.personId });
});
afterAll(() => server?.close());

const long = (n: number) => 'x'.repeat(n + 1);
const UNKNOWN_OCCASION = Buffer.from('InvitationOccasion:00000000-0000-4000-8000-000000000000').toString(
  'base64url',
);

/** Runs the answer and expects exactly these field errors (path after "input", code) and nothing written. */
async function refused(
  mutation: string,
  input: Record<string, unknown>,
  cookie: string,
  expected: [string, string][],
) {
  const before = await rowCounts(server, ANSWER_TABLES);
  const res = await answer(server, mutation, input, cookie);
  expect(res.errors).toBeUndefined();
  const payload = res.data![mutation];
  expect(payload.errors.map((e: any) => [e.field.slice(1).join('.'), e.code])).toEqual(expected);
  expect(await rowCounts(server, ANSWER_TABLES)).toEqual(before);
  return payload;
}

const forGuest = () => dialogue(server, inviter, { named: [guest] });

describe('registerForOccasion', () => {
  const registration = (occasionId: string, participants: unknown[], partyId = guest.partyId) => ({
    occasionId,
    partyId,
    participants,
  });

  test('after the last day to register', async () => {
    const invitation = await dialogue(server, inviter, {
      named: [guest],
      occasions: [{ registrationClosesOn: daysFromToday(-1) }],
    });
    await refused(
      'registerForOccasion',
      registration(invitation.occasionIds[0]!, [{ name: 'Ada' }]),
      guest.cookie,
      [['occasionId', 'INVALID_TRANSITION']],
    );
  });

  test('empty names, no participants, too many, too long', async () => {
    const [occasionId] = (await forGuest()).occasionIds;
    await refused(
      'registerForOccasion',
      registration(occasionId!, [{ name: 'Ada' }, { name: '  ' }, { name: long(PARTICIPANT_LIMITS.name) }]),
      guest.cookie,
      [
        ['participants.1.name', 'REQUIRED'],
        ['participants.2.name', 'TOO_LONG'],
      ],
    );
    await refused(
      'registerForOccasion',
      registration(occasionId!, [{ name: 'Ada', needs: long(PARTICIPANT_LIMITS.needs) }]),
      guest.cookie,
      [['participants.0.needs', 'TOO_LONG']],
    );
    await refused('registerForOccasion', registration(occasionId!, []), guest.cookie, [
      ['participants', 'REQUIRED'],
    ]);
    const many = Array.from({ length: INVITATION_LIMITS.participantsPerRegistration + 1 }, (_, i) => ({
      name: `Deltagare ${i}`,
    }));
    await refused('registerForOccasion', registration(occasionId!, many), guest.cookie, [
      ['participants', 'TOO_LONG'],
    ]);
  });

  test('a cancelled invitation, one whose registration closed, or a draft', async () => {
    const cancelled = await forGuest();
    await setStatus(server, cancelled, InvitationStatus.CANCELLED);
    await refused(
      'registerForOccasion',
      registration(cancelled.occasionIds[0]!, [{ name: 'Ada' }]),
      guest.cookie,
      [['', 'INVALID_TRANSITION']],
    );
    const closed = await forGuest();
    await setStatus(server, closed, InvitationStatus.REGISTRATION_CLOSED);
    await refused(
      'registerForOccasion',
      registration(closed.occasionIds[0]!, [{ name: 'Ada' }]),
      guest.cookie,
      [['', 'INVALID_TRANSITION']],
    );
    const draft = await dialogue(server, inviter, { named: [guest], status: InvitationStatus.DRAFT });
    await refused(
      'registerForOccasion',
      registration(draft.occasionIds[0]!, [{ name: 'Ada' }]),
      guest.cookie,
      [['occasionId', 'NOT_FOUND']],
    );
  });

  test('a party the invitation is not for, and an unknown occasion', async () => {
    const [occasionId] = (await forGuest()).occasionIds;
    await refused(
      'registerForOccasion',
      registration(occasionId!, [{ name: 'Ada' }], guestsOtherParty.partyId),
      guest.cookie,
      [['partyId', 'INVALID']],
    );
    await refused('registerForOccasion', registration(UNKNOWN_OCCASION, [{ name: 'Ada' }]), guest.cookie, [
      ['occasionId', 'NOT_FOUND'],
    ]);
  });
});

describe('changeOccasionCapacity', () => {
  test('below the seats taken, or out of range: the capacity stays', async () => {
    const invitation = await forGuest();
    const [occasionId] = invitation.occasionIds;
    await register(server, guest, occasionId!, ['A', 'B', 'C']);
    const payload = await refused('changeOccasionCapacity', { occasionId, capacity: 2 }, inviter.cookie, [
      ['capacity', 'INVALID'],
    ]);
    expect(payload.errors[0].message).toContain('3 deltagare');
    await refused('changeOccasionCapacity', { occasionId, capacity: 0 }, inviter.cookie, [
      ['capacity', 'INVALID'],
    ]);
    await refused(
      'changeOccasionCapacity',
      { occasionId, capacity: INVITATION_LIMITS.capacity + 1 },
      inviter.cookie,
      [['capacity', 'INVALID']],
    );
    const seen = await server.gql('query($id: ID!) { invitation(id: $id) { occasions { capacity } } }', {
      id: invitation.id,
    });
    expect(seen.data!.invitation.occasions[0].capacity).toBe(10);
  });

  test('once held', async () => {
    const invitation = await forGuest();
    await setStatus(server, invitation, InvitationStatus.HELD);
    await refused(
      'changeOccasionCapacity',
      { occasionId: invitation.occasionIds[0], capacity: 5 },
      inviter.cookie,
      [['', 'INVALID_TRANSITION']],
    );
  });
});

describe('cancelOccasionParticipant', () => {
  test('twice, once held, or unknown', async () => {
    const invitation = await forGuest();
    const [first, second] = (await register(server, guest, invitation.occasionIds[0]!, ['Ada', 'Bo']))
      .participants;
    await answerOk(server, 'cancelOccasionParticipant', { participantId: first.id }, guest.cookie);
    await refused('cancelOccasionParticipant', { participantId: first.id }, guest.cookie, [
      ['participantId', 'INVALID_TRANSITION'],
    ]);
    await setStatus(server, invitation, InvitationStatus.HELD);
    await refused('cancelOccasionParticipant', { participantId: second.id }, guest.cookie, [
      ['', 'INVALID_TRANSITION'],
    ]);
    await refused('cancelOccasionParticipant', { participantId: invitation.id }, guest.cookie, [
      ['participantId', 'NOT_FOUND'],
    ]);
  });
});

describe.each([
  ['giveInvitationInput', 'text'],
  ['declineInvitation', 'reason'],
])('%s', (mutation, textField) => {
  const reply = (invitationId: string, text: string, partyId = guest.partyId) => ({
    invitationId,
    partyId,
    [textField]: text,
  });

  test('empty or too long text', async () => {
    const invitation = await forGuest();
    await refused(mutation, reply(invitation.id, '   '), guest.cookie, [[textField, 'REQUIRED']]);
    await refused(mutation, reply(invitation.id, long(INVITATION_LIMITS.text)), guest.cookie, [
      [textField, 'TOO_LONG'],
    ]);
  });

  test('a party the invitation is not for', async () => {
    const invitation = await forGuest();
    await refused(mutation, reply(invitation.id, 'Text.', guestsOtherParty.partyId), guest.cookie, [
      ['partyId', 'INVALID'],
    ]);
  });

  test('once held, cancelled, or on a consultation', async () => {
    const held = await forGuest();
    await setStatus(server, held, InvitationStatus.HELD);
    await refused(mutation, reply(held.id, 'Text.'), guest.cookie, [['', 'INVALID_TRANSITION']]);
    const cancelled = await forGuest();
    await setStatus(server, cancelled, InvitationStatus.CANCELLED);
    await refused(mutation, reply(cancelled.id, 'Text.'), guest.cookie, [['', 'INVALID_TRANSITION']]);
    const consultation = await dialogue(server, inviter, {
      named: [guest],
      kind: InvitationKind.CONSULTATION,
      occasions: [],
    });
    await refused(mutation, reply(consultation.id, 'Text.'), guest.cookie, [['', 'INVALID_TRANSITION']]);
  });
});

test('a party declines once', async () => {
  const invitation = await forGuest();
  const input = { invitationId: invitation.id, partyId: guest.partyId, reason: 'Ingen tid.' };
  await answerOk(server, 'declineInvitation', input, guest.cookie);
  await refused('declineInvitation', input, guest.cookie, [['partyId', 'DUPLICATE']]);
});
