import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MembershipRole, MembershipStatus } from '@samverka/domain';
import { AccountTokenPurpose } from '../src/accounts/account-token.entity.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { cookieFrom, rowCounts, startTestServer, type TestServer } from './helpers.js';
import { linkToken, startTestMailbox, type TestMailbox } from './mail-helpers.js';
import {
  PASSWORD,
  REGISTER,
  accountToken,
  freshEmail,
  membershipRequest,
  networkParty,
  partyWithContact,
  registerPerson,
  uuidOf,
} from './accounts-fixtures.js';

const PUBLIC_URL = 'https://samverka.example';
const TABLES = ['person', 'session', 'party', 'membership', 'account_token'];

let mailbox: TestMailbox;
let server: TestServer;
beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, PUBLIC_URL });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { field code message } } }`;
const VIEWER = '{ viewer { id email sessions { id current createdAt expiresAt } } }';

async function sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.fork().getConnection().execute(query, params);
}

/** A signed-in WebSocket (graphql-ws acknowledged); resolves `closed` with the close code. */
async function liveSocket(cookie: string) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
    headers: { cookie },
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.on('open', resolve));
  const acked = new Promise((resolve) =>
    socket.on('message', (data) => String(data).includes('connection_ack') && resolve(true)),
  );
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await acked;
  return { socket, closed };
}

describe('register', () => {
  test('creates the account, signs nobody in; the password signs in', async () => {
    const email = freshEmail('ny');
    const res = await server.gql(REGISTER, {
      input: { name: '  Nina Ny ', email: email.toUpperCase(), password: PASSWORD },
    });
    expect(res.data!.register).toEqual({ email, errors: [] });
    expect(res.headers.get('set-cookie')).toBeNull();
    const signIn = await server.gql(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(signIn.data!.signIn.errors).toEqual([]);
    const viewer = await server.gql(VIEWER, {}, cookieFrom(signIn));
    expect(viewer.data!.viewer.email).toBe(email);
    expect(await sql('select name from person where email = ?', [email])).toEqual([{ name: 'Nina Ny' }]);
  });

  test('with a new party: the person becomes its contact, in one transaction', async () => {
    const { partyId, personId } = await registerPerson(server, {
      createParty: networkParty('Grannsamverkan Öster'),
    });
    const [row] = await sql('select role, status from membership where person_id = ? and party_id = ?', [
      personId,
      uuidOf(partyId!),
    ]);
    expect(row).toEqual({ role: 'CONTACT', status: 'ACTIVE' });
  });

  test('asking to join a party leaves a request for its contact', async () => {
    const { partyId } = await partyWithContact(server);
    const { personId } = await registerPerson(server, { joinPartyId: partyId });
    const [row] = await sql('select role, status from membership where person_id = ?', [personId]);
    expect(row).toEqual({ role: 'MEMBER', status: 'REQUESTED' });
  });

  test.each([
    ['a missing name', { name: '  ' }, ['input', 'name'], 'REQUIRED'],
    ['a too long name', { name: 'x'.repeat(201) }, ['input', 'name'], 'TOO_LONG'],
    ['a malformed e-mail', { email: 'inte-en-adress' }, ['input', 'email'], 'INVALID'],
    ['a missing e-mail', { email: '' }, ['input', 'email'], 'REQUIRED'],
    ['a too long e-mail', { email: `${'a'.repeat(250)}@exempel.se` }, ['input', 'email'], 'TOO_LONG'],
    ['a short password', { password: 'kort' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ['a missing password', { password: '' }, ['input', 'password'], 'REQUIRED'],
    ['a too long password', { password: 'x'.repeat(201) }, ['input', 'password'], 'TOO_LONG'],
    [
      'a bad party (network without contact)',
      { createParty: { ...networkParty('Utan kontakt'), networkContactName: '' } },
      ['input', 'createParty', 'networkContactName'],
      'REQUIRED',
    ],
    [
      'a bad organisationsnummer',
      {
        createParty: {
          name: 'Föreningen Fel',
          kind: 'NON_PROFIT_ASSOCIATION',
          organisationNumber: '802000-0000',
        },
      },
      ['input', 'createParty', 'organisationNumber'],
      'INVALID',
    ],
    ['a NUL byte in the name', { name: 'Testa\u0000' }, ['input', 'name'], 'INVALID'],
    ['a control character in the e-mail', { email: 'te\u001bst@exempel.se' }, ['input', 'email'], 'INVALID'],
    ['a NUL byte in the password', { password: `${PASSWORD}\u0000` }, ['input', 'password'], 'INVALID'],
    [
      'a control character in the party',
      { createParty: { ...networkParty('Kontroll'), networkParticipants: 'Alla\u0007' } },
      ['input', 'createParty', 'networkParticipants'],
      'INVALID',
    ],
    ['an unknown party to join', { joinPartyId: 'bm9wZQ' }, ['input', 'joinPartyId'], 'NOT_FOUND'],
    [
      'both a new party and one to join',
      { createParty: networkParty('Båda'), joinPartyId: 'bm9wZQ' },
      ['input'],
      'INVALID',
    ],
  ])('%s: a field error, nothing written', async (_what, change, field, code) => {
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(REGISTER, {
      input: { name: 'Testa', email: freshEmail(), password: PASSWORD, ...change },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.register.email).toBeNull();
    expect(res.data!.register.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await rowCounts(server, TABLES)).toEqual(before);
  });

  test('a taken organisationsnummer rolls the new account back too', async () => {
    const party = {
      name: 'Föreningen Ett',
      kind: 'NON_PROFIT_ASSOCIATION',
      organisationNumber: '802002-4280',
    };
    const first = await server.gql(REGISTER, {
      input: { name: 'A', email: freshEmail(), password: PASSWORD, createParty: party },
    });
    expect(first.data!.register.errors).toEqual([]);
    const before = await rowCounts(server, TABLES);
    const second = await server.gql(REGISTER, {
      input: {
        name: 'B',
        email: freshEmail(),
        password: PASSWORD,
        createParty: { ...party, name: 'Föreningen Två' },
      },
    });
    expect(second.data!.register.errors).toEqual([
      expect.objectContaining({ field: ['input', 'createParty', 'organisationNumber'], code: 'DUPLICATE' }),
    ]);
    expect(await rowCounts(server, TABLES)).toEqual(before);
  });
});

const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { sent errors { field code message retryAfterMinutes } } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { viewer { id email } errors { field code message } } }`;

describe('password reset', () => {
  test('the answer is the same for an unknown address, and no mail goes out', async () => {
    const unknown = freshEmail('okand');
    const res = await server.gql(REQUEST_RESET, { input: { email: unknown } });
    expect(res.data!.requestPasswordReset).toEqual({ sent: true, errors: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.messages.filter((m) => m.to.includes(unknown))).toEqual([]);
    expect(await sql('select 1 from account_token where email = ?', [unknown])).toEqual([]);
  });

  test('a mailed link sets a new password, ends every session (live ones close 4403) and signs in', async () => {
    const person = await registerPerson(server);
    const other = cookieFrom(
      await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }),
    );
    const live = await liveSocket(other);

    const res = await server.gql(REQUEST_RESET, { input: { email: person.email } });
    expect(res.data!.requestPasswordReset).toEqual({ sent: true, errors: [] });
    const mail = await mailbox.waitFor(person.email, /Återställ/);
    expect(mail.text.indexOf('Hej!')).toBeLessThan(mail.text.indexOf('In English'));
    expect(mail.text).toContain(`${PUBLIC_URL}/aterstall-losenord?token=`);
    const token = linkToken(mail, '/aterstall-losenord');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    expect(await sql('select 1 from account_token where token_hash = ?', [token])).toEqual([]);

    const weak = await server.gql(RESET, { input: { token, password: 'kort' } });
    expect(weak.data!.resetPassword.errors).toEqual([
      expect.objectContaining({ field: ['input', 'password'], code: 'WEAK_PASSWORD' }),
    ]);

    const newPassword = 'ett helt nytt lösenord';
    const reset = await server.gql(RESET, { input: { token, password: newPassword } });
    expect(reset.data!.resetPassword).toMatchObject({ viewer: { email: person.email }, errors: [] });
    expect(await live.closed).toBe(4403);
    expect((await server.gql(VIEWER, {}, person.cookie)).data!.viewer).toBeNull();
    expect((await server.gql(VIEWER, {}, other)).data!.viewer).toBeNull();
    const fresh = await server.gql(VIEWER, {}, cookieFrom(reset));
    expect(fresh.data!.viewer.sessions).toHaveLength(1);

    const oldPassword = await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect(oldPassword.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    const newOne = await server.gql(SIGN_IN, { input: { email: person.email, password: newPassword } });
    expect(newOne.data!.signIn.errors).toEqual([]);

    const again = await server.gql(RESET, { input: { token, password: 'ännu ett nytt lösenord' } });
    expect(again.data!.resetPassword.errors).toEqual([
      expect.objectContaining({ field: ['input', 'token'], code: 'INVALID_TOKEN' }),
    ]);
  });

  test.each([
    ['an expired token', -1000],
    ['a made-up token', null],
  ])('%s: INVALID_TOKEN, nothing changed', async (_what, expiresInMs) => {
    const person = await registerPerson(server);
    const token =
      expiresInMs === null
        ? 'A'.repeat(43)
        : await accountToken(server, AccountTokenPurpose.PASSWORD_RESET, {
            email: person.email,
            personId: person.personId,
            expiresInMs,
          });
    const before = await rowCounts(server, TABLES);
    const [hashBefore] = await sql('select password_hash from person where id = ?', [person.personId]);
    const res = await server.gql(RESET, { input: { token, password: 'ett helt nytt lösenord' } });
    expect(res.data!.resetPassword).toEqual({
      viewer: null,
      errors: [expect.objectContaining({ field: ['input', 'token'], code: 'INVALID_TOKEN' })],
    });
    expect(await rowCounts(server, TABLES)).toEqual(before);
    expect((await sql('select password_hash from person where id = ?', [person.personId]))[0]).toEqual(
      hashBefore,
    );
    expect((await server.gql(VIEWER, {}, person.cookie)).data!.viewer).not.toBeNull();
  });

  test('an invitation token does not reset a password', async () => {
    const { partyId } = await partyWithContact(server);
    const person = await registerPerson(server);
    const token = await accountToken(server, AccountTokenPurpose.INVITATION, {
      email: person.email,
      partyId,
    });
    const res = await server.gql(RESET, { input: { token, password: 'ett helt nytt lösenord' } });
    expect(res.data!.resetPassword.errors[0].code).toBe('INVALID_TOKEN');
  });

  test.each([
    ['a malformed e-mail', 'inte-en-adress', 'INVALID'],
    ['a missing e-mail', '', 'REQUIRED'],
  ])('%s: a field error', async (_what, email, code) => {
    const res = await server.gql(REQUEST_RESET, { input: { email } });
    expect(res.data!.requestPasswordReset).toEqual({
      sent: false,
      errors: [expect.objectContaining({ field: ['input', 'email'], code })],
    });
  });

  test('three requests an hour per account; the fourth is refused with the wait, and sends nothing', async () => {
    const person = await registerPerson(server);
    for (let i = 0; i < 3; i++) {
      const res = await server.gql(REQUEST_RESET, { input: { email: person.email } });
      expect(res.data!.requestPasswordReset.errors).toEqual([]);
    }
    await mailbox.waitFor(person.email, /Återställ/);
    await new Promise((r) => setTimeout(r, 300));
    const resets = () =>
      mailbox.messages.filter((m) => m.to.includes(person.email) && /Återställ/.test(m.subject)).length;
    const mails = resets();
    const tokens = await rowCounts(server, ['account_token']);
    const res = await server.gql(REQUEST_RESET, { input: { email: person.email.toUpperCase() } });
    expect(res.data!.requestPasswordReset).toEqual({
      sent: false,
      errors: [
        {
          field: ['input'],
          code: 'RATE_LIMITED',
          message: 'För många försök. Försök igen om 60 minuter.',
          retryAfterMinutes: 60,
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(resets()).toBe(mails);
    expect(await rowCounts(server, ['account_token'])).toEqual(tokens);
    await sql(`delete from rate_limit_attempt where key like 'reset:%'`);
  });

  test('ten requests an hour per address, whatever the accounts', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await server.gql(REQUEST_RESET, { input: { email: freshEmail('ip') } });
      expect(res.data!.requestPasswordReset.errors).toEqual([]);
    }
    const res = await server.gql(REQUEST_RESET, { input: { email: freshEmail('ip') } });
    expect(res.data!.requestPasswordReset.errors[0]).toMatchObject({ code: 'RATE_LIMITED' });
    await sql(`delete from rate_limit_attempt where key like 'reset:%'`);
  });
});

describe('sign-in rate limits', () => {
  /** The (address, account) pair's failures of the account whose ":<address>" is given twice. */
  const PAIR = `key like 'signin:pair:%' and right(key, length(?)) = ?`;
  test('five failures per account and address in 15 minutes; then even the right password waits; a success clears', async () => {
    const person = await registerPerson(server);
    for (let i = 0; i < 5; i++) {
      const res = await server.gql(SIGN_IN, { input: { email: person.email, password: 'fel lösenord' } });
      expect(res.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const sessions = await rowCounts(server, ['session']);
    const limited = await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect(limited.data!.signIn).toEqual({
      viewer: null,
      errors: [
        { field: ['input'], code: 'RATE_LIMITED', message: 'För många försök. Försök igen om 15 minuter.' },
      ],
    });
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect(await rowCounts(server, ['session'])).toEqual(sessions);

    // The oldest failure is now 11 minutes old: 4 minutes to wait.
    await sql(
      `update rate_limit_attempt set at = now() - interval '11 minutes' where id = (select min(id) from rate_limit_attempt where ${PAIR})`,
      [`:${person.email}`, `:${person.email}`],
    );
    const wait = await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect(wait.data!.signIn.errors[0].message).toBe('För många försök. Försök igen om 4 minuter.');

    await sql(`update rate_limit_attempt set at = now() - interval '16 minutes' where ${PAIR}`, [
      `:${person.email}`,
      `:${person.email}`,
    ]);
    const ok = await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect(ok.data!.signIn.errors).toEqual([]);
    expect(
      await sql(`select 1 from rate_limit_attempt where ${PAIR}`, [`:${person.email}`, `:${person.email}`]),
    ).toEqual([]);
  });

  test('twenty failures per address in 15 minutes, across accounts; then the address pauses', async () => {
    await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
    for (let i = 0; i < 20; i++) {
      const res = await server.gql(SIGN_IN, {
        input: { email: freshEmail('gissning'), password: 'fel lösenord' },
      });
      expect(res.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const res = await server.gql(SIGN_IN, {
      input: { email: DEMO_PEOPLE.member.email, password: DEMO_PASSWORD },
    });
    expect(res.data!.signIn.errors[0]).toMatchObject({ code: 'RATE_LIMITED' });
    await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
  });

  test('parallel guesses cannot outrun the count', async () => {
    const person = await registerPerson(server);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        server.gql(SIGN_IN, { input: { email: person.email, password: 'fel lösenord' } }),
      ),
    );
    const codes = results.map((r) => r.data!.signIn.errors[0].code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
  });
});

const INVITE = `mutation($input: InvitePartyMemberInput!) { invitePartyMember(input: $input) { invitation { email role expiresAt } errors { field code message } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id email name } party { id name } errors { field code message } } }`;

describe('invitations', () => {
  test('a contact invites by e-mail; signed out, the invited person creates the account and joins', async () => {
    const contact = await partyWithContact(server, 'Inbjudarna');
    const email = freshEmail('inbjuden');
    const res = await server.gql(INVITE, { input: { partyId: contact.partyId, email } }, contact.cookie);
    expect(res.data!.invitePartyMember.errors).toEqual([]);
    expect(res.data!.invitePartyMember.invitation.role).toBe('MEMBER');
    const days = (Date.parse(res.data!.invitePartyMember.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(14);

    const mail = await mailbox.waitFor(email, /Inbjudan/);
    expect(mail.text).toContain('Testa Person bjuder in dig');
    expect(mail.text).toContain('In English');
    const token = linkToken(mail, '/inbjudan');

    const missing = await server.gql(ACCEPT, { input: { token } });
    expect(missing.data!.acceptInvitation.errors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'REQUIRED' }),
      expect.objectContaining({ field: ['input', 'password'], code: 'REQUIRED' }),
    ]);

    const accepted = await server.gql(ACCEPT, { input: { token, name: 'Ida Inbjuden', password: PASSWORD } });
    expect(accepted.data!.acceptInvitation).toMatchObject({
      viewer: { email, name: 'Ida Inbjuden' },
      party: { id: contact.partyId },
      errors: [],
    });
    const viewer = await server.gql(VIEWER, {}, cookieFrom(accepted));
    expect(viewer.data!.viewer.email).toBe(email);
    const [row] = await sql(
      'select m.role, m.status from membership m join person p on p.id = m.person_id where p.email = ?',
      [email],
    );
    expect(row).toEqual({ role: 'MEMBER', status: 'ACTIVE' });

    const again = await server.gql(ACCEPT, { input: { token, name: 'Ida', password: PASSWORD } });
    expect(again.data!.acceptInvitation.errors[0]).toMatchObject({
      field: ['input', 'token'],
      code: 'INVALID_TOKEN',
    });
  });

  test('signed in, the viewer joins with the invited role; a pending request becomes active', async () => {
    const contact = await partyWithContact(server);
    const person = await registerPerson(server, { joinPartyId: contact.partyId });
    const res = await server.gql(
      INVITE,
      { input: { partyId: contact.partyId, email: person.email, role: 'CONTACT' } },
      contact.cookie,
    );
    expect(res.data!.invitePartyMember.errors).toEqual([]);
    const token = linkToken(await mailbox.waitFor(person.email, /Inbjudan/), '/inbjudan');
    const accepted = await server.gql(ACCEPT, { input: { token } }, person.cookie);
    expect(accepted.data!.acceptInvitation.errors).toEqual([]);
    expect(accepted.headers.get('set-cookie')).toBeNull();
    const [row] = await sql('select role, status from membership where person_id = ?', [person.personId]);
    expect(row).toEqual({ role: MembershipRole.CONTACT, status: MembershipStatus.ACTIVE });
  });

  test('signed out, an invited address that already has an account must sign in first', async () => {
    const contact = await partyWithContact(server);
    const person = await registerPerson(server);
    const token = await accountToken(server, AccountTokenPurpose.INVITATION, {
      email: person.email,
      partyId: contact.partyId,
    });
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(ACCEPT, { input: { token, name: 'Dubbel', password: PASSWORD } });
    expect(res.data!.acceptInvitation.errors).toEqual([
      expect.objectContaining({ field: ['input'], code: 'DUPLICATE' }),
    ]);
    expect(await rowCounts(server, TABLES)).toEqual(before);
  });

  test.each([
    ['an expired invitation', { expired: true }, ['input', 'token'], 'INVALID_TOKEN'],
    ['a made-up token', { token: 'B'.repeat(43) }, ['input', 'token'], 'INVALID_TOKEN'],
    ['a malformed token', { token: 'kort' }, ['input', 'token'], 'INVALID_TOKEN'],
    ['a short password', { password: 'kort' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ['a too long name', { name: 'x'.repeat(201) }, ['input', 'name'], 'TOO_LONG'],
  ])('accepting with %s: a field error, nothing written', async (_what, change, field, code) => {
    const contact = await partyWithContact(server);
    const { expired, ...input } = change as Record<string, unknown>;
    const token = await accountToken(server, AccountTokenPurpose.INVITATION, {
      email: freshEmail(),
      partyId: contact.partyId,
      expiresInMs: expired ? -1000 : undefined,
    });
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(ACCEPT, { input: { token, name: 'Namn', password: PASSWORD, ...input } });
    expect(res.data!.acceptInvitation.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await rowCounts(server, TABLES)).toEqual(before);
  });

  test.each([
    ['a malformed e-mail', { email: 'inte-en-adress' }, ['input', 'email'], 'INVALID'],
    ['a missing e-mail', { email: ' ' }, ['input', 'email'], 'REQUIRED'],
    ['a too long e-mail', { email: `${'a'.repeat(250)}@exempel.se` }, ['input', 'email'], 'TOO_LONG'],
    ['an active member', { member: true }, ['input', 'email'], 'DUPLICATE'],
    ['an unknown party', { partyId: 'bm9wZQ' }, ['input', 'partyId'], 'NOT_FOUND'],
  ])('inviting %s: a field error, nothing written or sent', async (_what, change, field, code) => {
    const contact = await partyWithContact(server);
    const { member, ...input } = change as Record<string, unknown>;
    // Welcome mails of the registrations above may still arrive; only invitations count here.
    const invitations = () => mailbox.messages.filter((m) => /^Inbjudan/.test(m.subject)).length;
    const mails = invitations();
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(
      INVITE,
      { input: { partyId: contact.partyId, email: member ? contact.email : freshEmail(), ...input } },
      contact.cookie,
    );
    expect(res.data!.invitePartyMember).toEqual({
      invitation: null,
      errors: [expect.objectContaining({ field, code })],
    });
    expect(await rowCounts(server, TABLES)).toEqual(before);
    expect(invitations()).toBe(mails);
  });
});

const DECIDE = `mutation($input: DecideMembershipRequestInput!) { decideMembershipRequest(input: $input) { party { id } errors { field code message } } }`;

describe('membership requests', () => {
  test('a contact approves or declines a request, once', async () => {
    const contact = await partyWithContact(server);
    const approved = await membershipRequest(server, contact.partyId);
    const declined = await membershipRequest(server, contact.partyId);
    const a = await server.gql(
      DECIDE,
      { input: { membershipId: approved.membershipId, approve: true } },
      contact.cookie,
    );
    expect(a.data!.decideMembershipRequest).toEqual({ party: { id: contact.partyId }, errors: [] });
    const d = await server.gql(
      DECIDE,
      { input: { membershipId: declined.membershipId, approve: false } },
      contact.cookie,
    );
    expect(d.data!.decideMembershipRequest.errors).toEqual([]);
    const rows = await sql('select id, status from membership where id in (?, ?)', [
      approved.uuid,
      declined.uuid,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [approved.uuid]: 'ACTIVE',
      [declined.uuid]: 'DECLINED',
    });
    const events = await sql(`select kind from live_event where topic = ? order by sequence`, [
      `party:${uuidOf(contact.partyId)}`,
    ]);
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['MEMBERSHIP_APPROVED', 'MEMBERSHIP_DECLINED']),
    );

    for (const [membershipId, approve] of [
      [approved.membershipId, false],
      [declined.membershipId, true],
    ] as const) {
      const res = await server.gql(DECIDE, { input: { membershipId, approve } }, contact.cookie);
      expect(res.data!.decideMembershipRequest.errors).toEqual([
        expect.objectContaining({ field: ['input', 'membershipId'], code: 'INVALID_TRANSITION' }),
      ]);
    }
  });

  test('an unknown request: NOT_FOUND, nothing written', async () => {
    const contact = await partyWithContact(server);
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(
      DECIDE,
      { input: { membershipId: 'bm9wZQ', approve: true } },
      contact.cookie,
    );
    expect(res.data!.decideMembershipRequest.errors).toEqual([
      expect.objectContaining({ field: ['input', 'membershipId'], code: 'NOT_FOUND' }),
    ]);
    expect(await rowCounts(server, TABLES)).toEqual(before);
  });
});

const END_SESSION = `mutation($input: EndSessionInput!) { endSession(input: $input) { endedSessionId errors { field code message } } }`;

describe('sessions', () => {
  test('the viewer lists their sessions and ends another one; its live connection closes with 4403', async () => {
    const person = await registerPerson(server);
    const laptop = cookieFrom(
      await server.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }),
    );
    const live = await liveSocket(laptop);

    const listed = await server.gql(VIEWER, {}, person.cookie);
    const sessions = listed.data!.viewer.sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;

    const res = await server.gql(END_SESSION, { input: { sessionId: other.id } }, person.cookie);
    expect(res.data!.endSession).toEqual({ endedSessionId: other.id, errors: [] });
    expect(await live.closed).toBe(4403);
    expect((await server.gql(VIEWER, {}, laptop)).data!.viewer).toBeNull();
    expect((await server.gql(VIEWER, {}, person.cookie)).data!.viewer.sessions).toHaveLength(1);
  });

  test("someone else's session is not found, and stays", async () => {
    const owner = await registerPerson(server);
    const intruder = await registerPerson(server);
    const [session] = (await server.gql(VIEWER, {}, owner.cookie)).data!.viewer.sessions;
    for (const sessionId of [session.id, 'bm9wZQ']) {
      const res = await server.gql(END_SESSION, { input: { sessionId } }, intruder.cookie);
      expect(res.data!.endSession).toEqual({
        endedSessionId: null,
        errors: [expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_FOUND' })],
      });
    }
    expect((await server.gql(VIEWER, {}, owner.cookie)).data!.viewer).not.toBeNull();
  });

  test('ending the current session signs this browser out', async () => {
    const person = await registerPerson(server);
    const [session] = (await server.gql(VIEWER, {}, person.cookie)).data!.viewer.sessions;
    const res = await server.gql(END_SESSION, { input: { sessionId: session.id } }, person.cookie);
    expect(res.data!.endSession.errors).toEqual([]);
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await server.gql(VIEWER, {}, person.cookie)).data!.viewer).toBeNull();
  });
});
