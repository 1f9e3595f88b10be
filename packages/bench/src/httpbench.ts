import autocannon from 'autocannon';
import type { Target } from './target.js';

export interface HttpResult {
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  responseBytes: number;
  sqlStatementsPerRequest: number | null;
  graphqlExecutionsPerRequest: number | null;
}

/** Checks the query answers with a meeting (a 200 with GraphQL errors would otherwise count as success). */
export async function checkMeetingQuery(target: Target, body: string, fresh = false): Promise<number> {
  const response = await fetch(`${target.httpUrl}/graphql`, {
    method: 'POST',
    headers: requestHeaders(fresh),
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as { data?: { meeting?: { agenda?: unknown[] } | null }; errors?: unknown };
  if (response.status !== 200 || !json.data?.meeting || json.errors) {
    throw new Error(`${target.name}: meeting query failed: HTTP ${response.status} ${text.slice(0, 400)}`);
  }
  return json.data.meeting.agenda?.length ?? 0;
}

/**
 * Samverka answers signed-out queries from a short-lived cache dropped on every change; `fresh` sends
 * `Cache-Control: no-cache` so that every request is executed (the baseline ignores the header).
 */
function requestHeaders(fresh: boolean): Record<string, string> {
  return fresh
    ? { 'content-type': 'application/json', 'cache-control': 'no-cache' }
    : { 'content-type': 'application/json' };
}

export async function httpLoad(
  target: Target,
  connections: number,
  durationSeconds: number,
  fresh = false,
): Promise<HttpResult> {
  const body = target.meetingQueryBody();
  await checkMeetingQuery(target, body);
  // Short warm-up so both servers are measured with a warm JIT and connection pool.
  await autocannon({
    url: `${target.httpUrl}/graphql`,
    method: 'POST',
    headers: requestHeaders(fresh),
    body,
    connections: 10,
    duration: 1,
  });
  const before = await target.metrics();
  const result = await autocannon({
    url: `${target.httpUrl}/graphql`,
    method: 'POST',
    headers: requestHeaders(fresh),
    body,
    connections,
    duration: durationSeconds,
    timeout: 10,
  });
  const after = await target.metrics();
  const total = result.requests.total;
  const per = (key: 'sqlStatements' | 'graphqlExecutions'): number | null =>
    before && after && total ? Math.round(((after[key] - before[key]) / total) * 100) / 100 : null;
  return {
    connections,
    durationSeconds,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    responseBytes: total ? Math.round(result.throughput.total / total) : 0,
    sqlStatementsPerRequest: per('sqlStatements'),
    graphqlExecutionsPerRequest: per('graphqlExecutions'),
  };
}

/** SQL statements per request for one meeting's public query, averaged over `count` sequential requests. */
export async function sqlPerRequest(target: Target, meetingId: string, count = 20): Promise<number | null> {
  const body = target.meetingQueryBody(meetingId);
  const items = await checkMeetingQuery(target, body, true);
  const before = await target.metrics();
  for (let i = 0; i < count; i++) await checkMeetingQuery(target, body, true);
  const after = await target.metrics();
  if (!before || !after) return null;
  void items;
  return Math.round(((after.sqlStatements - before.sqlStatements) / count) * 100) / 100;
}
