import autocannon from 'autocannon';
import path from 'node:path';
import pg from 'pg';
import { emit, errorMessage, log } from './log.js';
import { freePort, startChild, waitReady, withTimeout, type Child } from './procs.js';
import { ratio } from './stats.js';
import { BENCH_DIR, startSamverka, type Target } from './target.js';

/** The public register's query, as the client's /arenden page asks it (without its live cursor). */
const REGISTER_QUERY = `query Register($first: Int!, $search: String, $filter: SubmissionRegisterFilterInput) {
  submissions(first: $first, search: $search, filter: $filter) {
    totalCount
    countsByStatus { status count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id registrationNumber title status kind submittedAt viewerCanSeeContent party { id name } } }
  }
}`;

/** The three loads measured: the first page, a Swedish search, a filter. */
const SCENARIOS: { label: string; variables: Record<string, unknown> }[] = [
  { label: 'first-20', variables: { first: 20 } },
  { label: 'search', variables: { first: 20, search: 'lokal' } },
  { label: 'filter', variables: { first: 20, filter: { kinds: ['OBSTACLE'], statuses: ['REGISTERED'] } } },
];

const TITLES = [
  'Kvällstider för föreningarnas lokaler',
  'Kontaktväg till handläggare för bidrag',
  'Tidig dialog inför nya regler för föreningsbidrag',
  'Hyran för skolans matsal har höjts',
  'Mötesplatser för unga under sommaren',
  'Tillgänglig entré till Föreningarnas Hus',
  'Gemensam kalender för dialogmöten',
  'Återkoppling efter kartläggningen',
];

/**
 * Inserts `count` matters with plain SQL on the server's tables, spread over the parties, kinds and
 * statuses, one in ten restricted. Brittle by nature: it follows the migration's column names.
 */
export async function createSubmissionFixtures(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into submission (id, party_id, kind, title, description, status, publication, created_at, updated_at,
                               submitted_at, version)
       select gen_random_uuid(), parties.ids[1 + i % array_length(parties.ids, 1)],
              (array['QUESTION','OBSTACLE','PROPOSAL'])[1 + i % 3]::submission_kind,
              ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' || i,
              'Föreningarna beskriver ett hinder för samverkan och ber rådet om dialog, nummer ' || i,
              (array['SUBMITTED','REGISTERED','REFERRED','SCHEDULED','ANSWERED','CLOSED','DECLINED'])[1 + i % 7]::submission_status,
              case when i % 10 = 0 then 'RESTRICTED' else 'PUBLIC' end::submission_publication,
              now() - i * interval '1 hour', now() - i * interval '1 hour', now() - i * interval '1 hour', 1
         from generate_series(1, $1::int) as i, (select array_agg(id) as ids from party) as parties`,
      [count, TITLES],
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

/** One answer, checked: a 200 with the register in it (an error would otherwise count as a success). */
async function ask(url: string, body: string): Promise<{ ids: string[]; totalCount: number }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as {
    data?: { submissions?: { totalCount: number; edges: { node: { id: string } }[] } };
    errors?: unknown;
  };
  if (response.status !== 200 || !json.data?.submissions || json.errors) {
    throw new Error(`register query failed at ${url}: HTTP ${response.status} ${text.slice(0, 400)}`);
  }
  return {
    ids: json.data.submissions.edges.map((edge) => edge.node.id),
    totalCount: json.data.submissions.totalCount,
  };
}

/** Uncached load (`Cache-Control: no-cache`: Samverka executes every request; the baseline has no cache). */
async function load(url: string, body: string, connections: number, duration: number): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache' };
  await autocannon({ url: `${url}/graphql`, method: 'POST', headers, body, connections: 4, duration: 1 });
  const before = await metricsOf(url);
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers,
    body,
    connections,
    duration,
    timeout: 10,
  });
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

async function startRegisterBaseline(databaseUrl: string): Promise<{ url: string; child: Child }> {
  const port = await freePort();
  const child = startChild(
    'register-baseline',
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'baseline', 'submissions.ts')],
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
 * The public register of matters, uncached, against Samverka and the hand-written SQL baseline in the same
 * run, for each scenario: one JSON line with both requests/s and their ratio (aim ≥ 0.5).
 */
export async function submissionsBench(
  databaseUrl: string,
  options: { matters: number; connections: number; duration: number },
): Promise<void> {
  let samverka: Target | null = null;
  let baseline: { url: string; child: Child } | null = null;
  try {
    log('starting the Samverka server (migrations and seed run on first start)');
    samverka = await withTimeout(startSamverka(databaseUrl), 240_000, 'start samverka');
    await createSubmissionFixtures(databaseUrl, options.matters);
    log(`inserted ${options.matters} matters; starting the register baseline`);
    baseline = await withTimeout(startRegisterBaseline(databaseUrl), 90_000, 'start register baseline');
    for (const scenario of SCENARIOS) {
      const body = JSON.stringify({ query: REGISTER_QUERY, variables: scenario.variables });
      const [ours, bare] = [await ask(samverka.httpUrl, body), await ask(baseline.url, body)];
      const s = await load(samverka.httpUrl, body, options.connections, options.duration);
      const b = await load(baseline.url, body, options.connections, options.duration);
      log(
        `submissions ${scenario.label}: samverka ${s.requestsPerSecond} req/s, baseline ${b.requestsPerSecond} req/s`,
      );
      emit('http-submissions', {
        scenario: scenario.label,
        variables: scenario.variables,
        matters: options.matters,
        connections: options.connections,
        durationSeconds: options.duration,
        sameRows: ours.totalCount === bare.totalCount && ours.ids.join() === bare.ids.join(),
        totalCount: ours.totalCount,
        rpsRatio: ratio(s.requestsPerSecond, b.requestsPerSecond),
        samverka: s,
        baseline: b,
      });
    }
  } catch (error) {
    log(`submissions: ${errorMessage(error)}`);
    emit('http-submissions', { error: errorMessage(error) });
  } finally {
    await baseline?.child.stop();
    await samverka?.stop();
  }
}
