import { Person } from '../src/accounts/person.entity.js';
import { hashPassword } from '../src/accounts/password.js';
import { DEMO_PASSWORD } from '../src/seed/demo-data.js';
import { cookieFrom, type TestServer } from './helpers.js';

const HOUR = 3600 * 1000;

/** An account made straight in the database (no mail), signed in. */
export async function account(server: TestServer, name: string, email: string) {
  const em = server.orm.em.fork();
  const person = em.create(Person, { name, email, passwordHash: await hashPassword(DEMO_PASSWORD) });
  await em.flush();
  const res = await server.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return { id: person.id, email, cookie: cookieFrom(res) };
}

export async function forumIds(server: TestServer) {
  const res = await server.gql('{ forums(first: 3) { edges { node { id slug } } } }');
  const forums = res.data!.forums.edges.map((edge: any) => edge.node);
  return { council: forums[0].id as string, other: forums[1].id as string };
}

/** Valid details of a meeting a week from now. */
export function details(chairId: string, adjusterIds: string[], days = 7) {
  const startsAt = new Date(Date.now() + days * 24 * HOUR);
  return {
    title: 'Extra sammanträde',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    location: 'Rådhuset, Drottninggatan 9',
    accessibility: 'Entré i gatuplan, hörslinga.',
    digitalLink: 'https://mote.example/rad',
    chairId,
    adjusterIds,
  };
}

export const MEETING_FIELDS = `id version status title startsAt endsAt location accessibility digitalLink
  cancelledAt cancellationReason chair { id name } adjusters { id name }
  agenda { id position title kind presenter plannedMinutes description activity { id } }`;

export async function createMeeting(server: TestServer, cookie: string, input: Record<string, unknown>) {
  return server.gql(
    `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { ${MEETING_FIELDS} } errors { field code message max } } }`,
    { input },
    cookie,
  );
}

/** Runs a planning mutation by name with its input type named after it. */
export function plan(server: TestServer, mutation: string, input: Record<string, unknown>, cookie?: string) {
  const inputType = mutation[0]!.toUpperCase() + mutation.slice(1) + 'Input';
  const payload = /Standard|Convener/.test(mutation) ? 'forum { id }' : `meeting { ${MEETING_FIELDS} }`;
  return server.gql(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${payload} errors { field code message max } } }`,
    { input },
    cookie,
  );
}
