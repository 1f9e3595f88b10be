import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';

/** A message as the catcher received it over SMTP. */
export interface CaughtMail {
  /** Running number, from 1. */
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Attached files, their content as UTF-8 text (the catcher keeps small text files such as .ics). */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailCatcherOptions {
  /** Messages kept; older ones are dropped. */
  keep?: number;
  /** When set, clients must authenticate with these (AUTH PLAIN/LOGIN over the plain connection). */
  credentials?: { user: string; pass: string };
  /** Called for every message received. */
  onMail?: (mail: CaughtMail) => void;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? '')).filter(Boolean);
}

/**
 * A real SMTP server on loopback that keeps what it receives instead of delivering it: the demo's mail
 * (nothing leaves the machine) and the tests' mailbox. Nodemailer talks to it exactly as to a real relay.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  private readonly server: SMTPServer;
  private readonly keep: number;
  private nextId = 1;
  private listeners = new Set<() => void>();
  port = 0;

  constructor(private readonly options: MailCatcherOptions = {}) {
    this.keep = options.keep ?? 50;
    const credentials = options.credentials;
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !credentials,
      allowInsecureAuth: true,
      size: 1024 * 1024,
      logger: false,
      onAuth(auth, _session, callback) {
        if (credentials && auth.username === credentials.user && auth.password === credentials.pass) {
          callback(null, { user: auth.username });
        } else callback(new Error('Invalid username or password'));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.store({
              id: this.nextId++,
              receivedAt: new Date(),
              from: addresses(parsed.from)[0] ?? '',
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              attachments: parsed.attachments.map((attachment) => ({
                filename: attachment.filename ?? '',
                contentType: attachment.contentType,
                content: attachment.content.toString('utf8'),
              })),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  private store(mail: CaughtMail) {
    this.messages.push(mail);
    if (this.messages.length > this.keep) this.messages.splice(0, this.messages.length - this.keep);
    this.options.onMail?.(mail);
    for (const listener of this.listeners) listener();
  }

  /** Listens on 127.0.0.1, on a free port unless one is given. */
  start(port = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  /** Resolves with the first message (received now or later) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs = 10_000): Promise<CaughtMail> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error('timed out waiting for mail'));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
