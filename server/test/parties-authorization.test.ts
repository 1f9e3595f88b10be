import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MembershipRole, PartySector } from '@samverka/domain';
import { partyPolicy, type PartyAccessFacts, type PartyRule } from '../src/parties/party.policy.js';
import { mutationRules } from './policies.js';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * Every party and accession mutation against every role, signed out included, generated from the policy
 * table the services use. The target is Vivalla Kvinnoförening, a joined civil-society party whose contact
 * is the demo association member. "Allowed" means the request passed authorization (a payload came back,
 * perhaps with a business error, since inputs are chosen to write as little as possible); "denied" means
 * UNAUTHENTICATED or FORBIDDEN and no table changed.
 */
type Role = 'anonymous' | 'outsider' | 'contact' | 'coordinator';
const ROLES: Role[] = ['anonymous', 'outsider', 'contact', 'coordinator'];
const TABLES = [
  'party',
  'membership',
  'accession',
  'exclusion_case',
  'nomination',
  'council_seat',
  'cnatet_representative',
];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  cookies.outsider = await server.signIn('chair');
  cookies.contact = await server.signIn('member');
  cookies.coordinator = await server.signIn('coordinator');
  const register = await server.gql(
    '{ parties(first: 50) { edges { node { id name kind accession { id version } } } } }',
  );
  const byName = (name: string) => register.data!.parties.edges.find((e: any) => e.node.name === name).node;
  const vivalla = byName('Vivalla Kvinnoförening');
  ids.party = vivalla.id;
  ids.accession = vivalla.accession.id;
  ids.department = byName('Socialförvaltningen').id;
  const opened = await server.gql(
    'mutation($input: OpenExclusionCaseInput!) { openExclusionCase(input: $input) { exclusionCase { id } } }',
    { input: { partyId: ids.party, grounds: 'Underlag för prövning.' } },
    cookies.coordinator,
  );
  ids.exclusionCase = opened.data!.openExclusionCase.exclusionCase.id;
});
afterAll(() => server?.close());

const FACTS: Record<Role, PartyAccessFacts> = {
  anonymous: { role: null, joined: true, excluded: false, sector: PartySector.CIVIL_SOCIETY },
  outsider: { role: null, joined: true, excluded: false, sector: PartySector.CIVIL_SOCIETY },
  contact: { role: MembershipRole.CONTACT, joined: true, excluded: false, sector: PartySector.CIVIL_SOCIETY },
  coordinator: { role: null, joined: true, excluded: false, sector: PartySector.CIVIL_SOCIETY },
};

function viewerOf(role: Role) {
  if (role === 'anonymous') return null;
  return {
    id: role,
    name: '',
    email: '',
    isCoordinator: role === 'coordinator',
    convenes: [],
    sessionId: '',
  };
}

function expectedAllowed(rule: PartyRule, role: Role) {
  if (rule === 'signedIn') return role !== 'anonymous';
  if (rule === 'coordinator') return partyPolicy.coordinator(viewerOf(role));
  return partyPolicy[rule](viewerOf(role), FACTS[role]);
}

const CALLS: Record<string, () => [string, Record<string, unknown>]> = {
  createParty: () => [
    'CreatePartyInput',
    { name: 'Prov', kind: 'NON_PROFIT_ASSOCIATION', organisationNumber: 'fel' },
  ],
  requestMembership: () => ['PartyActionInput', { partyId: ids.party }],
  updateParty: () => ['UpdatePartyInput', { partyId: ids.party, name: '' }],
  requestAccession: () => [
    'RequestAccessionInput',
    {
      partyId: ids.party,
      affirmsDemocraticOrganisation: false,
      affirmsValues: false,
      affirmsPrinciples: false,
      affirmsCommitments: false,
    },
  ],
  withdrawAccession: () => ['DecideAccessionInput', { accessionId: ids.accession, expectedVersion: 999 }],
  respondToExclusionCase: () => [
    'RespondToExclusionCaseInput',
    { exclusionCaseId: ids.exclusionCase, expectedVersion: 999, response: 'Svar' },
  ],
  nominateCouncilMember: () => [
    'NominateCouncilMemberInput',
    { partyId: ids.party, nomineeName: '', motivation: '' },
  ],
  confirmNetwork: () => ['PartyActionInput', { partyId: ids.party }],
  approveAccession: () => ['DecideAccessionInput', { accessionId: ids.accession, expectedVersion: 999 }],
  rejectAccession: () => [
    'RejectAccessionInput',
    { accessionId: ids.accession, expectedVersion: 999, reason: 'Nej' },
  ],
  openExclusionCase: () => ['OpenExclusionCaseInput', { partyId: ids.party, grounds: 'Grund' }],
  recordExclusionDecision: () => [
    'RecordExclusionDecisionInput',
    { exclusionCaseId: ids.exclusionCase, expectedVersion: 999, excluded: false, decision: 'Beslut' },
  ],
  assignCouncilSeat: () => [
    'AssignCouncilSeatInput',
    { kind: 'CIVIL_SOCIETY', personEmail: 'forening@samverka.example' },
  ],
  vacateCouncilSeat: () => [
    'VacateCouncilSeatInput',
    { seatId: 'Q291bmNpbFNlYXQ6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw' },
  ],
  appointCNatetRepresentative: () => [
    'AppointCNatetRepresentativeInput',
    { departmentId: ids.department, personEmail: 'ingen@samverka.example' },
  ],
  removeCNatetRepresentative: () => ['RemoveCNatetRepresentativeInput', { departmentId: ids.department }],
};

async function tableCounts() {
  const connection = server.orm.em.fork().getConnection();
  return Promise.all(
    TABLES.map(async (table) => (await connection.execute(`select count(*)::int as n from ${table}`))[0]?.n),
  );
}

describe.each(Object.entries(mutationRules('party')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const [inputType, input] = CALLS[mutation]!();
    const before = await tableCounts();
    const res = await server.gql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { errors { code } } }`,
      { input },
      cookies[role],
    );
    if (expectedAllowed(rule as PartyRule, role)) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation].errors).toBeDefined();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await tableCounts()).toEqual(before);
    }
  });
});
