import { MailCatcher, type CaughtMail } from '../src/mail/mail-catcher.js';

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
export function linkToken(mail: CaughtMail, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1]!;
}
