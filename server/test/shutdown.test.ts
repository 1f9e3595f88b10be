import WebSocket from 'ws';
import { afterEach, describe, expect, test } from 'vitest';
import { until, upcomingMeeting, withClients } from './helpers.js';
import { alive, postGraphQL, startEmbeddedServer } from './server-process.js';

type Server = Awaited<ReturnType<typeof startEmbeddedServer>>;
let server: Server | null = null;

afterEach(async () => {
  if (server && server.child.exitCode === null) {
    const postmaster = await server.postmasterPid().catch(() => null);
    server.child.kill('SIGKILL');
    await server.exited;
    // The watchdog stops the orphaned PostgreSQL within seconds; removing its folder before that races its writes.
    if (postmaster) await until(() => !alive(postmaster), 20_000, 'the postmaster to stop');
  }
  await server?.remove();
  server = null;
});

/** A signed-in chair and the meeting in progress that the burst acts on. */
async function chairWithMeeting(url: string) {
  const client = withClients({ url } as never);
  const cookie = await client.signIn('chair');
  const meeting = await upcomingMeeting(client, cookie);
  const started = await client.gql(
    'mutation($input: MeetingActionInput!) { startMeeting(input: $input) { errors { code } } }',
    { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
    cookie,
  );
  expect(started.data!.startMeeting.errors).toEqual([]);
  return { cookie, meeting: { ...meeting, version: meeting.version + 1 } };
}

/** A socket that has said connection_init and been acknowledged; resolves its close code. */
async function liveSocket(url: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.on('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise((resolve) => socket.once('message', resolve));
  return { socket, closed };
}

describe('SIGTERM with requests in flight', () => {
  test('every request gets a complete answer, none a 500 or a reset, and the process exits 0', async () => {
    server = await startEmbeddedServer();
    const { cookie, meeting } = await chairWithMeeting(server.url);
    const postmaster = await server.postmasterPid();
    const { closed } = await liveSocket(server.url);

    const burst = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? postGraphQL(
            server!.url,
            `mutation { makeAgendaItemCurrent(input: { meetingId: "${meeting.id}", expectedVersion: ${meeting.version}, agendaItemId: "${meeting.agenda[i % meeting.agenda.length]!.id}" }) { meeting { version } errors { code } } }`,
            cookie,
          )
        : postGraphQL(
            server!.url,
            `{ viewer { id name } meeting(id: "${meeting.id}") { status agenda { id status } } }`,
            cookie,
          ),
    );
    // The first answer shows the burst has reached the server; the rest are in flight when SIGTERM arrives.
    await Promise.race(burst);
    server.child.kill('SIGTERM');
    const answers = await Promise.all(burst);
    const run = await server.exited;

    for (const answer of answers) {
      if (typeof answer.outcome === 'string') expect(answer.outcome).toBe('ECONNREFUSED');
      else {
        expect(answer.outcome, answer.body).toBe(200);
        expect(JSON.parse(answer.body).errors).toBeUndefined();
      }
    }
    expect(answers.filter((a) => a.outcome === 200).length).toBeGreaterThan(1);
    expect(run.code, run.stderr).toBe(0);
    expect(await closed).toBe(1001);
    expect(alive(postmaster)).toBe(false);
  }, 120_000);
});

describe('the embedded PostgreSQL', () => {
  test('killed under a running server is restarted; live sockets close with 1012 and the server serves again', async () => {
    server = await startEmbeddedServer();
    const client = withClients({ url: server.url } as never);
    const cookie = await client.signIn('chair');
    const { closed } = await liveSocket(server.url);
    const postmaster = await server.postmasterPid();

    process.kill(postmaster, 'SIGKILL');
    expect(await closed).toBe(1012);
    await until(
      async () => (await fetch(`${server!.url}/readyz`).catch(() => null))?.ok === true,
      60_000,
      'ready again',
    );
    expect(await server.postmasterPid()).not.toBe(postmaster);
    const answer = await client.gql('{ viewer { name } forums { totalCount } }', {}, cookie);
    expect(answer.status).toBe(200);
    expect(answer.data!.viewer.name).toBeTruthy();
    expect(answer.data!.forums.totalCount).toBe(12);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);

  test('does not outlive a server killed with SIGKILL by more than a few seconds', async () => {
    server = await startEmbeddedServer();
    const postmaster = await server.postmasterPid();
    server.child.kill('SIGKILL');
    await server.exited;
    await until(() => !alive(postmaster), 10_000, 'the postmaster to stop');
  }, 120_000);
});
