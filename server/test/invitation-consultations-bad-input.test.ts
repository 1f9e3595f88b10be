import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvitationStatus } from '@samverka/domain';
import { FILES, uploadFile } from './document-fixtures.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import {
  CONSULTATION_TABLES,
  consultation,
  consultationStep,
  consultationStepOk,
  passDeadline,
  responseInput,
  stockholmDaysFromToday,
  versionOf,
  type Consultation,
} from './consultation-fixtures.js';

/** Every case is a field error in the payload, and nothing is written. */
let server: TestServer;
let inviter: { cookie: string; partyId: string };
let responder: { cookie: string; partyId: string };

beforeAll(async () => {
  server = await startTestServer();
  inviter = await joinedParty(server, 'Förvaltningen');
  responder = await joinedParty(server, 'Föreningen');
});
afterAll(() => server?.close());

const fresh = (options: { status?: InvitationStatus; responseDeadline?: string } = {}) =>
  consultation(server, { inviterId: inviter.partyId, namedPartyIds: [responder.partyId], ...options });

async function refused(
  mutation: string,
  input: Record<string, unknown>,
  cookie: string,
  expected: { field: string[]; code: string }[],
) {
  const before = await rowCounts(server, CONSULTATION_TABLES);
  const res = await consultationStep(server, mutation, input, cookie);
  expect(res.errors).toBeUndefined();
  expect(res.data![mutation].invitation).toBeNull();
  expect(res.data![mutation].errors.map(({ field, code }: any) => ({ field, code }))).toEqual(expected);
  expect(await rowCounts(server, CONSULTATION_TABLES)).toEqual(before);
}

describe('saveConsultationResponse', () => {
  let target: Consultation;
  beforeAll(async () => {
    target = await fresh();
  });
  const save = (overrides: Record<string, unknown>, expected: { field: string[]; code: string }[]) =>
    refused(
      'saveConsultationResponse',
      responseInput(target, responder.partyId, overrides),
      responder.cookie,
      expected,
    );

  test('after the deadline day has ended', async () => {
    const late = await fresh({ responseDeadline: stockholmDaysFromToday(-1) });
    await refused('saveConsultationResponse', responseInput(late, responder.partyId), responder.cookie, [
      { field: ['input'], code: 'INVALID_TRANSITION' },
    ]);
  });

  test('once the deadline step has passed, or the consultation was cancelled', async () => {
    for (const status of [InvitationStatus.DEADLINE_PASSED, InvitationStatus.CANCELLED]) {
      const closed = await fresh({ status });
      await refused('saveConsultationResponse', responseInput(closed, responder.partyId), responder.cookie, [
        { field: ['input'], code: 'INVALID_TRANSITION' },
      ]);
    }
  });

  test('an unknown consultation', async () => {
    await save({ invitationId: 'bm9wZQ' }, [{ field: ['input', 'invitationId'], code: 'NOT_FOUND' }]);
  });

  test('a proposal left out', async () => {
    await save({ positions: [{ proposalId: target.proposalIds[0], stance: 'SUPPORTS' }] }, [
      { field: ['input', 'positions'], code: 'REQUIRED' },
    ]);
  });

  test('an unknown proposal, or one of another consultation', async () => {
    const other = await fresh();
    await save(
      {
        positions: [
          { proposalId: target.proposalIds[0], stance: 'SUPPORTS' },
          { proposalId: target.proposalIds[1], stance: 'SUPPORTS' },
          { proposalId: other.proposalIds[0], stance: 'SUPPORTS' },
        ],
      },
      [{ field: ['input', 'positions', '2', 'proposalId'], code: 'NOT_FOUND' }],
    );
  });

  test('a proposal twice, and an unknown stance', async () => {
    await save(
      {
        positions: [
          { proposalId: target.proposalIds[0], stance: 'MAYBE' },
          { proposalId: target.proposalIds[1], stance: 'SUPPORTS' },
          { proposalId: target.proposalIds[1], stance: 'OPPOSES' },
        ],
      },
      [
        { field: ['input', 'positions', '0', 'stance'], code: 'INVALID' },
        { field: ['input', 'positions', '2', 'proposalId'], code: 'DUPLICATE' },
      ],
    );
  });

  test('too long texts', async () => {
    const long = 'x'.repeat(10_001);
    await save(
      {
        text: long,
        positions: target.proposalIds.map((proposalId) => ({ proposalId, stance: 'NO_VIEW', text: long })),
      },
      [
        { field: ['input', 'text'], code: 'TOO_LONG' },
        { field: ['input', 'positions', '0', 'text'], code: 'TOO_LONG' },
        { field: ['input', 'positions', '1', 'text'], code: 'TOO_LONG' },
      ],
    );
  });

  test('a document that is someone else’s', async () => {
    const upload = await uploadFile(server, 'svar.pdf', FILES.pdf, inviter.cookie);
    await save({ documentIds: [upload.body.document!.id] }, [
      { field: ['input', 'documentIds', '0'], code: 'NOT_FOUND' },
    ]);
  });

  test('a stale version: someone of the party saved first', async () => {
    const answered = await fresh();
    await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(answered, responder.partyId),
      responder.cookie,
    );
    await refused(
      'saveConsultationResponse',
      responseInput(answered, responder.partyId, { expectedVersion: null }),
      responder.cookie,
      [{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }],
    );
  });
});

describe('the compilation', () => {
  let target: Consultation;
  let responseId: string;
  beforeAll(async () => {
    target = await fresh();
    const saved = await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, responder.partyId),
      responder.cookie,
    );
    responseId = saved.response.id;
  });
  const judge = async (overrides: Record<string, unknown>, expected: { field: string[]; code: string }[]) =>
    refused(
      'judgeConsultationResponse',
      {
        responseId,
        expectedVersion: await versionOf(server, target, inviter.cookie),
        verdict: null,
        verdictReason: null,
        positions: [],
        ...overrides,
      },
      inviter.cookie,
      expected,
    );
  const publish = async (overrides: Record<string, unknown>, expected: { field: string[]; code: string }[]) =>
    refused(
      'publishConsultationCompilation',
      {
        invitationId: target.id,
        expectedVersion: await versionOf(server, target, inviter.cookie),
        summary: 'Sammanfattning.',
        ...overrides,
      },
      inviter.cookie,
      expected,
    );

  test('before the deadline has passed', async () => {
    await judge({ verdict: 'ADOPTED' }, [{ field: ['input'], code: 'INVALID_TRANSITION' }]);
    await publish({}, [{ field: ['input'], code: 'INVALID_TRANSITION' }]);
  });

  describe('after the deadline', () => {
    beforeAll(async () => {
      await passDeadline(server, target);
    });

    test('a verdict that does not adopt, without a reason', async () => {
      await judge({ verdict: 'NOT_ADOPTED' }, [{ field: ['input', 'verdictReason'], code: 'REQUIRED' }]);
      await judge(
        { positions: [{ proposalId: target.proposalIds[0], verdict: 'PARTLY_ADOPTED', verdictReason: ' ' }] },
        [{ field: ['input', 'positions', '0', 'verdictReason'], code: 'REQUIRED' }],
      );
    });

    test('no verdict at all, or a reason without one', async () => {
      await judge({}, [{ field: ['input', 'verdict'], code: 'REQUIRED' }]);
      await judge({ verdictReason: 'Därför.' }, [{ field: ['input', 'verdict'], code: 'REQUIRED' }]);
    });

    test('an unknown verdict, or a point the response does not have', async () => {
      const other = await fresh();
      await judge({ verdict: 'MAYBE' }, [{ field: ['input', 'verdict'], code: 'INVALID' }]);
      await judge({ positions: [{ proposalId: other.proposalIds[0], verdict: 'ADOPTED' }] }, [
        { field: ['input', 'positions', '0', 'proposalId'], code: 'NOT_FOUND' },
      ]);
    });

    test('an unknown response, and a stale version', async () => {
      await judge({ responseId: 'bm9wZQ', verdict: 'ADOPTED' }, [
        { field: ['input', 'responseId'], code: 'NOT_FOUND' },
      ]);
      await judge({ verdict: 'ADOPTED', expectedVersion: 0 }, [
        { field: ['input', 'expectedVersion'], code: 'STALE_VERSION' },
      ]);
    });

    test('publishing with a response not yet judged, or without a summary', async () => {
      await publish({}, [{ field: ['input'], code: 'REQUIRED' }]);
      await consultationStepOk(
        server,
        'judgeConsultationResponse',
        {
          responseId,
          expectedVersion: await versionOf(server, target, inviter.cookie),
          verdict: null,
          positions: [{ proposalId: target.proposalIds[0], verdict: 'ADOPTED' }],
        },
        inviter.cookie,
      );
      // One point of two answered is not an answer to the response.
      await publish({}, [{ field: ['input'], code: 'REQUIRED' }]);
      await publish({ summary: '  ' }, [
        { field: ['input', 'summary'], code: 'REQUIRED' },
        { field: ['input'], code: 'REQUIRED' },
      ]);
    });
  });
});
