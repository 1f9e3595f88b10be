import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PartyKind, ProposalStance } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Party } from '../src/parties/party.entity.js';
import { ConsultationResponse } from '../src/invitations/consultation-response.entity.js';
import { ConsultationPosition } from '../src/invitations/consultation-position.entity.js';
import { ConsultationProposal } from '../src/invitations/consultation-proposal.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { registerPerson } from './accounts-fixtures.js';
import { startTestServer, until, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import {
  RESPONSE_FIELDS,
  consultation,
  consultationStep,
  consultationStepOk,
  passDeadline,
  responseInput,
  versionOf,
  type Consultation,
} from './consultation-fixtures.js';

let server: TestServer;
let inviter: { cookie: string; partyId: string };
let first: { cookie: string; partyId: string };
let second: { cookie: string; partyId: string };
let outsider: string;

beforeAll(async () => {
  server = await startTestServer();
  inviter = await joinedParty(server, 'Kultur- och fritid');
  first = await joinedParty(server, 'Idrottsföreningen');
  second = await joinedParty(server, 'Studieförbundet');
  outsider = (await registerPerson(server)).cookie;
});
afterAll(() => server?.close());

const RESPONSES = `query($id: ID!) { invitation(id: $id) { responseCount
  responses { ${RESPONSE_FIELDS} } viewerResponses { id version withheld } } }`;

const read = async (target: Consultation, cookie?: string) =>
  (await server.gql(RESPONSES, { id: target.id }, cookie)).data!.invitation;

const fresh = () =>
  consultation(server, { inviterId: inviter.partyId, namedPartyIds: [first.partyId, second.partyId] });

async function events(target: Consultation) {
  return server.orm.em
    .fork()
    .getConnection()
    .execute(`select action, party_id from invitation_event where invitation_id = ? order by occurred_at`, [
      target.uuid,
    ]);
}

describe('saveConsultationResponse', () => {
  test('gives the party one response and replaces it until the deadline', async () => {
    const target = await fresh();
    const saved = await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, first.partyId),
      first.cookie,
    );
    expect(saved.response).toMatchObject({
      text: 'Vi välkomnar planen.',
      withheld: false,
      party: { id: first.partyId },
      positions: [
        { stance: 'SUPPORTS', text: 'Om förslag 1.', proposal: { position: 1 } },
        { stance: 'OPPOSES', text: 'Om förslag 2.', proposal: { position: 2 } },
      ],
    });
    expect(saved.invitation.responseCount).toBe(1);

    const replaced = await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, first.partyId, {
        expectedVersion: saved.response.version,
        text: 'Vi har ändrat oss.',
        positions: target.proposalIds.map((proposalId) => ({ proposalId, stance: 'NO_VIEW' })),
      }),
      first.cookie,
    );
    expect(replaced.response.id).toBe(saved.response.id);
    expect(replaced.response.text).toBe('Vi har ändrat oss.');
    expect(replaced.response.positions.map((p: any) => [p.stance, p.text])).toEqual([
      ['NO_VIEW', null],
      ['NO_VIEW', null],
    ]);
    expect(replaced.invitation.responseCount).toBe(1);
    expect(await events(target)).toEqual([
      { action: 'RESPOND', party_id: expect.any(String) },
      { action: 'RESPOND', party_id: expect.any(String) },
    ]);
    expect((await read(target, first.cookie)).viewerResponses).toEqual([
      { id: saved.response.id, version: replaced.response.version, withheld: false },
    ]);
  });
});

test('two first responses of one party at once: one is saved, the other told it is stale', async () => {
  const target = await fresh();
  const results = await Promise.all(
    ['Först.', 'Samtidigt.'].map((text) =>
      consultationStep(
        server,
        'saveConsultationResponse',
        responseInput(target, first.partyId, { text }),
        first.cookie,
      ),
    ),
  );
  const codes = results.map((res) => res.data!.saveConsultationResponse.errors.map((e: any) => e.code));
  expect(codes.sort()).toEqual([[], ['STALE_VERSION']]);
  const [row] = await server.orm.em
    .fork()
    .getConnection()
    .execute(`select count(*)::int as n from consultation_response where invitation_id = ?`, [target.uuid]);
  expect(row!.n).toBe(1);
});

describe('who sees the responses', () => {
  let target: Consultation;
  beforeAll(async () => {
    target = await fresh();
    await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, first.partyId),
      first.cookie,
    );
    await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, second.partyId, { withheld: true, text: 'Internt.' }),
      second.cookie,
    );
  });

  test('before the deadline: the inviter all, each party its own, the public none', async () => {
    expect((await read(target, inviter.cookie)).responses).toHaveLength(2);
    expect((await read(target, first.cookie)).responses.map((r: any) => r.party.id)).toEqual([first.partyId]);
    expect((await read(target, second.cookie)).responses.map((r: any) => r.party.id)).toEqual([
      second.partyId,
    ]);
    expect((await read(target, outsider)).responses).toEqual([]);
    expect((await read(target)).responses).toEqual([]);
    expect((await read(target)).responseCount).toBe(2);
  });

  test('after the deadline: public unless withheld, which its party still sees', async () => {
    await passDeadline(server, target);
    // Signed-out answers are shared for a moment; the step's live event clears them.
    await until(async () => (await read(target)).responses.length > 0, 5000, 'the public answer');
    for (const cookie of [undefined, outsider, first.cookie]) {
      expect((await read(target, cookie)).responses.map((r: any) => r.party.id)).toEqual([first.partyId]);
    }
    expect((await read(target, second.cookie)).responses.map((r: any) => r.party.id)).toEqual([
      first.partyId,
      second.partyId,
    ]);
    expect((await read(target, inviter.cookie)).responses).toHaveLength(2);
  });
});

describe('the compilation', () => {
  test('answers each response, as a whole or point by point; verdicts are public once published', async () => {
    const target = await fresh();
    const a = await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, first.partyId),
      first.cookie,
    );
    const b = await consultationStepOk(
      server,
      'saveConsultationResponse',
      responseInput(target, second.partyId),
      second.cookie,
    );
    await passDeadline(server, target);

    const whole = await consultationStepOk(
      server,
      'judgeConsultationResponse',
      {
        responseId: a.response.id,
        expectedVersion: await versionOf(server, target, inviter.cookie),
        verdict: 'ADOPTED',
        positions: [],
      },
      inviter.cookie,
    );
    expect(whole.response).toMatchObject({ verdict: 'ADOPTED', verdictReason: null });
    const pointByPoint = await consultationStepOk(
      server,
      'judgeConsultationResponse',
      {
        responseId: b.response.id,
        expectedVersion: whole.invitation.version,
        verdict: null,
        positions: [
          {
            proposalId: target.proposalIds[0],
            verdict: 'PARTLY_ADOPTED',
            verdictReason: 'Delvis, i etapp 2.',
          },
          {
            proposalId: target.proposalIds[1],
            verdict: 'NOT_ADOPTED',
            verdictReason: 'Ryms inte i budgeten.',
          },
        ],
      },
      inviter.cookie,
    );
    expect(pointByPoint.response.positions.map((p: any) => [p.verdict, p.verdictReason])).toEqual([
      ['PARTLY_ADOPTED', 'Delvis, i etapp 2.'],
      ['NOT_ADOPTED', 'Ryms inte i budgeten.'],
    ]);

    // Not published yet: the responders and the public see the responses, not the verdicts.
    const before = await read(target, first.cookie);
    expect(before.responses.map((r: any) => r.verdict)).toEqual([null, null]);
    expect(before.responses[1].positions.map((p: any) => p.verdict)).toEqual([null, null]);

    const published = await consultationStepOk(
      server,
      'publishConsultationCompilation',
      {
        invitationId: target.id,
        expectedVersion: pointByPoint.invitation.version,
        summary: 'Planen har ändrats efter svaren.',
      },
      inviter.cookie,
    );
    expect(published.invitation).toMatchObject({
      compilationSummary: 'Planen har ändrats efter svaren.',
      compilationPublishedAt: expect.any(String),
    });
    const after = await read(target);
    expect(after.responses.map((r: any) => r.verdict)).toEqual(['ADOPTED', null]);
    expect(after.responses[1].positions.map((p: any) => p.verdictReason)).toEqual([
      'Delvis, i etapp 2.',
      'Ryms inte i budgeten.',
    ]);

    // A verdict changed after publication is allowed, recorded, and shown.
    const changed = await consultationStepOk(
      server,
      'judgeConsultationResponse',
      {
        responseId: a.response.id,
        expectedVersion: published.invitation.version,
        verdict: 'PARTLY_ADOPTED',
        verdictReason: 'Efter omprövning.',
        positions: [],
      },
      inviter.cookie,
    );
    expect(changed.response).toMatchObject({ verdict: 'PARTLY_ADOPTED', verdictReason: 'Efter omprövning.' });
    expect((await events(target)).map((e: any) => e.action)).toEqual([
      'RESPOND',
      'RESPOND',
      'PASS_DEADLINE',
      'COMPILE',
      'COMPILE',
      'COMPILE',
      'COMPILE',
    ]);
  });
});

describe('reading the responses', () => {
  /** A consultation past its deadline with `count` responses of new parties, each on both proposals. */
  async function answeredBy(count: number): Promise<Consultation> {
    const target = await fresh();
    const em = server.orm.em.fork();
    const invitation = await em.findOneOrFail(Invitation, target.uuid);
    const proposals = await em.find(ConsultationProposal, { invitation: target.uuid });
    for (let index = 0; index < count; index++) {
      const party = em.create(Party, {
        name: `Förening ${count}-${index}`,
        kind: PartyKind.NON_PROFIT_ASSOCIATION,
      });
      const response = em.create(ConsultationResponse, { invitation, party, text: 'Svar.' });
      for (const proposal of proposals) {
        em.create(ConsultationPosition, { response, proposal, stance: ProposalStance.SUPPORTS });
      }
    }
    await em.flush();
    await passDeadline(server, target);
    return target;
  }

  test('the client’s panel query answers within the depth and cost limits', async () => {
    const target = await answeredBy(3);
    const document = readFileSync(
      resolve(__dirname, '../../client/src/features/invitations/consultations/ConsultationPanel.graphql'),
      'utf8',
    );
    const query = document.slice(document.indexOf('query ConsultationPanel'), document.indexOf('\n}\n') + 3);
    const res = await server.gql(query, { id: target.id }, inviter.cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.invitation.responses).toHaveLength(3);
    expect(res.data!.invitation.viewerActions).toContain('COMPILE');
  });

  test('costs the same SQL statements for 3 responses as for 30', async () => {
    const few = await answeredBy(3);
    const many = await answeredBy(30);
    const statementsFor = async (target: Consultation) => {
      const before = sqlCounter.statements;
      const invitation = await read(target);
      expect(invitation.responses.length).toBeGreaterThan(0);
      return sqlCounter.statements - before;
    };
    expect(await statementsFor(many)).toBe(await statementsFor(few));
  });
});
