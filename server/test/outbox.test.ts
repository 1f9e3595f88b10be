import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { passwordResetMailKind } from '../src/accounts/account-mails.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { startTestServer, until, withClients, type TestServer } from './helpers.js';
import { startTestMailbox, testMailboxUrl, type TestMailbox } from './mail-helpers.js';
import { freePort, startEmbeddedServer } from './server-process.js';

const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { sent errors { code } } }`;
const RESET_SUBJECT = /Återställ/;

let server: TestServer | null = null;
let mailbox: TestMailbox | null = null;

afterEach(async () => {
  await server?.close();
  await mailbox?.close();
  server = null;
  mailbox = null;
});

/** The states of the outbox's jobs for mail to `to`. */
async function jobStates(
  query: (sql: string, params: unknown[]) => Promise<{ state: string }[]>,
  to: string,
) {
  return (await query(`select state from pgboss.job where data->>'to' = ?`, [to])).map((row) => row.state);
}

function inServer(running: TestServer) {
  return (sql: string, params: unknown[]) =>
    running.orm.em.fork().getConnection().execute<{ state: string }[]>(sql, params);
}

describe('the outbox', () => {
  test('a side effect of a rolled-back change is never carried out', async () => {
    mailbox = await startTestMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url });
    const running = server;
    const rolledBack = 'rolled-back@samverka.example';
    const committed = 'committed@samverka.example';
    await expect(
      running.orm.em.fork().transactional(async (tx) => {
        await running.outbox.record(tx, passwordResetMailKind, { to: rolledBack, token: 'never-sent' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await running.orm.em
      .fork()
      .transactional((tx) =>
        running.outbox.record(tx, passwordResetMailKind, { to: committed, token: 'sent' }),
      );

    await mailbox.waitFor(committed, RESET_SUBJECT);
    expect(mailbox.messages.filter((m) => m.to.includes(rolledBack))).toEqual([]);
    expect(await jobStates(inServer(running), rolledBack)).toEqual([]);
  });

  test('a mail the SMTP server could not take is retried and arrives once', async () => {
    const port = await freePort();
    server = await startTestServer({ SMTP_URL: testMailboxUrl(port) });
    const to = DEMO_PEOPLE.member.email;
    const res = await server.gql(REQUEST_RESET, { input: { email: to } });
    expect(res.data!.requestPasswordReset).toEqual({ sent: true, errors: [] });
    const states = inServer(server);
    await until(async () => (await jobStates(states, to)).includes('retry'), 20_000, 'a failed attempt');

    mailbox = await startTestMailbox(port);
    await mailbox.waitFor(to, RESET_SUBJECT, 30_000);
    await until(async () => (await jobStates(states, to)).includes('completed'), 20_000, 'completion');
    expect(mailbox.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });
});

describe('a server killed between commit and sending', () => {
  test('sends the mail once after it is started again', async () => {
    const port = await freePort();
    const first = await startEmbeddedServer({ SMTP_URL: testMailboxUrl(port) });
    const to = DEMO_PEOPLE.chair.email;
    try {
      const res = await withClients({ url: first.url } as never).gql(REQUEST_RESET, { input: { email: to } });
      expect(res.data!.requestPasswordReset).toEqual({ sent: true, errors: [] });
      const database = new pg.Client({ connectionString: await first.databaseUrl() });
      await database.connect();
      const query = async (sql: string, params: unknown[]) =>
        (await database.query<{ state: string }>(sql.replace('?', '$1'), params)).rows;
      await until(async () => (await jobStates(query, to)).includes('retry'), 30_000, 'a failed attempt');
      await database.end();

      first.child.kill('SIGKILL');
      await first.exited;
      mailbox = await startTestMailbox(port);
      const second = await first.restart();
      try {
        await mailbox.waitFor(to, RESET_SUBJECT, 60_000);
        const again = new pg.Client({ connectionString: await first.databaseUrl() });
        await again.connect();
        const states = async (sql: string, params: unknown[]) =>
          (await again.query<{ state: string }>(sql.replace('?', '$1'), params)).rows;
        await until(async () => (await jobStates(states, to)).includes('completed'), 30_000, 'completion');
        await again.end();
        expect(mailbox.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
        second.child.kill('SIGTERM');
        expect((await second.exited).code).toBe(0);
      } finally {
        if (second.child.exitCode === null) second.child.kill('SIGKILL');
      }
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      await first.remove();
    }
  }, 180_000);
});
