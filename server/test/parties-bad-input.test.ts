import { afterAll, beforeAll, expect, test } from 'vitest';
import { TEXT_LIMITS } from '@samverka/domain';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * Bad input on every party and accession mutation, from someone allowed to make it: a field-level error in
 * the payload, and no table changed.
 */
const TABLES = [
  'party',
  'membership',
  'accession',
  'exclusion_case',
  'nomination',
  'council_seat',
  'cnatet_representative',
  'live_event',
];

let server: TestServer;
let coordinator: string;
let contact: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
  contact = await server.signIn('member');
  const register = await server.gql(
    '{ parties(first: 50) { edges { node { id name accession { id version } } } } }',
  );
  const byName = (name: string) => register.data!.parties.edges.find((e: any) => e.node.name === name).node;
  ids.party = byName('Vivalla Kvinnoförening').id;
  ids.accession = byName('Vivalla Kvinnoförening').accession.id;
  ids.municipal = byName('Socialförvaltningen').id;
  ids.association = byName('Studieförbundet Bildning Örebro').id;
  const opened = await server.gql(
    'mutation($input: OpenExclusionCaseInput!) { openExclusionCase(input: $input) { exclusionCase { id version } } }',
    { input: { partyId: ids.association, grounds: 'Underlag.' } },
    coordinator,
  );
  ids.exclusionCase = opened.data!.openExclusionCase.exclusionCase.id;
});
afterAll(() => server?.close());

async function tableCounts() {
  const connection = server.orm.em.fork().getConnection();
  return Promise.all(
    TABLES.map(async (table) => (await connection.execute(`select count(*)::int as n from ${table}`))[0]?.n),
  );
}

const long = (n: number) => 'x'.repeat(n + 1);

const TOO_LONG_LIMITS = {
  description: TEXT_LIMITS.description,
  grounds: TEXT_LIMITS.grounds,
  nomineeName: TEXT_LIMITS.name,
  holderName: TEXT_LIMITS.name,
};

test.each([
  [
    'createParty',
    'CreatePartyInput',
    'contact',
    () => ({ name: 'A', kind: 'FOUNDATION', organisationNumber: '802002-3746' }),
    ['organisationNumber'],
    'DUPLICATE',
  ],
  [
    'createParty',
    'CreatePartyInput',
    'contact',
    () => ({ name: 'A', kind: 'FOUNDATION', organisationNumber: '802002-3746', description: long(4000) }),
    ['description'],
    'TOO_LONG',
  ],
  [
    'updateParty',
    'UpdatePartyInput',
    'contact',
    () => ({ partyId: ids.party, name: '', organisationNumber: '802411-5555' }),
    ['name'],
    'REQUIRED',
  ],
  [
    'updateParty',
    'UpdatePartyInput',
    'contact',
    () => ({ partyId: ids.party, name: 'Vivalla', organisationNumber: '802002-3746' }),
    ['organisationNumber'],
    'DUPLICATE',
  ],
  [
    'requestMembership',
    'PartyActionInput',
    'contact',
    () => ({ partyId: ids.party }),
    ['partyId'],
    'DUPLICATE',
  ],
  [
    'requestMembership',
    'PartyActionInput',
    'contact',
    () => ({ partyId: 'inte-ett-id' }),
    ['partyId'],
    'NOT_FOUND',
  ],
  [
    'requestAccession',
    'RequestAccessionInput',
    'contact',
    () => ({
      partyId: ids.party,
      affirmsDemocraticOrganisation: true,
      affirmsValues: true,
      affirmsPrinciples: true,
      affirmsCommitments: true,
    }),
    ['partyId'],
    'INVALID_TRANSITION',
  ],
  [
    'withdrawAccession',
    'DecideAccessionInput',
    'contact',
    () => ({ accessionId: ids.accession, expectedVersion: 99 }),
    ['expectedVersion'],
    'STALE_VERSION',
  ],
  [
    'approveAccession',
    'DecideAccessionInput',
    'coordinator',
    () => ({ accessionId: ids.accession, expectedVersion: 1 }),
    [],
    'INVALID_TRANSITION',
  ],
  [
    'rejectAccession',
    'RejectAccessionInput',
    'coordinator',
    () => ({
      accessionId: 'QWNjZXNzaW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA',
      expectedVersion: 1,
      reason: 'Nej',
    }),
    ['accessionId'],
    'NOT_FOUND',
  ],
  [
    'openExclusionCase',
    'OpenExclusionCaseInput',
    'coordinator',
    () => ({ partyId: ids.party, grounds: '   ' }),
    ['grounds'],
    'REQUIRED',
  ],
  [
    'openExclusionCase',
    'OpenExclusionCaseInput',
    'coordinator',
    () => ({ partyId: ids.party, grounds: long(8000) }),
    ['grounds'],
    'TOO_LONG',
  ],
  [
    'openExclusionCase',
    'OpenExclusionCaseInput',
    'coordinator',
    () => ({ partyId: ids.association, grounds: 'Igen' }),
    ['partyId'],
    'INVALID_TRANSITION',
  ],
  [
    'respondToExclusionCase',
    'RespondToExclusionCaseInput',
    'coordinator',
    () => ({
      exclusionCaseId: 'RXhjbHVzaW9uQ2FzZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA',
      expectedVersion: 1,
      response: 'Svar',
    }),
    ['exclusionCaseId'],
    'NOT_FOUND',
  ],
  [
    'recordExclusionDecision',
    'RecordExclusionDecisionInput',
    'coordinator',
    () => ({ exclusionCaseId: ids.exclusionCase, expectedVersion: 1, excluded: true, decision: '' }),
    ['decision'],
    'REQUIRED',
  ],
  [
    'nominateCouncilMember',
    'NominateCouncilMemberInput',
    'contact',
    () => ({ partyId: ids.party, nomineeName: long(200), motivation: 'Bra' }),
    ['nomineeName'],
    'TOO_LONG',
  ],
  [
    'nominateCouncilMember',
    'NominateCouncilMemberInput',
    'contact',
    () => ({ partyId: ids.party, nomineeName: 'Eva', motivation: ' ' }),
    ['motivation'],
    'REQUIRED',
  ],
  [
    'confirmNetwork',
    'PartyActionInput',
    'coordinator',
    () => ({ partyId: ids.party }),
    ['partyId'],
    'INVALID_TRANSITION',
  ],
  [
    'assignCouncilSeat',
    'AssignCouncilSeatInput',
    'coordinator',
    () => ({ kind: 'POLITICIAN', personEmail: 'ingen@samverka.example' }),
    ['personEmail'],
    'NOT_FOUND',
  ],
  [
    'assignCouncilSeat',
    'AssignCouncilSeatInput',
    'coordinator',
    () => ({ kind: 'COORDINATOR', personEmail: 'samordnare@samverka.example' }),
    ['kind'],
    'LIMIT_REACHED',
  ],
  [
    'assignCouncilSeat',
    'AssignCouncilSeatInput',
    'coordinator',
    () => ({ kind: 'POLITICIAN', holderName: ' ' }),
    ['holderName'],
    'REQUIRED',
  ],
  [
    'assignCouncilSeat',
    'AssignCouncilSeatInput',
    'coordinator',
    () => ({ kind: 'POLITICIAN', holderName: long(200) }),
    ['holderName'],
    'TOO_LONG',
  ],
  [
    'removeCNatetRepresentative',
    'RemoveCNatetRepresentativeInput',
    'coordinator',
    () => ({ departmentId: ids.party }),
    ['departmentId'],
    'NOT_FOUND',
  ],
  [
    'removeCNatetRepresentative',
    'RemoveCNatetRepresentativeInput',
    'coordinator',
    () => ({ departmentId: ids.municipal }),
    ['departmentId'],
    'INVALID_TRANSITION',
  ],
  [
    'vacateCouncilSeat',
    'VacateCouncilSeatInput',
    'coordinator',
    () => ({ seatId: 'fel' }),
    ['seatId'],
    'NOT_FOUND',
  ],
  [
    'appointCNatetRepresentative',
    'AppointCNatetRepresentativeInput',
    'coordinator',
    () => ({ departmentId: ids.party, personEmail: 'forening@samverka.example' }),
    ['departmentId'],
    'INVALID',
  ],
  [
    'appointCNatetRepresentative',
    'AppointCNatetRepresentativeInput',
    'coordinator',
    () => ({ departmentId: ids.municipal, personEmail: 'ingen@samverka.example' }),
    ['personEmail'],
    'NOT_FOUND',
  ],
  [
    'createParty',
    'CreatePartyInput',
    'contact',
    () => ({ name: 'Förening\u0000', kind: 'FOUNDATION', organisationNumber: '802411-5555' }),
    ['name'],
    'INVALID',
  ],
  [
    'createParty',
    'CreatePartyInput',
    'contact',
    () => ({
      name: 'Förening',
      kind: 'FOUNDATION',
      organisationNumber: '802411-5555',
      areasOfInterest: ['Idrott', 'Kultur\u0008'],
    }),
    ['areasOfInterest', '1'],
    'INVALID',
  ],
  [
    'updateParty',
    'UpdatePartyInput',
    'contact',
    () => ({ partyId: ids.party, name: 'Vivalla', description: 'Rad ett\nRad två\u001b[31m' }),
    ['description'],
    'INVALID',
  ],
  [
    'openExclusionCase',
    'OpenExclusionCaseInput',
    'coordinator',
    () => ({ partyId: ids.association, grounds: 'Underlag\u0000' }),
    ['grounds'],
    'INVALID',
  ],
] as const)('%s (%s) by the %s', async (mutation, inputType, who, input, field, code) => {
  const before = await tableCounts();
  const res = await server.gql(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { errors { field message code max } } }`,
    { input: input() },
    who === 'coordinator' ? coordinator : contact,
  );
  expect(res.errors).toBeUndefined();
  const [error] = res.data![mutation].errors;
  expect(error).toMatchObject({ field: ['input', ...field], code });
  expect(error.message.length).toBeGreaterThan(3);
  if (code === 'TOO_LONG') {
    // The message says the limit, and `max` carries it for a client that words it in another language.
    const limit = TOO_LONG_LIMITS[field.at(-1) as keyof typeof TOO_LONG_LIMITS];
    expect(error.max).toBe(limit);
    expect(error.message).toContain(String(limit));
  } else expect(error.max).toBeNull();
  expect(await tableCounts()).toEqual(before);
});
