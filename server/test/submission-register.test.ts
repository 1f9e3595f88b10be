import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PartyKind,
  PrincipleKey,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
} from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Party } from '../src/parties/party.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { seedDemoSubmissions } from '../src/submissions/submission-register.seed.js';
import { recordSubmissionStep } from '../src/submissions/submission-steps.js';
import { SubmissionAction } from '@samverka/domain';
import { collect, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A signed-out query that bypasses the public answer cache (rows are written straight to the database here). */
async function ask<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

let partyCount = 0;
async function newParty(): Promise<Party> {
  const em = server.orm.em.fork();
  const party = em.create(Party, {
    name: `Registertestföreningen ${++partyCount} ${Date.now()}`,
    kind: PartyKind.NON_PROFIT_ASSOCIATION,
    description: 'En förening för registrets tester.',
    areasOfInterest: [],
  });
  await em.flush();
  return party;
}

type MatterFields = Partial<Omit<Submission, 'party'>> & { title: string };
async function matters(party: Party, list: MatterFields[]): Promise<Submission[]> {
  const em = server.orm.em.fork();
  const created = list.map((fields) =>
    em.create(Submission, {
      party: party.id,
      kind: SubmissionKind.QUESTION,
      description: 'Beskrivning av ärendet.',
      status: SubmissionStatus.SUBMITTED,
      submittedAt: new Date(),
      ...fields,
    }),
  );
  await em.flush();
  return created;
}

const LIST = `query($first: Int, $after: String, $search: String, $filter: SubmissionRegisterFilterInput, $orderBy: SubmissionOrderInput) {
  submissions(first: $first, after: $after, search: $search, filter: $filter, orderBy: $orderBy) {
    totalCount countsByStatus { status count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status kind registrationNumber viewerCanSeeContent party { name } } }
  }
}`;

interface ListAnswer {
  submissions: {
    totalCount: number;
    countsByStatus: { status: SubmissionStatus; count: number }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        id: string;
        title: string | null;
        status: SubmissionStatus;
        registrationNumber: string | null;
        party: { name: string } | null;
      };
    }[];
  };
}

const list = (variables: Record<string, unknown>) =>
  ask<ListAnswer>(LIST, variables).then((d) => d.submissions);
const titles = (page: ListAnswer['submissions']) => page.edges.map((edge) => edge.node.title);

describe('the public register', () => {
  test('Swedish search: a stemmed word finds its inflected forms, a registration number finds its matter', async () => {
    const party = await newParty();
    const partyId = toGlobalId('Party', party.id);
    await matters(party, [
      {
        title: 'Kvällstider för föreningarnas lokaler',
        registrationNumber: 'SR 914/2026',
        registrationSeries: 'SR',
        registrationYear: 2026,
        registrationSequence: 914,
      },
      { title: 'Bidrag till läxhjälp', description: 'Om bidragen till föreningarnas läxhjälp.' },
    ]);
    expect(titles(await list({ search: 'lokal', filter: { partyId } }))).toEqual([
      'Kvällstider för föreningarnas lokaler',
    ]);
    expect(titles(await list({ search: 'lokalerna', filter: { partyId } }))).toEqual([
      'Kvällstider för föreningarnas lokaler',
    ]);
    expect(titles(await list({ search: 'SR 914/2026' }))).toEqual(['Kvällstider för föreningarnas lokaler']);
    expect(titles(await list({ search: 'läxhjälp -lokal', filter: { partyId } }))).toEqual([
      'Bidrag till läxhjälp',
    ]);
    expect((await list({ search: 'kvällstider' })).totalCount).toBeGreaterThanOrEqual(1);
  });

  test('never lists drafts; filters narrow the list and the counts per status ignore only the status filter', async () => {
    const party = await newParty();
    const partyId = toGlobalId('Party', party.id);
    await matters(party, [
      { title: 'Utkast', status: SubmissionStatus.DRAFT, submittedAt: null },
      { title: 'Hinder A', kind: SubmissionKind.OBSTACLE, principles: [PrincipleKey.DIALOGUE] },
      { title: 'Hinder B', kind: SubmissionKind.OBSTACLE, status: SubmissionStatus.REGISTERED },
      {
        title: 'Fråga C',
        status: SubmissionStatus.REGISTERED,
        principles: [PrincipleKey.OPENNESS, PrincipleKey.DIALOGUE],
      },
      {
        title: 'Förslag 2019',
        kind: SubmissionKind.PROPOSAL,
        submittedAt: new Date('2019-06-01T10:00:00Z'),
        status: SubmissionStatus.CLOSED,
      },
    ]);
    const all = await list({ filter: { partyId } });
    expect(all.totalCount).toBe(4);
    expect(titles(all)).not.toContain('Utkast');

    const obstacles = await list({ filter: { partyId, kinds: ['OBSTACLE'] } });
    expect(titles(obstacles).sort()).toEqual(['Hinder A', 'Hinder B']);

    const registered = await list({ filter: { partyId, statuses: ['REGISTERED'] } });
    expect(titles(registered).sort()).toEqual(['Fråga C', 'Hinder B']);
    expect(registered.totalCount).toBe(2);
    const count = (status: string) => registered.countsByStatus.find((row) => row.status === status)!.count;
    expect([count('SUBMITTED'), count('REGISTERED'), count('CLOSED')]).toEqual([1, 2, 1]);
    expect(registered.countsByStatus.map((row) => row.status)).not.toContain('DRAFT');

    expect(titles(await list({ filter: { partyId, principles: ['DIALOGUE'] } })).sort()).toEqual([
      'Fråga C',
      'Hinder A',
    ]);
    expect(titles(await list({ filter: { partyId, year: 2019 } }))).toEqual(['Förslag 2019']);
    expect(titles(await list({ filter: { partyId, kinds: ['OBSTACLE'], statuses: ['SUBMITTED'] } }))).toEqual(
      ['Hinder A'],
    );
  });

  test('orders by the chosen key, ties broken by id', async () => {
    const party = await newParty();
    const partyId = toGlobalId('Party', party.id);
    const at = new Date('2026-03-01T09:00:00Z');
    await matters(party, [
      {
        title: 'SR 3',
        registrationYear: 2026,
        registrationSequence: 903,
        registrationNumber: 'SR 903/2026',
        submittedAt: at,
      },
      {
        title: 'SR 1',
        registrationYear: 2026,
        registrationSequence: 901,
        registrationNumber: 'SR 901/2026',
        submittedAt: at,
      },
      {
        title: 'SR 2',
        registrationYear: 2026,
        registrationSequence: 902,
        registrationNumber: 'SR 902/2026',
        submittedAt: at,
      },
    ]);
    const byNumber = await list({
      filter: { partyId },
      orderBy: { field: 'REGISTRATION_NUMBER', direction: 'ASC' },
    });
    expect(titles(byNumber)).toEqual(['SR 1', 'SR 2', 'SR 3']);
    const uuids = (
      await list({ filter: { partyId }, orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' } })
    ).edges.map((edge) => Buffer.from(edge.node.id, 'base64url').toString('utf8').split(':')[1]);
    expect(uuids).toEqual([...uuids].sort());
  });

  test('pages without duplicates or gaps while a matter is submitted between two requests', async () => {
    const party = await newParty();
    const partyId = toGlobalId('Party', party.id);
    const base = Date.parse('2026-05-01T09:00:00Z');
    // Three share a moment: the tie is broken by id.
    const created = await matters(
      party,
      Array.from({ length: 8 }, (_, i) => ({
        title: `Sida ${i}`,
        submittedAt: new Date(base + (i < 3 ? 0 : i) * 60_000),
      })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: ListAnswer['submissions'] = await list({ first: 3, after, filter: { partyId } });
      seen.push(...answer.edges.map((edge) => edge.node.id));
      if (page === 0) await matters(party, [{ title: 'Nytt mellan sidorna', submittedAt: new Date() }]);
      if (!answer.pageInfo.hasNextPage) break;
      after = answer.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(created.map((s) => toGlobalId('Submission', s.id)).sort());
  });

  test('a restricted matter is listed with number and status only, and is found by neither its content nor its party', async () => {
    const party = await newParty();
    const partyId = toGlobalId('Party', party.id);
    const [restricted] = await matters(party, [
      {
        title: 'Hemlig hyrestvist om källarlokalen',
        publication: SubmissionPublication.RESTRICTED,
        status: SubmissionStatus.REGISTERED,
        registrationNumber: 'SR 977/2026',
        registrationSeries: 'SR',
        registrationYear: 2026,
        registrationSequence: 977,
      },
    ]);
    expect((await list({ search: 'hyrestvist' })).totalCount).toBe(0);
    expect((await list({ search: 'källarlokal' })).totalCount).toBe(0);
    expect((await list({ filter: { partyId } })).totalCount).toBe(0);
    const byNumber = await list({ search: 'SR 977/2026' });
    expect(byNumber.edges).toHaveLength(1);
    expect(byNumber.edges[0]!.node).toMatchObject({
      id: toGlobalId('Submission', restricted!.id),
      title: null,
      party: null,
      status: 'REGISTERED',
      registrationNumber: 'SR 977/2026',
    });
  });

  test('refuses a forged cursor and a page too large', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LIST, variables: { after: 'bm9wZQ' } }),
    });
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('BAD_USER_INPUT');
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LIST, variables: { first: 1000 } }),
    });
    expect(((await big.json()) as { errors: unknown[] }).errors).toBeDefined();
  });

  test('costs the same SQL statements for 3 matters as for 40, party and title included', async () => {
    const statementsFor = async (partyId: string) => {
      const before = sqlCounter.statements;
      await list({ first: 50, filter: { partyId } });
      return sqlCounter.statements - before;
    };
    const few = await newParty();
    const many = await newParty();
    await matters(
      few,
      Array.from({ length: 3 }, (_, i) => ({ title: `Få ${i}` })),
    );
    await matters(
      many,
      Array.from({ length: 40 }, (_, i) => ({ title: `Många ${i}` })),
    );
    const three = await statementsFor(toGlobalId('Party', few.id));
    const forty = await statementsFor(toGlobalId('Party', many.id));
    expect(forty).toBe(three);
    expect(three).toBeLessThanOrEqual(3);
  });
});

describe('the register, live', () => {
  test('anyone signed out hears of a step on a matter, from the cursor the list query gave', async () => {
    const { submissionsLiveCursor } = await ask<{ submissionsLiveCursor: string }>(
      '{ submissionsLiveCursor }',
    );
    const client = server.ws();
    const watch = collect(
      client,
      'subscription($after: String) { submissionsChanged(after: $after) { cursor kind } }',
      {
        after: submissionsLiveCursor,
      },
    );
    try {
      const [submission] = await matters(await newParty(), [{ title: 'Live i registret' }]);
      const em = server.orm.em.fork();
      await em.transactional(async (tx) => {
        const managed = await tx.findOneOrFail(Submission, submission!.id);
        managed.status = SubmissionStatus.REGISTERED;
        await recordSubmissionStep(tx, undefined, {
          submission: managed,
          action: SubmissionAction.REGISTER,
          fromStatus: SubmissionStatus.SUBMITTED,
          actorId: null,
        });
      });
      const [event] = await watch.waitFor(1);
      expect(event).toMatchObject({ submissionsChanged: { kind: 'REGISTER' } });
      expect(BigInt(event!.submissionsChanged.cursor)).toBeGreaterThan(BigInt(submissionsLiveCursor));
    } finally {
      watch.dispose();
      await client.dispose();
    }
  });
});

describe('time to answer', () => {
  test('the median days from submission to answer per year and kind, and the open ones', async () => {
    const party = await newParty();
    const submitted = new Date('2018-03-01T10:00:00Z');
    const after = (days: number) => new Date(submitted.getTime() + days * 86_400_000);
    await matters(party, [
      { title: 'Svar 1', status: SubmissionStatus.ANSWERED, submittedAt: submitted, answeredAt: after(10) },
      { title: 'Svar 2', status: SubmissionStatus.CLOSED, submittedAt: submitted, answeredAt: after(20) },
      { title: 'Svar 3', status: SubmissionStatus.ANSWERED, submittedAt: submitted, answeredAt: after(45) },
      { title: 'Öppen', status: SubmissionStatus.REGISTERED, submittedAt: submitted },
      {
        title: 'Hinder',
        kind: SubmissionKind.OBSTACLE,
        status: SubmissionStatus.ANSWERED,
        submittedAt: submitted,
        answeredAt: after(7),
      },
      { title: 'Avböjd', status: SubmissionStatus.DECLINED, submittedAt: submitted },
    ]);
    const { submissionAnswerTimes } = await ask<{ submissionAnswerTimes: Record<string, unknown>[] }>(
      `{ submissionAnswerTimes(year: 2018) { year kind answered medianDaysToAnswer open medianOpenDays oldestOpenDays } }`,
    );
    expect(submissionAnswerTimes).toHaveLength(2);
    expect(submissionAnswerTimes.find((row) => row.kind === 'QUESTION')).toMatchObject({
      year: 2018,
      answered: 3,
      medianDaysToAnswer: 20,
      open: 1,
    });
    expect(submissionAnswerTimes.find((row) => row.kind === 'QUESTION')!.oldestOpenDays).toBeGreaterThan(365);
    expect(submissionAnswerTimes.find((row) => row.kind === 'OBSTACLE')).toMatchObject({
      answered: 1,
      medianDaysToAnswer: 7,
      open: 0,
      medianOpenDays: null,
    });
  });
});

describe('the Atom feed', () => {
  test('lists new public matters and answers as Atom, without restricted ones, and answers 304 when unchanged', async () => {
    const party = await newParty();
    await matters(party, [
      { title: 'Flödets <nya> ärende & mer', submittedAt: new Date(Date.now() + 60_000) },
      {
        title: 'Flödets besvarade ärende',
        status: SubmissionStatus.ANSWERED,
        submittedAt: new Date(Date.now() - 86_400_000),
        answeredAt: new Date(Date.now() + 30_000),
        answer: 'Rådet svarade.',
        registrationNumber: 'SR 955/2026',
      },
      {
        title: 'Flödets hemliga ärende',
        publication: SubmissionPublication.RESTRICTED,
        submittedAt: new Date(Date.now() + 90_000),
      },
      { title: 'Flödets utkast', status: SubmissionStatus.DRAFT, submittedAt: null },
    ]);
    const res = await fetch(`${server.url}/arenden.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.length).toBeLessThanOrEqual(50);
    for (const entry of entries) {
      expect(entry).toMatch(/<id>tag:[^<]+<\/id>/);
      expect(entry).toMatch(/<title>[^<]+<\/title>/);
      expect(entry).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
      expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="[^"]+\/arenden\/[^"]+"\/>/);
      expect(entry).toMatch(/<summary type="text">[^<]*<\/summary>/);
    }
    // Balanced elements and escaped text: every opening tag is closed.
    for (const tag of ['entry', 'title', 'id', 'updated', 'summary', 'author', 'name']) {
      expect((xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length).toBe(
        (xml.match(new RegExp(`</${tag}>`, 'g')) ?? []).length,
      );
    }
    expect(entries[0]).toContain('<title>Nytt ärende – Flödets &lt;nya&gt; ärende &amp; mer</title>');
    expect(xml).toContain('<title>Besvarat – SR 955/2026: Flödets besvarade ärende</title>');
    expect(xml).not.toContain('hemliga');
    expect(xml).not.toContain('utkast');

    const again = await fetch(`${server.url}/arenden.atom`, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});

describe('the demo seed', () => {
  test('seeded matters in every state, the demo member has a draft and a submitted one, and seeding again writes nothing', async () => {
    const em = server.orm.em.fork();
    const seeded = await em.find(Submission, {}, { populate: ['party'] });
    const statuses = new Set(seeded.map((s) => s.status));
    for (const status of [
      'DRAFT',
      'SUBMITTED',
      'REGISTERED',
      'SCHEDULED',
      'ANSWERED',
      'CLOSED',
      'DECLINED',
    ]) {
      expect(statuses).toContain(status);
    }
    const vivalla = seeded.filter((s) => s.party.getEntity().name === 'Vivalla Kvinnoförening');
    expect(vivalla.map((s) => s.status)).toEqual(expect.arrayContaining(['DRAFT', 'SUBMITTED']));
    expect(seeded.some((s) => s.publication === SubmissionPublication.RESTRICTED)).toBe(true);
    const numbers = seeded.filter((s) => s.registrationSequence).map((s) => s.registrationSequence);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await seedDemoSubmissions(server.orm.em.fork())).toBe(false);
  });
});
