import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logger.js';
import { MailCatcher } from './mail-catcher.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the mail, such as a notice's .ics invitation. */
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…. */
  smtpUrl: string | undefined;
  /** Without smtpUrl: catch mail locally (the demo); otherwise mail is not sent: every send fails, and the outbox keeps retrying it. */
  catchMail: boolean;
  /** The sender, e.g. "Samverka <noreply@samverka.example>". */
  from: string;
  /** Base of links in mails; absent: the server's own address once it listens. */
  publicUrl: string | undefined;
}

/** Sends mail over SMTP with nodemailer; the outbox's mail side effects go through it. */
export class Mailer {
  private publicUrl: string;

  private constructor(
    /** Null when mail is not configured: sending fails, so that no mail is dropped without a trace. */
    private readonly transport: Transporter | null,
    /** The sender, e.g. "Samverka <noreply@samverka.example>"; also the organizer of notices' invitations. */
    readonly from: string,
    publicUrl: string | undefined,
    /** Set when mail is caught locally (MAIL_CATCHER): what /dev/mail shows. */
    readonly catcher: MailCatcher | null,
    private readonly log: Logger,
  ) {
    this.publicUrl = publicUrl ?? '';
  }

  static async create(options: MailerOptions, log: Logger): Promise<Mailer> {
    if (options.smtpUrl) {
      return new Mailer(
        nodemailer.createTransport(options.smtpUrl),
        options.from,
        options.publicUrl,
        null,
        log,
      );
    }
    if (!options.catchMail) {
      log.warn(
        'mail is not sent: SMTP_URL is not set, so password resets, invitations and notices wait in the outbox, retried, until it is (MAIL_CATCHER=true keeps mail locally for a demo)',
      );
      return new Mailer(null, options.from, options.publicUrl, null, log);
    }
    const catcher = new MailCatcher({
      onMail: (mail) => log.info({ subject: mail.subject }, 'mail caught (not sent out)'),
    });
    const port = await catcher.start();
    log.info({ port }, 'MAIL_CATCHER: mail is caught locally and shown at /dev/mail to this machine only');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    return new Mailer(transport, options.from, options.publicUrl, catcher, log);
  }

  /** Used when PUBLIC_URL is not set: the address the server listens on, known only after listen. */
  useDefaultPublicUrl(url: string): void {
    if (!this.publicUrl) this.publicUrl = url;
  }

  /** An absolute link into the client, e.g. link('/inbjudan', { token }). */
  link(pathname: string, params: Record<string, string>): string {
    const url = new URL(
      pathname.replace(/^\//, ''),
      this.publicUrl.endsWith('/') ? this.publicUrl : `${this.publicUrl}/`,
    );
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) throw new Error('mail is not configured: set SMTP_URL');
    await this.transport.sendMail({ from: this.from, ...message });
  }

  async close(): Promise<void> {
    this.transport?.close();
    await this.catcher?.close();
  }
}
