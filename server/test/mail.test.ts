import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startTestServer, until, type TestServer } from './helpers.js';
import { expectInvitationKeptForRetry, linkToken, startTestMailbox } from './mail-helpers.js';
import { freshEmail, partyWithContact, registerPerson } from './accounts-fixtures.js';

const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { sent errors { code } } }`;

describe('with MAIL_CATCHER=true (the demo): mail is caught locally and shown at /dev/mail', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAIL_CATCHER: 'true' });
  });
  afterAll(() => server?.close());

  test('a reset mail is caught, listed as JSON and on an accessible page, with a link to this server', async () => {
    const person = await registerPerson(server);
    const res = await server.gql(REQUEST_RESET, { input: { email: person.email } });
    expect(res.data!.requestPasswordReset).toEqual({ sent: true, errors: [] });
    let messages: { to: string[]; subject: string; text: string }[] = [];
    const isReset = (m: { to: string[]; subject: string }) =>
      m.to.includes(person.email) && /^Återställ/.test(m.subject);
    for (let i = 0; i < 100 && !messages.some(isReset); i++) {
      await new Promise((r) => setTimeout(r, 50));
      messages = (
        (await (await fetch(`${server.url}/dev/mail.json`)).json()) as { messages: typeof messages }
      ).messages;
    }
    const mail = messages.find(isReset)!;
    expect(mail.subject).toMatch(/^Återställ ditt lösenord/);
    expect(mail.text).toContain(`${server.url}/aterstall-losenord?token=`);
    expect(linkToken(mail, '/aterstall-losenord')).toHaveLength(43);

    const page = await fetch(`${server.url}/dev/mail`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>');
    expect(html).toContain(`<a href="${server.url}/aterstall-losenord?token=`);
    expect(html).toContain(person.email);
  });

  test('mail text is escaped on the page', async () => {
    const contact = await partyWithContact(server, '<script>alert(1)</script>');
    const res = await server.gql(
      `mutation($input: InvitePartyMemberInput!) { invitePartyMember(input: $input) { errors { code } } }`,
      { input: { partyId: contact.partyId, email: freshEmail() } },
      contact.cookie,
    );
    expect(res.data!.invitePartyMember.errors).toEqual([]);
    let html = '';
    await until(async () => {
      html = await (await fetch(`${server.url}/dev/mail`)).text();
      return html.includes('Inbjudan till');
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('with SMTP_URL', () => {
  test('mail goes to the relay with its credentials, and there is no /dev/mail', async () => {
    const mailbox = await startTestMailbox();
    const server = await startTestServer({
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Samverka Test <test@samverka.example>',
    });
    try {
      const person = await registerPerson(server);
      await server.gql(REQUEST_RESET, { input: { email: person.email } });
      const mail = await mailbox.waitFor(person.email);
      expect(mail.from).toBe('test@samverka.example');
      const json = await fetch(`${server.url}/dev/mail.json`, { headers: { accept: 'application/json' } });
      expect(json.status).toBe(404);
    } finally {
      await server.close();
      await mailbox.close();
    }
  });

  test('a relay that refuses the credentials: the invitation is recorded and its mail kept for a retry', async () => {
    const mailbox = await startTestMailbox();
    const wrong = mailbox.url.replace('test-smtp-password', 'wrong');
    const server = await startTestServer({ SMTP_URL: wrong });
    try {
      await expectInvitationKeptForRetry(server);
      expect(mailbox.messages).toEqual([]);
    } finally {
      await server.close();
      await mailbox.close();
    }
  });
});

describe('configuration', () => {
  test.each([
    [{ SMTP_URL: 'mail.example:25' }, /SMTP_URL/],
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ PUBLIC_URL: 'samverka.example' }, /PUBLIC_URL/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
  ])('%o is refused with one line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Samverka <noreply@samverka.example>',
      publicUrl: undefined,
      trustProxy: 0,
    });
  });
});
