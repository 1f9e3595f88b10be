import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';

let mailbox: TestMailbox;
let server: TestServer;
let coordinator: string;
let chair: string;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, PUBLIC_URL: 'https://samverka.example' });
  coordinator = await server.signIn('coordinator');
  chair = await server.signIn('chair');
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

const AFFIRMED = {
  affirmsDemocraticOrganisation: true,
  affirmsValues: true,
  affirmsPrinciples: true,
  affirmsCommitments: true,
};

test("a party's contacts are told by mail when it is approved, rejected, or faces an exclusion case", async () => {
  const created = await server.gql(
    'mutation($input: CreatePartyInput!) { createParty(input: $input) { party { id } } }',
    {
      input: {
        name: 'Schackklubben Springaren',
        kind: 'NON_PROFIT_ASSOCIATION',
        organisationNumber: '802533-7711',
      },
    },
    chair,
  );
  const partyId = created.data!.createParty.party.id;
  const requested = await server.gql(
    'mutation($input: RequestAccessionInput!) { requestAccession(input: $input) { accession { id version } } }',
    { input: { partyId, ...AFFIRMED } },
    chair,
  );
  const accession = requested.data!.requestAccession.accession;
  await server.gql(
    'mutation($input: RejectAccessionInput!) { rejectAccession(input: $input) { errors { code } } }',
    {
      input: {
        accessionId: accession.id,
        expectedVersion: accession.version,
        reason: 'Stadgarna saknas i ansökan.',
      },
    },
    coordinator,
  );
  const rejection = await mailbox.waitFor('ordforande@samverka.example', /avslogs/);
  expect(rejection.subject).toContain('Schackklubben Springaren');
  expect(rejection.text).toContain('Stadgarna saknas i ansökan.');
  expect(rejection.text).toContain('https://samverka.example/min-forening');

  const vivalla = (await server.gql('{ parties(search: "Vivalla") { edges { node { id } } } }')).data!.parties
    .edges[0].node;
  await server.gql(
    'mutation($input: OpenExclusionCaseInput!) { openExclusionCase(input: $input) { errors { code } } }',
    { input: { partyId: vivalla.id, grounds: 'Protokollförda uttalanden mot värdegrunden.' } },
    coordinator,
  );
  const notice = await mailbox.waitFor('forening@samverka.example', /uteslutning/);
  expect(notice.text).toContain('Protokollförda uttalanden mot värdegrunden.');
  expect(notice.text).toContain('In English');
});

test('a refused decision mails nobody', async () => {
  const before = mailbox.messages.length;
  const pending = await server.gql('{ pendingAccessions { edges { node { id } } } }', {}, coordinator);
  const first = pending.data!.pendingAccessions.edges[0].node;
  const res = await server.gql(
    'mutation($input: DecideAccessionInput!) { approveAccession(input: $input) { errors { code } } }',
    { input: { accessionId: first.id, expectedVersion: 99 } },
    coordinator,
  );
  expect(res.data!.approveAccession.errors[0].code).toBe('STALE_VERSION');
  await new Promise((r) => setTimeout(r, 300));
  expect(mailbox.messages.length).toBe(before);
});
