import { expect } from 'vitest';
import { MailCatcher, type CaughtMail } from '../src/mail/mail-catcher.js';
import { until, type TestServer } from './helpers.js';
import { freshEmail, partyWithContact } from './accounts-fixtures.js';

/**
 * A real SMTP server in the test process (smtp-server), with a password, so the server under test sends
 * through nodemailer exactly as to a production relay: startTestServer({ SMTP_URL: mailbox.url }).
 */
export async function startTestMailbox(port = 0) {
  const credentials = { user: 'samverka', pass: 'test-smtp-password' };
  const catcher = new MailCatcher({ credentials, keep: 1000 });
  await catcher.start(port);
  return {
    url: testMailboxUrl(catcher.port),
    messages: catcher.messages,
    /** The first mail to `to` (received so far or later) whose subject matches. */
    waitFor(to: string, subject: RegExp = /./, timeoutMs?: number): Promise<CaughtMail> {
      return catcher.waitFor((mail) => mail.to.includes(to) && subject.test(mail.subject), timeoutMs);
    },
    close: () => catcher.close(),
  };
}

/** The SMTP_URL of a test mailbox on this port, which may not be listening yet. */
export function testMailboxUrl(port: number): string {
  return `smtp://samverka:test-smtp-password@127.0.0.1:${port}`;
}

export type TestMailbox = Awaited<ReturnType<typeof startTestMailbox>>;

/** The token of the link to `path` in a mail. */
export function linkToken(mail: Pick<CaughtMail, 'text'>, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1]!;
}

/**
 * A party's contact invites someone while mail cannot go out: the invitation is recorded all the same, and
 * its mail waits in the outbox for a retry instead of vanishing.
 */
export async function expectInvitationKeptForRetry(server: TestServer): Promise<void> {
  const contact = await partyWithContact(server);
  const res = await server.gql(
    `mutation($input: InvitePartyMemberInput!) { invitePartyMember(input: $input) { errors { code } } }`,
    { input: { partyId: contact.partyId, email: freshEmail() } },
    contact.cookie,
  );
  expect(res.data!.invitePartyMember.errors).toEqual([]);
  const connection = server.orm.em.fork().getConnection();
  const [row] = await connection.execute(
    `select count(*)::int as n from account_token where purpose = 'INVITATION'`,
  );
  expect(row?.n).toBe(1);
  await until(
    async () =>
      (
        await connection.execute(
          `select 1 from pgboss.job where name = 'accounts.invitation-mail' and state = 'retry'`,
        )
      ).length === 1,
  );
}
