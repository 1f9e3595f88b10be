/**
 * The bare baseline of the public register of matters: node http + pg + hand-written SQL on Samverka's own
 * tables, no GraphQL execution, no ORM. It answers POST /graphql with the variables of the register query
 * (first, search, filter.kinds, filter.statuses) in the same JSON shape as Samverka's `submissions` field,
 * doing the same work: the page (keyset order, one row more to know of a next page), the counts per status,
 * the parties' names, restricted matters without content. Same /readyz and /metrics as the Samverka server.
 *
 * Env: PORT, HOST (127.0.0.1), DATABASE_URL.
 */
import http from 'node:http';
import pg from 'pg';

const metrics = { graphqlExecutions: 0, sqlStatements: 0, subscribers: 0 };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const query = (text: string, values: unknown[]): Promise<pg.QueryResult> => {
  metrics.sqlStatements++;
  return pool.query(text, values);
};

interface Variables {
  first?: number;
  search?: string | null;
  filter?: { kinds?: string[] | null; statuses?: string[] | null } | null;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const STATUSES = [
  'SUBMITTED',
  'RETURNED',
  'REGISTERED',
  'REFERRED',
  'SCHEDULED',
  'ANSWERED',
  'CLOSED',
  'WITHDRAWN',
  'DECLINED',
];

async function register(variables: Variables) {
  const first = Math.min(100, variables.first ?? 20);
  const search = variables.search?.trim() || null;
  const where = [`s.status <> 'DRAFT'`];
  const params: unknown[] = [];
  if (search) {
    params.push(search);
    where.push(`s.search_vector @@ websearch_to_tsquery('swedish', $${params.length})`);
  }
  if (variables.filter?.kinds?.length) {
    params.push(variables.filter.kinds);
    where.push(`s.kind = any($${params.length}::submission_kind[])`);
  }
  const countWhere = where.join(' and ');
  const countParams = [...params];
  if (variables.filter?.statuses?.length) {
    params.push(variables.filter.statuses);
    where.push(`s.status = any($${params.length}::submission_status[])`);
  }
  const rank = search ? `ts_rank(s.search_vector, websearch_to_tsquery('swedish', $1)) desc, ` : '';
  params.push(first + 1);
  const [rows, counts] = await Promise.all([
    query(
      `select s.id, s.registration_number, s.status, s.kind, s.submitted_at, s.publication = 'PUBLIC' as public,
              s.title, p.id as party_id, p.name as party_name,
              coalesce(s.submitted_at, s.created_at)::text as sort_key
         from submission s join party p on p.id = s.party_id
        where ${where.join(' and ')}
        order by ${rank}coalesce(s.submitted_at, s.created_at) desc, s.id desc
        limit $${params.length}`,
      params,
    ),
    query(
      `select s.status, count(*)::int as count from submission s where ${countWhere} group by s.status`,
      countParams,
    ),
  ]);
  const page = rows.rows.slice(0, first) as {
    id: string;
    registration_number: string | null;
    status: string;
    kind: string;
    submitted_at: Date | null;
    public: boolean;
    title: string;
    party_id: string;
    party_name: string;
    sort_key: string;
  }[];
  const countOf = new Map(
    (counts.rows as { status: string; count: number }[]).map((row) => [row.status, row.count]),
  );
  const countsByStatus = STATUSES.map((status) => ({ status, count: countOf.get(status) ?? 0 }));
  const statuses = variables.filter?.statuses?.length ? new Set(variables.filter.statuses) : null;
  const edges = page.map((row) => ({
    cursor: Buffer.from(JSON.stringify({ keys: [row.sort_key], id: row.id })).toString('base64url'),
    node: {
      id: globalId('Submission', row.id),
      registrationNumber: row.registration_number,
      title: row.public ? row.title : null,
      status: row.status,
      kind: row.kind,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      viewerCanSeeContent: row.public,
      party: row.public ? { id: globalId('Party', row.party_id), name: row.party_name } : null,
    },
  }));
  return {
    submissions: {
      totalCount: countsByStatus
        .filter((row) => !statuses || statuses.has(row.status))
        .reduce((a, row) => a + row.count, 0),
      countsByStatus,
      pageInfo: { hasNextPage: rows.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.url === '/readyz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...metrics, rssBytes: process.memoryUsage().rss }));
    return;
  }
  if (req.url !== '/graphql' || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: Variables };
        const data = await register(body.variables ?? {});
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data }));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    })();
  });
});

await new Promise<void>((resolve) =>
  server.listen({ port: Number(process.env.PORT ?? 4101), host: process.env.HOST ?? '127.0.0.1' }, resolve),
);
console.error(
  `submissions baseline listening on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4101}`,
);

const shutdown = (): void => {
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
