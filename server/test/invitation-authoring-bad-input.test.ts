import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INVITATION_LIMITS } from '@samverka/domain';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { partyWithContact, uuidOf } from './accounts-fixtures.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { daysFromToday, joinedParty, partyIdByName } from './submission-fixtures.js';
import {
  INVITATION_TABLES,
  consultationContent,
  dialogueContent,
  draftInvitation,
  instantInDays,
  invitationStep,
  keptContent,
  occasionContent,
  publishedInvitation,
  type Posted,
} from './invitation-authoring-fixtures.js';

/** Each bad input is a field error in the payload, at its field, and writes nothing. */
let server: TestServer;
let member: string;
let vivalla: string;
let otherPartyId: string;

beforeAll(async () => {
  server = await startTestServer();
  member = await server.signIn('member');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  otherPartyId = (await joinedParty(server, 'Annan förening')).partyId;
});
afterAll(() => server?.close());

const UNKNOWN_PARTY = Buffer.from('Party:00000000-0000-4000-8000-000000000000').toString('base64url');

/** Content that is wrong in one way, and the field and code its error has. */
const BAD_CONTENT: [string, () => Record<string, unknown>, string[], string][] = [
  ['an unknown kind', () => dialogueContent({ kind: 'MEETING' }), ['kind'], 'INVALID'],
  ['no title', () => dialogueContent({ title: '   ' }), ['title'], 'REQUIRED'],
  [
    'too long a title',
    () => dialogueContent({ title: 'x'.repeat(INVITATION_LIMITS.title + 1) }),
    ['title'],
    'TOO_LONG',
  ],
  [
    'too long an input wanted',
    () => dialogueContent({ inputWanted: 'x'.repeat(INVITATION_LIMITS.text + 1) }),
    ['inputWanted'],
    'TOO_LONG',
  ],
  ['a control character', () => dialogueContent({ process: 'Plan\u0000' }), ['process'], 'INVALID'],
  ['an unknown stage', () => dialogueContent({ stage: 'LATER' }), ['stage'], 'INVALID'],
  [
    'a planned decision in the past',
    () => dialogueContent({ plannedDecisionOn: daysFromToday(-1) }),
    ['plannedDecisionOn'],
    'INVALID',
  ],
  ['an unknown principle', () => dialogueContent({ principles: ['SPEED'] }), ['principles'], 'INVALID'],
  ['no contact', () => dialogueContent({ contactName: '' }), ['contactName'], 'REQUIRED'],
  [
    'areas audience without areas',
    () => dialogueContent({ audience: 'AREAS_OF_INTEREST', areas: [] }),
    ['areas'],
    'REQUIRED',
  ],
  [
    'kinds audience without kinds',
    () => dialogueContent({ audience: 'PARTY_KINDS', partyKinds: [] }),
    ['partyKinds'],
    'REQUIRED',
  ],
  [
    'an unknown named party',
    () => dialogueContent({ audience: 'NAMED_PARTIES', namedPartyIds: [UNKNOWN_PARTY] }),
    ['namedPartyIds', '0'],
    'NOT_FOUND',
  ],
  [
    'a named party twice',
    () => dialogueContent({ audience: 'NAMED_PARTIES', namedPartyIds: [otherPartyId, otherPartyId] }),
    ['namedPartyIds', '1'],
    'DUPLICATE',
  ],
  [
    'the inviting party named',
    () => dialogueContent({ audience: 'NAMED_PARTIES', namedPartyIds: [vivalla] }),
    ['namedPartyIds', '0'],
    'INVALID',
  ],
  ['a dialogue without occasions', () => dialogueContent({ occasions: [] }), ['occasions'], 'REQUIRED'],
  [
    'an occasion in the past',
    () =>
      dialogueContent({
        occasions: [
          occasionContent({
            startsAt: instantInDays(-1),
            endsAt: instantInDays(-1, 18),
            registrationClosesOn: daysFromToday(-3),
          }),
        ],
      }),
    ['occasions', '0', 'startsAt'],
    'INVALID',
  ],
  [
    'an occasion ending before it starts',
    () => dialogueContent({ occasions: [occasionContent({ endsAt: instantInDays(21, 15) })] }),
    ['occasions', '0', 'endsAt'],
    'INVALID',
  ],
  [
    'registration closing after the occasion starts',
    () => dialogueContent({ occasions: [occasionContent({ registrationClosesOn: daysFromToday(22) })] }),
    ['occasions', '0', 'registrationClosesOn'],
    'INVALID',
  ],
  [
    'a time that is no time',
    () => dialogueContent({ occasions: [occasionContent({ startsAt: 'i morgon' })] }),
    ['occasions', '0', 'startsAt'],
    'REQUIRED',
  ],
  [
    'a digital occasion without a link',
    () => dialogueContent({ occasions: [occasionContent({ mode: 'DIGITAL', link: null })] }),
    ['occasions', '0', 'link'],
    'REQUIRED',
  ],
  [
    'a link that is no link',
    () => dialogueContent({ occasions: [occasionContent({ mode: 'DIGITAL', link: 'javascript:alert(1)' })] }),
    ['occasions', '0', 'link'],
    'INVALID',
  ],
  [
    'an occasion in person without a place',
    () => dialogueContent({ occasions: [occasionContent({ place: ' ' })] }),
    ['occasions', '0', 'place'],
    'REQUIRED',
  ],
  [
    'capacity below one',
    () => dialogueContent({ occasions: [occasionContent({ capacity: 0 })] }),
    ['occasions', '0', 'capacity'],
    'INVALID',
  ],
  [
    'an occasion after the planned decision',
    () => dialogueContent({ plannedDecisionOn: daysFromToday(20) }),
    ['occasions', '0', 'startsAt'],
    'INVALID',
  ],
  [
    'a dialogue with proposals',
    () => dialogueContent({ proposals: [{ id: null, title: 'Förslag', description: null }] }),
    ['proposals'],
    'INVALID',
  ],
  [
    'a consultation without proposals',
    () => consultationContent({ proposals: [] }),
    ['proposals'],
    'REQUIRED',
  ],
  [
    'a consultation without a deadline',
    () => consultationContent({ responseDeadline: null }),
    ['responseDeadline'],
    'REQUIRED',
  ],
  [
    'a deadline in the past',
    () => consultationContent({ responseDeadline: daysFromToday(-2) }),
    ['responseDeadline'],
    'INVALID',
  ],
  [
    'a deadline after the planned decision',
    () => consultationContent({ plannedDecisionOn: daysFromToday(30), responseDeadline: daysFromToday(31) }),
    ['responseDeadline'],
    'INVALID',
  ],
  [
    'a consultation with occasions',
    () => consultationContent({ occasions: [occasionContent()] }),
    ['occasions'],
    'INVALID',
  ],
  [
    'a proposal without a title',
    () => consultationContent({ proposals: [{ id: null, title: '', description: null }] }),
    ['proposals', '0', 'title'],
    'REQUIRED',
  ],
  [
    'a series that is no series',
    () => consultationContent({ registrationSeries: 'Ks/<b>' }),
    ['registrationSeries'],
    'INVALID',
  ],
];

async function expectRefused(
  mutation: string,
  input: Record<string, unknown>,
  field: string[],
  code: string,
  cookie = member,
) {
  const before = await rowCounts(server, INVITATION_TABLES);
  const res = await invitationStep(server, mutation, input, cookie);
  expect(res.errors).toBeUndefined();
  expect(res.data![mutation].invitation).toBeNull();
  expect(res.data![mutation].errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field: ['input', ...field], code })]),
  );
  expect(await rowCounts(server, INVITATION_TABLES)).toEqual(before);
}

describe('a new draft', () => {
  test.each(BAD_CONTENT)('%s', async (_, content, field, code) => {
    await expectRefused('createInvitationDraft', { partyId: vivalla, ...content() }, field, code);
  });
});

describe('an edit', () => {
  let draft: Posted;
  beforeAll(async () => {
    draft = await draftInvitation(server, member, vivalla);
  });
  test.each(BAD_CONTENT)('%s', async (_, content, field, code) => {
    const bad = content();
    // An edit keeps the draft's occasions by id where the case does not replace them.
    await expectRefused(
      'updateInvitation',
      { invitationId: draft.id, expectedVersion: draft.version, ...bad },
      field,
      code,
    );
  });
});

describe('after publication', () => {
  test('a consultation keeps its kind and its series', async () => {
    const posted = await publishedInvitation(server, member, vivalla, consultationContent());
    const step = { invitationId: posted.id, expectedVersion: posted.version };
    await expectRefused(
      'updateInvitation',
      { ...step, ...keptContent(posted, { registrationSeries: 'Ks' }) },
      ['registrationSeries'],
      'INVALID',
    );
    await expectRefused('updateInvitation', { ...step, ...dialogueContent() }, ['kind'], 'INVALID');
  });

  test('an unknown occasion id', async () => {
    const posted = await publishedInvitation(server, member, vivalla);
    const foreign = await publishedInvitation(server, member, vivalla);
    await expectRefused(
      'updateInvitation',
      {
        invitationId: posted.id,
        expectedVersion: posted.version,
        ...keptContent(posted, { occasions: foreign.occasions }),
      },
      ['occasions', '0', 'id'],
      'NOT_FOUND',
    );
  });
});

describe('steps not allowed now', () => {
  test('publishing twice, closing an open invitation, cancelling a draft', async () => {
    const posted = await publishedInvitation(server, member, vivalla);
    const step = { invitationId: posted.id, expectedVersion: posted.version };
    await expectRefused('publishInvitation', step, [], 'INVALID_TRANSITION');
    await expectRefused('closeInvitation', step, [], 'INVALID_TRANSITION');
    const draft = await draftInvitation(server, member, vivalla);
    await expectRefused(
      'cancelInvitation',
      { invitationId: draft.id, expectedVersion: draft.version, reason: 'Nej.' },
      [],
      'INVALID_TRANSITION',
    );
  });

  test('closing registration or marking held is for dialogues', async () => {
    const posted = await publishedInvitation(server, member, vivalla, consultationContent());
    const step = { invitationId: posted.id, expectedVersion: posted.version };
    await expectRefused('closeInvitationRegistration', step, [], 'INVALID_TRANSITION');
    await expectRefused('markInvitationHeld', step, [], 'INVALID_TRANSITION');
  });

  test('a cancellation without a reason, and a stale one', async () => {
    const posted = await publishedInvitation(server, member, vivalla);
    await expectRefused(
      'cancelInvitation',
      { invitationId: posted.id, expectedVersion: posted.version, reason: ' ' },
      ['reason'],
      'REQUIRED',
    );
    await expectRefused(
      'cancelInvitation',
      { invitationId: posted.id, expectedVersion: posted.version - 1, reason: 'Nej.' },
      ['expectedVersion'],
      'STALE_VERSION',
    );
  });

  test('an invitation that does not exist', async () => {
    const missing = Buffer.from('Invitation:00000000-0000-4000-8000-000000000000').toString('base64url');
    await expectRefused(
      'publishInvitation',
      { invitationId: missing, expectedVersion: 1 },
      ['invitationId'],
      'NOT_FOUND',
    );
  });
});

describe('the inviting party and the time of publication', () => {
  test('a party that has not joined the agreement does not invite', async () => {
    const waiting = await partyWithContact(server, 'Väntande förening');
    await expectRefused(
      'createInvitationDraft',
      { partyId: waiting.partyId, ...dialogueContent() },
      ['partyId'],
      'INVALID_TRANSITION',
      waiting.cookie,
    );
  });

  test('a draft whose occasion has passed since it was saved is not published', async () => {
    const draft = await draftInvitation(server, member, vivalla);
    const em = server.orm.em.fork();
    await em.nativeUpdate(
      InvitationOccasion,
      { id: uuidOf(draft.occasions[0].id) },
      { startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() - 600_000) },
    );
    await expectRefused(
      'publishInvitation',
      { invitationId: draft.id, expectedVersion: draft.version },
      ['occasions', '0', 'startsAt'],
      'INVALID',
    );
  });
});
