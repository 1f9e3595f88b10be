import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collect, startTestServer, until, type TestServer } from './helpers.js';
import { liveMetrics } from '../src/live/live-hub.js';

let server: TestServer;
let coordinator: string;
let contact: string;
let outsider: string;

beforeAll(async () => {
  server = await startTestServer();
  [coordinator, contact, outsider] = await Promise.all([
    server.signIn('coordinator'),
    server.signIn('member'),
    server.signIn('chair'),
  ]);
});
afterAll(() => server?.close());

const PARTY_FIELDS =
  'id name kind sector organisationNumber areasOfInterest joinedOn viewerIsContact accession { id status version reason }';

async function createParty(cookie: string, input: Record<string, unknown>) {
  const res = await server.gql(
    `mutation($input: CreatePartyInput!) { createParty(input: $input) { party { ${PARTY_FIELDS} } errors { field message code } } }`,
    { input },
    cookie,
  );
  return res.data!.createParty as {
    party: any;
    errors: { field: string[]; message: string; code: string }[];
  };
}

async function count(table: string): Promise<number> {
  const rows = await server.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`);
  return rows[0]?.n;
}

const association = (overrides: Record<string, unknown> = {}) => ({
  name: 'Föreningen Gröna Gårdar',
  kind: 'NON_PROFIT_ASSOCIATION',
  organisationNumber: '802533-7711',
  description: 'Odlingsföreningar i Örebros bostadsområden.',
  areasOfInterest: ['Odling', 'miljö'],
  ...overrides,
});

describe('creating a party', () => {
  test.each([
    [
      'a malformed organisationsnummer',
      { organisationNumber: '12345' },
      'organisationNumber',
      'INVALID',
      /NNNNNN-NNNN/,
    ],
    [
      'a wrong check digit',
      { organisationNumber: '802533-7712' },
      'organisationNumber',
      'INVALID',
      /Kontrollsiffran/,
    ],
    [
      'a missing organisationsnummer',
      { organisationNumber: null },
      'organisationNumber',
      'REQUIRED',
      /organisationsnumret/,
    ],
    ['a missing name', { name: '  ' }, 'name', 'REQUIRED', /namn/],
    ['a name too long', { name: 'x'.repeat(201) }, 'name', 'TOO_LONG', /200/],
    ['a website that is not one', { website: 'www' }, 'website', 'INVALID', /https/],
  ])(
    'is refused with %s, beside the field, writing nothing',
    async (_name, overrides, field, code, message) => {
      const before = await count('party');
      const result = await createParty(outsider, association(overrides));
      expect(result.party).toBeNull();
      expect(result.errors).toContainEqual(expect.objectContaining({ field: ['input', field], code }));
      expect(result.errors.find((e) => e.field[1] === field)!.message).toMatch(message);
      expect(await count('party')).toBe(before);
    },
  );

  test('a network joins without an organisationsnummer but with a named contact and its participants', async () => {
    const missing = await createParty(outsider, { name: 'Nätverket Grannsamverkan', kind: 'NETWORK' });
    expect(missing.errors.map((e) => e.field[1]).sort()).toEqual([
      'networkContactName',
      'networkParticipants',
    ]);
    const ok = await createParty(outsider, {
      name: 'Nätverket Grannsamverkan',
      kind: 'NETWORK',
      networkContactName: 'Lisa Ek',
      networkParticipants: 'Boende i Brickebacken',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.party).toMatchObject({
      organisationNumber: null,
      sector: 'CIVIL_SOCIETY',
      viewerIsContact: true,
    });
  });

  test("an organisationsnummer identifies one party; municipal departments share the municipality's", async () => {
    const first = await createParty(outsider, association());
    expect(first.errors).toEqual([]);
    expect(first.party.areasOfInterest).toEqual(['odling', 'miljö']);
    const again = await createParty(
      outsider,
      association({ name: 'En annan förening', organisationNumber: '8025337711' }),
    );
    expect(again.errors).toEqual([
      expect.objectContaining({ field: ['input', 'organisationNumber'], code: 'DUPLICATE' }),
    ]);
    const department = await createParty(outsider, {
      name: 'Vård- och omsorgsförvaltningen',
      kind: 'MUNICIPAL_DEPARTMENT',
      organisationNumber: '212000-1884',
    });
    expect(department.errors).toEqual([]);
    expect(department.party.sector).toBe('MUNICIPAL');
  });
});

const REQUEST = `mutation($input: RequestAccessionInput!) { requestAccession(input: $input) { accession { id status version } errors { field code message } } }`;
const APPROVE = `mutation($input: DecideAccessionInput!) { approveAccession(input: $input) { accession { id status version } errors { field code } } }`;
const REJECT = `mutation($input: RejectAccessionInput!) { rejectAccession(input: $input) { accession { status reason } errors { field code } } }`;
const AFFIRMED = {
  affirmsDemocraticOrganisation: true,
  affirmsValues: true,
  affirmsPrinciples: true,
  affirmsCommitments: true,
};

describe('accession', () => {
  test('asking to join needs each affirmation; the coordinator approves; the party sees it live and enters the register', async () => {
    const { party } = await createParty(
      outsider,
      association({
        name: 'Biodlarna i Närke',
        organisationNumber: '556601-2349',
        kind: 'SOCIAL_ENTERPRISE',
        description: 'Biodling och honung från föreningarnas kupor.',
      }),
    );

    const partial = await server.gql(
      REQUEST,
      { input: { partyId: party.id, ...AFFIRMED, affirmsPrinciples: false, affirmsValues: false } },
      outsider,
    );
    expect(partial.data!.requestAccession.errors.map((e: any) => [e.field[1], e.code])).toEqual([
      ['affirmsValues', 'NOT_AFFIRMED'],
      ['affirmsPrinciples', 'NOT_AFFIRMED'],
    ]);
    expect(
      await count(
        `accession where party_id = '${Buffer.from(party.id, 'base64url').toString().split(':')[1]}'`,
      ),
    ).toBe(0);

    const requested = await server.gql(REQUEST, { input: { partyId: party.id, ...AFFIRMED } }, outsider);
    const accession = requested.data!.requestAccession.accession;
    expect(accession.status).toBe('REQUESTED');
    const twice = await server.gql(REQUEST, { input: { partyId: party.id, ...AFFIRMED } }, outsider);
    expect(twice.data!.requestAccession.errors[0].code).toBe('INVALID_TRANSITION');

    const queue = await server.gql(
      '{ pendingAccessions { edges { node { id party { name } } } } }',
      {},
      coordinator,
    );
    expect(queue.data!.pendingAccessions.edges.map((e: any) => e.node.party.name)).toContain(
      'Biodlarna i Närke',
    );

    const partyClient = server.ws(outsider);
    const live = collect(
      partyClient,
      'subscription($id: ID!) { accessionChanged(partyId: $id) { kind party { accession { status } } } }',
      { id: party.id },
    );
    await until(() => liveMetrics.subscribers > 0);
    await new Promise((r) => setTimeout(r, 100));

    const denied = await server.gql(
      APPROVE,
      { input: { accessionId: accession.id, expectedVersion: accession.version } },
      outsider,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await server.gql(
      APPROVE,
      { input: { accessionId: accession.id, expectedVersion: accession.version } },
      coordinator,
    );
    expect(approved.data!.approveAccession.accession.status).toBe('APPROVED');

    const [event] = await live.waitFor(1);
    expect(event.accessionChanged).toEqual({
      kind: 'ACCESSION_APPROVED',
      party: { accession: { status: 'APPROVED' } },
    });
    await partyClient.dispose();

    const register = await server.gql(
      'query($s: String) { parties(search: $s) { totalCount edges { node { name joinedOn } } } }',
      { s: 'honung' },
    );
    expect(register.data!.parties.edges.map((e: any) => e.node.name)).toEqual(['Biodlarna i Närke']);
    expect(register.data!.parties.edges[0].node.joinedOn).toBeTruthy();
    const byKind = await server.gql('{ parties(kind: SOCIAL_ENTERPRISE) { edges { node { name } } } }');
    expect(byKind.data!.parties.edges.map((e: any) => e.node.name)).toEqual(['Biodlarna i Närke']);
    const municipal = await server.gql('{ parties(sector: MUNICIPAL) { edges { node { kind } } } }');
    expect(municipal.data!.parties.edges.every((e: any) => e.node.kind.startsWith('MUNICIPAL'))).toBe(true);
  });

  test('a rejection needs a reason; waiting parties are not in the public register', async () => {
    const pending = await server.gql(
      '{ pendingAccessions { edges { node { id version party { name } } } } }',
      {},
      coordinator,
    );
    const idrott = pending.data!.pendingAccessions.edges.find(
      (e: any) => e.node.party.name === 'Idrottsalliansen Örebro',
    ).node;
    const register = await server.gql('{ parties(first: 100) { edges { node { name } } } }');
    expect(register.data!.parties.edges.map((e: any) => e.node.name)).not.toContain(
      'Idrottsalliansen Örebro',
    );
    const noReason = await server.gql(
      REJECT,
      { input: { accessionId: idrott.id, expectedVersion: idrott.version, reason: ' ' } },
      coordinator,
    );
    expect(noReason.data!.rejectAccession.errors).toEqual([{ field: ['input', 'reason'], code: 'REQUIRED' }]);
    const rejected = await server.gql(
      REJECT,
      { input: { accessionId: idrott.id, expectedVersion: idrott.version, reason: 'Stadgarna saknas.' } },
      coordinator,
    );
    expect(rejected.data!.rejectAccession.accession).toEqual({
      status: 'REJECTED',
      reason: 'Stadgarna saknas.',
    });
  });
});

describe('exclusion', () => {
  test('the coordinator opens a case, the party responds, the council decides, and an excluded party can no longer act', async () => {
    const mine = await server.gql('{ viewer { memberships { role party { id name } } } }', {}, contact);
    const party = mine.data!.viewer.memberships[0].party;
    expect(party.name).toBe('Vivalla Kvinnoförening');

    const opened = await server.gql(
      'mutation($input: OpenExclusionCaseInput!) { openExclusionCase(input: $input) { exclusionCase { id version status } errors { field code } } }',
      {
        input: { partyId: party.id, grounds: 'Protokollförda uttalanden mot överenskommelsens värdegrund.' },
      },
      coordinator,
    );
    const exclusionCase = opened.data!.openExclusionCase.exclusionCase;
    expect(exclusionCase.status).toBe('OPEN');

    const responded = await server.gql(
      'mutation($input: RespondToExclusionCaseInput!) { respondToExclusionCase(input: $input) { exclusionCase { version status partyResponse } errors { code } } }',
      {
        input: {
          exclusionCaseId: exclusionCase.id,
          expectedVersion: exclusionCase.version,
          response: 'Vi bestrider grunderna.',
        },
      },
      contact,
    );
    const afterResponse = responded.data!.respondToExclusionCase.exclusionCase;
    expect(afterResponse.status).toBe('PARTY_RESPONDED');

    const decided = await server.gql(
      'mutation($input: RecordExclusionDecisionInput!) { recordExclusionDecision(input: $input) { exclusionCase { status councilDecision } errors { code } } }',
      {
        input: {
          exclusionCaseId: exclusionCase.id,
          expectedVersion: afterResponse.version,
          excluded: true,
          decision: 'Samverkansrådet beslutade den 2 december att utesluta föreningen.',
        },
      },
      coordinator,
    );
    expect(decided.data!.recordExclusionDecision.exclusionCase.status).toBe('EXCLUDED');

    const update = await server.gql(
      'mutation($input: UpdatePartyInput!) { updateParty(input: $input) { party { id } errors { code } } }',
      { input: { partyId: party.id, name: 'Nytt namn', organisationNumber: '802411-5555' } },
      contact,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const history = await server.gql(
      'query($id: ID!) { exclusionCases(partyId: $id) { edges { node { status grounds partyResponse councilDecision } } } }',
      { id: party.id },
      coordinator,
    );
    expect(history.data!.exclusionCases.edges[0].node).toMatchObject({
      status: 'EXCLUDED',
      partyResponse: 'Vi bestrider grunderna.',
    });
    const register = await server.gql('{ parties(first: 100) { edges { node { name } } } }');
    expect(register.data!.parties.edges.map((e: any) => e.node.name)).not.toContain('Vivalla Kvinnoförening');
  });
});

describe('Samverkansrådet', () => {
  test('at most ten civil-society seats at a time', async () => {
    const assign = (input: Record<string, unknown>) =>
      server.gql(
        'mutation($input: AssignCouncilSeatInput!) { assignCouncilSeat(input: $input) { seat { id holderName } errors { field code message } } }',
        { input },
        coordinator,
      );
    const full = await assign({ kind: 'CIVIL_SOCIETY', personEmail: 'forening@samverka.example' });
    expect(full.data!.assignCouncilSeat.errors).toEqual([
      expect.objectContaining({ field: ['input', 'kind'], code: 'LIMIT_REACHED' }),
    ]);
    const seats = await server.gql('{ forum(slug: "samverkansradet") { seats { id kind holderName } } }');
    const leaving = seats.data!.forum.seats.find((s: any) => s.holderName === 'Oskar Wallin');
    const vacated = await server.gql(
      'mutation($input: VacateCouncilSeatInput!) { vacateCouncilSeat(input: $input) { errors { code } } }',
      { input: { seatId: leaving.id } },
      coordinator,
    );
    expect(vacated.data!.vacateCouncilSeat.errors).toEqual([]);
    const given = await assign({
      kind: 'CIVIL_SOCIETY',
      personEmail: 'forening@samverka.example',
      organisation: 'Vivalla Kvinnoförening',
    });
    expect(given.data!.assignCouncilSeat.seat.holderName).toBe('Maja Berg');
  });

  test('only the coordinator follows the queue live, from the moment it starts', async () => {
    const client = server.ws(outsider);
    const denied = collect(client, 'subscription { coordinatorQueueChanged { kind } }', {});
    await until(() => denied.errors.length > 0);
    expect(JSON.stringify(denied.errors)).toContain('FORBIDDEN');
    await client.dispose();

    const coordinatorClient = server.ws(coordinator);
    const queue = collect(coordinatorClient, 'subscription { coordinatorQueueChanged { kind } }', {});
    await new Promise((r) => setTimeout(r, 200));
    await createParty(outsider, {
      name: 'Nätverket Läsglädje',
      kind: 'NETWORK',
      networkContactName: 'Eva',
      networkParticipants: 'Läsombud',
    });
    const [event] = await queue.waitFor(1);
    expect(event.coordinatorQueueChanged.kind).toBe('NETWORK_REGISTERED');
    await coordinatorClient.dispose();
  });
});
