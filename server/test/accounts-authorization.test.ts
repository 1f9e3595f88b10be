import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MembershipRole } from '@samverka/domain';
import { accountPolicy } from '../src/accounts/account.policy.js';
import { mutationRules } from './policies.js';
import { AccountTokenPurpose } from '../src/accounts/account-token.entity.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { cookieFrom, rowCounts, startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';
import {
  PASSWORD,
  accountToken,
  freshEmail,
  membershipRequest,
  partyWithContact,
  registerPerson,
} from './accounts-fixtures.js';

/**
 * Every account mutation against every role, signed out included, generated from ACCOUNT_MUTATION_RULES and
 * the policy the services use. "Allowed": a payload came back (no top-level error). "Denied":
 * UNAUTHENTICATED (signed out) or FORBIDDEN, and nothing written.
 */
type Role = 'anonymous' | 'member' | 'contact' | 'coordinator';
const ROLES: Role[] = ['anonymous', 'member', 'contact', 'coordinator'];
const TABLES = ['person', 'session', 'party', 'membership', 'account_token'];

let mailbox: TestMailbox;
let server: TestServer;
let partyId: string;
const credentials: Record<
  Exclude<Role, 'anonymous'>,
  { email: string; password: string; id: string }
> = {} as never;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url });
  const contact = await partyWithContact(server, 'Matrisföreningen');
  partyId = contact.partyId;
  credentials.contact = { email: contact.email, password: PASSWORD, id: contact.personId };
  const member = await registerPerson(server, { joinPartyId: partyId });
  await server.orm.em
    .fork()
    .getConnection()
    .execute(`update membership set status = 'ACTIVE' where person_id = ?`, [member.personId]);
  credentials.member = { email: member.email, password: PASSWORD, id: member.personId };
  const coordinator = await signInAs({ email: DEMO_PEOPLE.coordinator.email, password: DEMO_PASSWORD });
  credentials.coordinator = {
    email: DEMO_PEOPLE.coordinator.email,
    password: DEMO_PASSWORD,
    id: (await server.gql('{ viewer { id } }', {}, coordinator)).data!.viewer.id,
  };
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

async function signInAs(who: { email: string; password: string }): Promise<string> {
  const res = await server.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }',
    { input: { email: who.email, password: who.password } },
  );
  return cookieFrom(res);
}

/** A fresh session per call, so that mutations which end sessions do not disturb the next test. */
async function cookieOf(role: Role): Promise<string | undefined> {
  return role === 'anonymous' ? undefined : signInAs(credentials[role]);
}

function viewerOf(role: Role) {
  if (role === 'anonymous') return null;
  return {
    id: credentials[role].id,
    name: '',
    email: '',
    isCoordinator: role === 'coordinator',
    convenes: [],
    sessionId: '',
  };
}

/** The party facts each role has for the matrix party. */
function factsOf(role: Role) {
  const roles = { contact: MembershipRole.CONTACT, member: MembershipRole.MEMBER } as Record<
    Role,
    MembershipRole
  >;
  return { role: roles[role] ?? null, joined: false, excluded: false, sector: 'CIVIL_SOCIETY' as never };
}

/** A valid input for each mutation, built fresh for each call; and the GraphQL to send it. */
const CASES: Record<
  string,
  {
    type?: string;
    select: string;
    input?: (role: Role, cookie?: string) => Promise<Record<string, unknown>>;
    /** The payload's error codes once authorized; none unless said. */
    refusedWith?: string[];
  }
> = {
  signIn: {
    type: 'SignInInput',
    select: 'viewer { id }',
    input: async () => ({ email: DEMO_PEOPLE.member.email, password: DEMO_PASSWORD }),
  },
  signOut: { select: 'signedOut' },
  register: {
    type: 'RegisterInput',
    select: 'email',
    input: async () => ({ name: 'Ny Person', email: freshEmail(), password: PASSWORD }),
  },
  requestPasswordReset: {
    type: 'RequestPasswordResetInput',
    select: 'sent',
    input: async () => ({ email: freshEmail() }),
  },
  resetPassword: {
    type: 'ResetPasswordInput',
    select: 'viewer { id }',
    input: async () => {
      const person = await registerPerson(server);
      const token = await accountToken(server, AccountTokenPurpose.PASSWORD_RESET, {
        email: person.email,
        personId: person.personId,
      });
      return { token, password: 'ett helt nytt lösenord' };
    },
  },
  invitePartyMember: {
    type: 'InvitePartyMemberInput',
    select: 'invitation { email }',
    input: async () => ({ partyId, email: freshEmail('inbjuden') }),
  },
  acceptInvitation: {
    type: 'AcceptInvitationInput',
    select: 'party { id }',
    input: async () => ({
      token: await accountToken(server, AccountTokenPurpose.INVITATION, { email: freshEmail(), partyId }),
      name: 'Inbjuden',
      password: PASSWORD,
    }),
  },
  decideMembershipRequest: {
    type: 'DecideMembershipRequestInput',
    select: 'party { id }',
    input: async () => ({
      membershipId: (await membershipRequest(server, partyId)).membershipId,
      approve: true,
    }),
  },
  endSession: {
    type: 'EndSessionInput',
    select: 'endedSessionId',
    input: async (role) => {
      // Another session of the same person (for the signed out: the coordinator's, which must stay).
      const other = await signInAs(credentials[role === 'anonymous' ? 'coordinator' : role]);
      const sessions = (await server.gql('{ viewer { sessions { id current } } }', {}, other)).data!.viewer
        .sessions;
      return { sessionId: sessions.find((s: { current: boolean }) => s.current).id };
    },
  },
  deleteMyAccount: {
    type: 'DeleteMyAccountInput',
    select: 'deleted',
    // A wrong password: past authorization, and the matrix's people keep their accounts.
    input: async () => ({ password: 'inte rätt lösenord' }),
    refusedWith: ['INVALID_CREDENTIALS'],
  },
};

describe.each(Object.entries(mutationRules('account')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const expectedAllowed =
      rule === 'partyContact'
        ? accountPolicy.partyContact(viewerOf(role), factsOf(role))
        : accountPolicy[rule as 'anyone' | 'signedIn'](viewerOf(role));
    const spec = CASES[mutation]!;
    const cookie = await cookieOf(role);
    const input = spec.input ? await spec.input(role, cookie) : undefined;
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(
      spec.type
        ? `mutation($input: ${spec.type}!) { ${mutation}(input: $input) { ${spec.select} errors { field code message } } }`
        : `mutation { ${mutation} { ${spec.select} errors { code } } }`,
      input ? { input } : {},
      cookie,
    );
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors.map((e: { code: string }) => e.code)).toEqual(spec.refusedWith ?? []);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, TABLES)).toEqual(before);
    }
  });
});

test("an excluded party's contact may no longer invite or decide requests", () => {
  const contact = viewerOf('contact');
  expect(accountPolicy.partyContact(contact, { ...factsOf('contact'), excluded: true })).toBe(false);
});
