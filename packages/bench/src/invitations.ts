import autocannon from 'autocannon';
import path from 'node:path';
import pg from 'pg';
import { emit, errorMessage, log } from './log.js';
import { freePort, startChild, waitReady, withTimeout, type Child } from './procs.js';
import { ratio } from './stats.js';
import { BENCH_DIR, startSamverka, type Target } from './target.js';

/** The public list of invitations, as the client's /dialog page asks it (without its live cursor). */
const LIST_QUERY = `query Invitations($first: Int!, $search: String, $filter: InvitationRegisterFilterInput) {
  invitations(first: $first, search: $search, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title kind status stage registrationNumber responseDeadline publishedAt party { id name } } }
  }
}`;

const INDICATORS_QUERY = `query Indicators { invitationIndicators {
  year sector published medianLeadDays averageLeadDays answeredShare judgedResponseShare feedbackInTimeShare } }`;

/** What one scenario loads: a GraphQL POST, or a GET of a feed. */
interface Scenario {
  label: string;
  method: 'POST' | 'GET';
  path: string;
  body?: string;
  /** The rows the answer holds, to check both sides give the same (ids, or UIDs of a calendar). */
  rows: (text: string) => string[];
}

const listRows = (text: string) =>
  (
    JSON.parse(text) as { data?: { invitations?: { edges: { node: { id: string } }[] } } }
  ).data!.invitations!.edges.map((edge) => edge.node.id);

const SCENARIOS: Scenario[] = [
  ...[
    { label: 'list-first-20', variables: { first: 20 } },
    { label: 'list-search', variables: { first: 20, search: 'fritidsplan' } },
    { label: 'list-filter', variables: { first: 20, filter: { kinds: ['CONSULTATION'], open: true } } },
  ].map(({ label, variables }) => ({
    label,
    method: 'POST' as const,
    path: '/graphql',
    body: JSON.stringify({ query: LIST_QUERY, variables }),
    rows: listRows,
  })),
  {
    label: 'indicators',
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({ query: INDICATORS_QUERY }),
    rows: (text) =>
      (
        JSON.parse(text) as {
          data: { invitationIndicators: { year: number; sector: string; published: number }[] };
        }
      ).data.invitationIndicators.map((row) => `${row.year} ${row.sector} ${row.published}`),
  },
  {
    label: 'calendar-feed',
    method: 'GET',
    path: '/dialog.ics',
    rows: (text) => [...text.replace(/\r\n[ \t]/g, '').matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim()),
  },
];

const TITLES = [
  'Dialog om ny idrotts- och fritidsplan',
  'Remiss: riktlinjer för idéburet offentligt partnerskap',
  'Samtal om Föreningarnas Hus framtid',
  'Remiss: nya regler för föreningsbidrag',
  'Sommarlovsaktiviteter för barn och unga',
  'Handlingsplan mot ofrivillig ensamhet',
];

/**
 * Inserts `count` invitations with plain SQL on the server's tables, spread over the parties, kinds, stages
 * and statuses, each dialogue with one occasion. Brittle by nature: it follows the migration's column names.
 */
export async function createInvitationFixtures(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into invitation (id, party_id, kind, title, process, stage, planned_decision_on, input_wanted,
                               principles, areas, audience, party_kinds, contact_name, contact_details, status,
                               response_deadline, created_at, updated_at, published_at, concludes_at, version)
       select gen_random_uuid(), parties.ids[1 + i % array_length(parties.ids, 1)],
              (array['DIALOGUE','CONSULTATION'])[1 + i % 2]::invitation_kind,
              ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' || i,
              'Process nummer ' || i,
              (array['IDEA','INVESTIGATION','PROPOSAL','DECISION','FOLLOW_UP'])[1 + i % 5]::process_stage,
              (now() + (60 - i % 200) * interval '1 day')::date,
              'Vi vill höra föreningarna om förslaget, nummer ' || i,
              '{DIALOGUE}', '{föreningsliv}', 'ALL_PARTIES', '{}', 'Kim Kontakt', 'kim@example.org',
              (array['PUBLISHED','REGISTRATION_CLOSED','HELD','FEEDBACK_PUBLISHED','CLOSED','CANCELLED'])[1 + i % 6]::invitation_status,
              case when i % 2 = 1 then (now() + (30 - i % 90) * interval '1 day')::date end,
              now() - i * interval '1 hour', now() - i * interval '1 hour', now() - i * interval '1 hour',
              now() - (i % 90) * interval '1 day', 1
         from generate_series(1, $1::int) as i, (select array_agg(id) as ids from party) as parties`,
      [count, TITLES],
    );
    await client.query(
      `insert into invitation_occasion (id, invitation_id, starts_at, ends_at, mode, link, place, accessibility,
                                        capacity, registration_closes_on, version)
       select gen_random_uuid(), i.id, i.published_at + interval '20 days', i.published_at + interval '20 days 2 hours',
              'IN_PERSON', null, 'Föreningarnas Hus, Slottsgatan 1', 'Hiss och hörslinga.', 30,
              (i.published_at + interval '18 days')::date, 1
         from invitation i where i.kind = 'DIALOGUE' and i.contact_details = 'kim@example.org'`,
    );
  } finally {
    await client.end();
  }
}

interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  sqlStatementsPerRequest: number | null;
}

async function metricsOf(url: string): Promise<{ sqlStatements: number } | null> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    return response.status === 200 ? ((await response.json()) as { sqlStatements: number }) : null;
  } catch {
    return null;
  }
}

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache' };

/** One answer, checked: a 200 with the rows in it (an error would otherwise count as a success). */
async function ask(url: string, scenario: Scenario): Promise<string[]> {
  const response = await fetch(`${url}${scenario.path}`, {
    method: scenario.method,
    headers: HEADERS,
    body: scenario.body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) {
    throw new Error(`${scenario.label} failed at ${url}: HTTP ${response.status} ${text.slice(0, 400)}`);
  }
  return scenario.rows(text);
}

/** Uncached load (`Cache-Control: no-cache`: Samverka executes every request; the baseline has no cache). */
async function load(
  url: string,
  scenario: Scenario,
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const request = {
    url: `${url}${scenario.path}`,
    method: scenario.method,
    headers: HEADERS,
    body: scenario.body,
  };
  await autocannon({ ...request, connections: 4, duration: 1 });
  const before = await metricsOf(url);
  const result = await autocannon({ ...request, connections, duration, timeout: 10 });
  const after = await metricsOf(url);
  const total = result.requests.total;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: total,
    non2xx: result.non2xx,
    errors: result.errors,
    sqlStatementsPerRequest:
      before && after && total
        ? Math.round(((after.sqlStatements - before.sqlStatements) / total) * 100) / 100
        : null,
  };
}

async function startInvitationsBaseline(databaseUrl: string): Promise<{ url: string; child: Child }> {
  const port = await freePort();
  const child = startChild(
    'invitations-baseline',
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'baseline', 'invitations.ts')],
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
    },
    BENCH_DIR,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, `${url}/readyz`, 60_000);
    return { url, child };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/**
 * Early dialogue's public reads, uncached, against Samverka and the hand-written SQL baseline in the same run:
 * the list (first page, Swedish search, a filter), the indicators and the calendar of open occasions. One JSON
 * line per scenario with both requests/s and their ratio; a scenario that fails says so and the rest run.
 */
export async function invitationsBench(
  databaseUrl: string,
  options: { invitations: number; connections: number; duration: number },
): Promise<void> {
  let samverka: Target | null = null;
  let baseline: { url: string; child: Child } | null = null;
  try {
    log('starting the Samverka server (migrations and seed run on first start)');
    samverka = await withTimeout(startSamverka(databaseUrl), 240_000, 'start samverka');
    await createInvitationFixtures(databaseUrl, options.invitations);
    log(`inserted ${options.invitations} invitations; starting the invitations baseline`);
    baseline = await withTimeout(startInvitationsBaseline(databaseUrl), 90_000, 'start invitations baseline');
    for (const scenario of SCENARIOS) {
      try {
        const [ours, bare] = [await ask(samverka.httpUrl, scenario), await ask(baseline.url, scenario)];
        const s = await load(samverka.httpUrl, scenario, options.connections, options.duration);
        const b = await load(baseline.url, scenario, options.connections, options.duration);
        log(
          `invitations ${scenario.label}: samverka ${s.requestsPerSecond} req/s, baseline ${b.requestsPerSecond} req/s`,
        );
        emit('http-invitations', {
          scenario: scenario.label,
          invitations: options.invitations,
          connections: options.connections,
          durationSeconds: options.duration,
          sameRows: ours.join() === bare.join(),
          rows: ours.length,
          rpsRatio: ratio(s.requestsPerSecond, b.requestsPerSecond),
          samverka: s,
          baseline: b,
        });
      } catch (error) {
        log(`invitations ${scenario.label}: ${errorMessage(error)}`);
        emit('http-invitations', { scenario: scenario.label, error: errorMessage(error) });
      }
    }
  } catch (error) {
    log(`invitations: ${errorMessage(error)}`);
    emit('http-invitations', { error: errorMessage(error) });
  } finally {
    await baseline?.child.stop();
    await samverka?.stop();
  }
}
