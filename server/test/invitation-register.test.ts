import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAction,
  InvitationKind,
  InvitationStatus,
  OccasionMode,
  PartyKind,
  ProcessStage,
} from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Party } from '../src/parties/party.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { liveMetrics } from '../src/live/live-hub.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { recordInvitationStep } from '../src/invitations/invitation-steps.js';
import { collect, startTestServer, until, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import { registerPerson, uuidOf } from './accounts-fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A query that bypasses the public answer cache (rows are written straight to the database here). */
async function ask<T = any>(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-cache',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

let counter = 0;
async function newParty(kind = PartyKind.NON_PROFIT_ASSOCIATION): Promise<Party> {
  const em = server.orm.em.fork();
  const party = em.create(Party, {
    name: `Dialogtestparten ${++counter} ${Date.now()}`,
    kind,
    description: 'En part för listans tester.',
    areasOfInterest: [],
  });
  await em.flush();
  return party;
}

type Fields = Partial<Omit<Invitation, 'party'>> & { title: string };
const DAY = 86_400_000;

/** Invitations of the party, published one minute apart in list order (the last is the newest). */
async function invitations(partyId: string, list: Fields[], occasionsEach = 0): Promise<Invitation[]> {
  const em = server.orm.em.fork();
  const start = Date.now() - list.length * 60_000;
  const created = list.map((fields, i) =>
    em.create(Invitation, {
      party: partyId,
      kind: InvitationKind.DIALOGUE,
      process: 'Ny kultur- och fritidsplan',
      stage: ProcessStage.INVESTIGATION,
      inputWanted: 'Vad behöver föreningarna?',
      contactName: 'Kim Kontakt',
      contactDetails: 'kim@example.org',
      status: InvitationStatus.PUBLISHED,
      publishedAt: new Date(start + i * 60_000),
      ...fields,
    }),
  );
  for (const invitation of created) {
    for (let n = 0; n < occasionsEach; n++) {
      em.create(InvitationOccasion, {
        invitation,
        startsAt: new Date(Date.now() + (10 + n) * DAY),
        endsAt: new Date(Date.now() + (10 + n) * DAY + 7_200_000),
        mode: OccasionMode.DIGITAL,
        link: 'https://example.org/mote',
        registrationClosesOn: '2099-01-01',
      });
    }
  }
  await em.flush();
  return created;
}

const LIST = `query($first: Int, $after: String, $search: String, $filter: InvitationRegisterFilterInput) {
  invitations(first: $first, after: $after, search: $search, filter: $filter) {
    totalCount liveCursor
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status kind lastDay registrationNumber party { name } occasions { id startsAt } } }
  }
}`;

interface Page {
  totalCount: number;
  liveCursor: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; title: string; lastDay: string | null } }[];
}

async function list(variables: Record<string, unknown>): Promise<Page> {
  const res = await ask<{ invitations: Page }>(LIST, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.invitations;
}
const titles = (page: Page) => page.edges.map((edge) => edge.node.title);

describe('the public list', () => {
  test('Swedish search: stemmed words, the process, a registration number; drafts are never found', async () => {
    const party = await newParty();
    const area = `sök-${Date.now()}`;
    await invitations(party.id, [
      {
        title: 'Samråd om idrottshallarna',
        areas: [area],
        kind: InvitationKind.CONSULTATION,
        responseDeadline: '2099-03-01',
        registrationNumber: 'Ks 4711/2026',
      },
      { title: 'Dialog om läxhjälp', areas: [area], process: 'Skolans lokaler efter skoltid' },
      { title: 'Utkast om idrottshallar', areas: [area], status: InvitationStatus.DRAFT, publishedAt: null },
    ]);
    const filter = { areas: [area] };
    expect(titles(await list({ search: 'idrottshall', filter }))).toEqual(['Samråd om idrottshallarna']);
    expect(titles(await list({ search: 'lokalerna', filter }))).toEqual(['Dialog om läxhjälp']);
    expect(titles(await list({ search: 'Ks 4711/2026' }))).toEqual(['Samråd om idrottshallarna']);
    expect(titles(await list({ search: 'läxhjälp -idrott', filter }))).toEqual(['Dialog om läxhjälp']);
    expect(titles(await list({ filter }))).toEqual(['Dialog om läxhjälp', 'Samråd om idrottshallarna']);
  });

  test('filters: kind, stage, side of the inviter, areas, last day and open', async () => {
    const association = await newParty();
    const department = await newParty(PartyKind.MUNICIPAL_DEPARTMENT);
    const area = `filter-${Date.now()}`;
    const concluding = (day: string) => new Date(`${day}T16:00:00Z`);
    await invitations(association.id, [
      { title: 'Föreningens dialog', areas: [area, 'idrott'], concludesAt: concluding('2099-05-10') },
      {
        title: 'Föreningens avslutade',
        areas: [area],
        status: InvitationStatus.CLOSED,
        stage: ProcessStage.DECISION,
        concludesAt: concluding('2099-01-10'),
      },
    ]);
    await invitations(department.id, [
      {
        title: 'Förvaltningens remiss',
        areas: [area, 'kultur'],
        kind: InvitationKind.CONSULTATION,
        stage: ProcessStage.PROPOSAL,
        responseDeadline: '2099-06-30',
        // A consultation's last day is its deadline, not when it concludes in Stockholm time.
        concludesAt: concluding('2099-07-01'),
      },
    ]);
    const only = (filter: Record<string, unknown>) => list({ filter: { areas: [area], ...filter } });
    expect(titles(await only({ kinds: ['CONSULTATION'] }))).toEqual(['Förvaltningens remiss']);
    expect(titles(await only({ stages: ['DECISION', 'PROPOSAL'] }))).toEqual([
      'Förvaltningens remiss',
      'Föreningens avslutade',
    ]);
    expect(titles(await only({ inviterSectors: ['MUNICIPAL'] }))).toEqual(['Förvaltningens remiss']);
    expect(titles(await only({ inviterSectors: ['CIVIL_SOCIETY'] }))).toEqual([
      'Föreningens avslutade',
      'Föreningens dialog',
    ]);
    expect(titles(await only({ open: true }))).toHaveLength(2);
    expect(titles(await only({ open: false }))).toEqual(['Föreningens avslutade']);
    expect(titles(await only({ deadlineFrom: '2099-05-10', deadlineTo: '2099-06-30' }))).toEqual([
      'Förvaltningens remiss',
      'Föreningens dialog',
    ]);
    expect(titles(await only({ deadlineTo: '2099-05-09' }))).toEqual(['Föreningens avslutade']);
    const remiss = await only({ kinds: ['CONSULTATION'] });
    expect(remiss.edges[0]!.node.lastDay).toBe('2099-06-30');
    expect((await only({ kinds: ['DIALOGUE'], open: true })).totalCount).toBe(1);
  });

  test('pages by keyset: an invitation published between two pages neither repeats nor hides a row', async () => {
    const party = await newParty();
    const area = `sidor-${Date.now()}`;
    await invitations(
      party.id,
      Array.from({ length: 5 }, (_, i) => ({ title: `Sida ${i}`, areas: [area] })),
    );
    const first = await list({ first: 2, filter: { areas: [area] } });
    expect(titles(first)).toEqual(['Sida 4', 'Sida 3']);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const em = server.orm.em.fork();
    em.create(Invitation, {
      party: party.id,
      kind: InvitationKind.DIALOGUE,
      title: 'Ny emellan',
      process: 'Processen',
      stage: ProcessStage.IDEA,
      inputWanted: 'Synpunkter',
      contactName: 'Kim',
      contactDetails: 'kim@example.org',
      status: InvitationStatus.PUBLISHED,
      publishedAt: new Date(),
      areas: [area],
    });
    await em.flush();
    const second = await list({ first: 2, after: first.pageInfo.endCursor, filter: { areas: [area] } });
    expect(titles(second)).toEqual(['Sida 2', 'Sida 1']);
    const third = await list({ first: 2, after: second.pageInfo.endCursor, filter: { areas: [area] } });
    expect(titles(third)).toEqual(['Sida 0']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(third.totalCount).toBe(6);

    const searched = await list({ first: 1, search: 'sida', filter: { areas: [area] } });
    const next = await list({
      first: 10,
      search: 'sida',
      after: searched.pageInfo.endCursor,
      filter: { areas: [area] },
    });
    expect(new Set([...titles(searched), ...titles(next)]).size).toBe(5);
  });

  test('bad arguments are refused: a forged cursor, a huge page, a long search', async () => {
    for (const variables of [{ after: 'bm90LWEtY3Vyc29y' }, { first: 1000 }, { search: 'x'.repeat(201) }]) {
      const res = await ask(LIST, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  test('costs the same SQL statements for 3 invitations as for 30, party and occasions included', async () => {
    const statementsFor = async (area: string) => {
      const before = sqlCounter.statements;
      const page = await list({ first: 50, filter: { areas: [area] } });
      expect(page.edges.length).toBeGreaterThanOrEqual(3);
      return sqlCounter.statements - before;
    };
    const few = await newParty();
    const many = await newParty();
    const fewArea = `få-${Date.now()}`;
    const manyArea = `många-${Date.now()}`;
    await invitations(
      few.id,
      Array.from({ length: 3 }, (_, i) => ({ title: `Få ${i}`, areas: [fewArea] })),
      2,
    );
    await invitations(
      many.id,
      Array.from({ length: 30 }, (_, i) => ({ title: `Många ${i}`, areas: [manyArea] })),
      2,
    );
    const three = await statementsFor(fewArea);
    const thirty = await statementsFor(manyArea);
    expect(thirty).toBe(three);
    // The page with its parties, the count, the occasions, and the live cursor's snapshot and topic.
    expect(three).toBeLessThanOrEqual(5);
  });
});

const PARTY_LIST = `query($partyId: ID!) {
  partyInvitations(partyId: $partyId) { totalCount liveCursor edges { node { id title status } } }
}`;

describe("a party's own list", () => {
  test('its members see its drafts; others are refused', async () => {
    const inviter = await joinedParty(server, 'Dialogföreningen');
    await invitations(uuidOf(inviter.partyId), [
      { title: 'Vårt utkast', status: InvitationStatus.DRAFT, publishedAt: null },
      { title: 'Vår inbjudan' },
    ]);
    const own = await ask(PARTY_LIST, { partyId: inviter.partyId }, inviter.cookie);
    expect(own.errors).toBeUndefined();
    expect(own.data.partyInvitations.totalCount).toBe(2);
    expect(own.data.partyInvitations.edges.map((e: any) => e.node.status).sort()).toEqual([
      'DRAFT',
      'PUBLISHED',
    ]);

    const other = await registerPerson(server);
    const refused = await ask(PARTY_LIST, { partyId: inviter.partyId }, other.cookie);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const coordinator = await server.signIn('coordinator');
    const notTheirs = await ask(PARTY_LIST, { partyId: inviter.partyId }, coordinator);
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const signedOut = await ask(PARTY_LIST, { partyId: inviter.partyId });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const published = own.data.partyInvitations.edges.find((e: any) => e.node.status === 'PUBLISHED');
    const FOLLOWS = `query($id: ID!) { invitation(id: $id) { viewerFollowsUp lastDay } }`;
    const followsUp = async (cookie?: string) =>
      (await ask(FOLLOWS, { id: published.node.id }, cookie)).data.invitation.viewerFollowsUp;
    expect(await followsUp(inviter.cookie)).toBe(true);
    expect(await followsUp(coordinator)).toBe(true);
    expect(await followsUp(other.cookie)).toBe(false);
    expect(await followsUp()).toBe(false);
  });
});

describe("a party's own list, measured", () => {
  test('costs the same SQL statements for 3 invitations as for 30', async () => {
    const few = await joinedParty(server, 'Fåföreningen');
    const many = await joinedParty(server, 'Mångaföreningen');
    await invitations(
      uuidOf(few.partyId),
      Array.from({ length: 3 }, (_, i) => ({ title: `Få ${i}` })),
      1,
    );
    await invitations(
      uuidOf(many.partyId),
      Array.from({ length: 30 }, (_, i) => ({ title: `Många ${i}` })),
      1,
    );
    const QUERY = `query($partyId: ID!) {
      partyInvitations(partyId: $partyId, first: 50) { totalCount edges { node { title lastDay party { name } occasions { id } } } }
    }`;
    const statementsFor = async (party: { partyId: string; cookie: string }, rows: number) => {
      await ask(QUERY, { partyId: party.partyId }, party.cookie);
      const before = sqlCounter.statements;
      const res = await ask(QUERY, { partyId: party.partyId }, party.cookie);
      expect(res.data.partyInvitations.edges).toHaveLength(rows);
      return sqlCounter.statements - before;
    };
    const three = await statementsFor(few, 3);
    const thirty = await statementsFor(many, 30);
    expect(thirty).toBe(three);
  });
});

/** Takes a step on the invitation as a service would: the status, then the step in the same transaction. */
async function step(id: string, action: InvitationAction, to?: InvitationStatus) {
  await server.orm.em.fork().transactional(async (tx) => {
    const invitation = await tx.findOneOrFail(Invitation, id);
    const fromStatus = invitation.status;
    if (to) {
      invitation.status = to;
      if (to === InvitationStatus.PUBLISHED) invitation.publishedAt = new Date();
    }
    await recordInvitationStep(tx, undefined, {
      invitation,
      action,
      fromStatus: to ? fromStatus : null,
      actorId: null,
    });
  });
}

describe('live', () => {
  test("anyone hears of a published invitation's steps on the list, never of a draft's", async () => {
    const party = await newParty();
    const [draft] = await invitations(party.id, [
      { title: 'Live-utkast', status: InvitationStatus.DRAFT, publishedAt: null },
    ]);
    const { liveCursor } = await list({ first: 0 });
    const client = server.ws();
    const subscribers = liveMetrics.subscribers;
    const watch = collect(
      client,
      'subscription($after: String) { invitationsChanged(after: $after) { cursor kind } }',
      {
        after: liveCursor,
      },
    );
    try {
      await until(() => liveMetrics.subscribers > subscribers, 5000, 'subscription');
      await step(draft!.id, InvitationAction.EDIT);
      await step(draft!.id, InvitationAction.PUBLISH, InvitationStatus.PUBLISHED);
      const [event] = await watch.waitFor(1);
      expect(event.invitationsChanged.kind).toBe('PUBLISH');
      expect(BigInt(event.invitationsChanged.cursor)).toBeGreaterThan(BigInt(liveCursor));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(watch.values).toHaveLength(1);
    } finally {
      watch.dispose();
      await client.dispose();
    }
  });

  const PAGE_LIVE = `subscription($id: ID!, $after: String) {
    invitationChanged(invitationId: $id, after: $after) { cursor kind invitation { id status title } }
  }`;

  test("the invitation's page hears each step with the invitation as it is now, and resumes after a cursor", async () => {
    const inviter = await joinedParty(server, 'Livepartens förening');
    const [invitation] = await invitations(uuidOf(inviter.partyId), [
      { title: 'Livesidan', status: InvitationStatus.DRAFT, publishedAt: null },
    ]);
    const id = toGlobalId('Invitation', invitation!.id);
    const start = await ask(`query($id: ID!) { invitation(id: $id) { liveCursor } }`, { id }, inviter.cookie);
    const client = server.ws(inviter.cookie);
    const subscribers = liveMetrics.subscribers;
    const watch = collect(client, PAGE_LIVE, { id, after: start.data.invitation.liveCursor });
    await until(() => liveMetrics.subscribers > subscribers, 5000, 'subscription');
    await step(invitation!.id, InvitationAction.PUBLISH, InvitationStatus.PUBLISHED);
    const [published] = await watch.waitFor(1);
    expect(published.invitationChanged).toMatchObject({
      kind: 'PUBLISH',
      invitation: { id, status: 'PUBLISHED', title: 'Livesidan' },
    });
    watch.dispose();
    await client.dispose();

    await step(invitation!.id, InvitationAction.CLOSE_REGISTRATION, InvitationStatus.REGISTRATION_CLOSED);
    const again = server.ws();
    const resumed = collect(again, PAGE_LIVE, { id, after: published.invitationChanged.cursor });
    const [replayed] = await resumed.waitFor(1);
    expect(replayed.invitationChanged).toMatchObject({
      kind: 'CLOSE_REGISTRATION',
      invitation: { status: 'REGISTRATION_CLOSED' },
    });
    resumed.dispose();
    await again.dispose();
  });

  test("another party's draft is refused as not found; another party's list is forbidden", async () => {
    const inviter = await joinedParty(server, 'Utkastföreningen');
    const [draft] = await invitations(uuidOf(inviter.partyId), [
      { title: 'Hemligt utkast', status: InvitationStatus.DRAFT, publishedAt: null },
    ]);
    const other = await registerPerson(server);
    const client = server.ws(other.cookie);
    const watch = collect(client, PAGE_LIVE, { id: toGlobalId('Invitation', draft!.id) });
    const party = collect(
      client,
      'subscription($partyId: ID!) { partyInvitationsChanged(partyId: $partyId) { kind } }',
      { partyId: inviter.partyId },
    );
    await until(() => watch.errors.length > 0 && party.errors.length > 0, 5000, 'refusals');
    expect(JSON.stringify(watch.errors)).toContain('NOT_FOUND');
    expect(JSON.stringify(party.errors)).toContain('FORBIDDEN');
    watch.dispose();
    party.dispose();
    await client.dispose();
  });

  test("a party's members hear of their drafts on their own list", async () => {
    const inviter = await joinedParty(server, 'Listföreningen');
    const [draft] = await invitations(uuidOf(inviter.partyId), [
      { title: 'Eget utkast', status: InvitationStatus.DRAFT, publishedAt: null },
    ]);
    const start = await ask(PARTY_LIST, { partyId: inviter.partyId }, inviter.cookie);
    const client = server.ws(inviter.cookie);
    const subscribers = liveMetrics.subscribers;
    const watch = collect(
      client,
      'subscription($partyId: ID!, $after: String) { partyInvitationsChanged(partyId: $partyId, after: $after) { kind } }',
      { partyId: inviter.partyId, after: start.data.partyInvitations.liveCursor },
    );
    try {
      await until(() => liveMetrics.subscribers > subscribers, 5000, 'subscription');
      await step(draft!.id, InvitationAction.EDIT);
      const [event] = await watch.waitFor(1);
      expect(event.partyInvitationsChanged.kind).toBe('EDIT');
    } finally {
      watch.dispose();
      await client.dispose();
    }
  });
});
