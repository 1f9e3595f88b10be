import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import { PORT, SMTP_PORT } from './server.js';

/**
 * The specs' mailbox: a real SMTP server, started by the global setup in Playwright's runner process, that the
 * server under test sends to exactly as to a relay. Specs run in worker processes, so each mail it receives
 * is written as a JSON file that `waitForMail` reads.
 */
const DIR = path.join(os.tmpdir(), `samverka-e2e-mail-${PORT}`);

/** A mail as the mailbox received it; attachments as text (an .ics is text). */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? '')).filter(Boolean);
}

let server: SMTPServer | null = null;

export async function startMailbox(): Promise<void> {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  let count = 0;
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'samverka' && auth.password === 'e2e-smtp-password') {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? '',
              contentType: attachment.contentType,
              content: attachment.content.toString('utf8'),
            })),
          };
          fs.writeFileSync(path.join(DIR, `${String(++count).padStart(5, '0')}.json`), JSON.stringify(mail));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(SMTP_PORT, '127.0.0.1', () => resolve());
  });
}

export async function stopMailbox(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  fs.rmSync(DIR, { recursive: true, force: true });
}

/** The first mail to `to` whose subject matches, waiting for it to arrive (the outbox sends after commit). */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<ReceivedMail> {
  const start = Date.now();
  for (;;) {
    for (const file of fs.existsSync(DIR) ? fs.readdirSync(DIR).sort() : []) {
      const mail = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as ReceivedMail;
      if (mail.to.includes(to) && subject.test(mail.subject)) return mail;
    }
    if (Date.now() - start > timeoutMs) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
