/**
 * The bare baseline of early dialogue's public reads: node http + pg + hand-written SQL on Samverka's own
 * tables, no GraphQL execution, no ORM, no calendar library. POST /graphql answers the public list
 * (`invitations(first, search, filter: { kinds, open })`) or the indicators (`invitationIndicators`) in the
 * same JSON shape as Samverka, telling them apart by the query text; GET /dialog.ics writes every occasion of
 * the open invitations as iCalendar by hand. Same /readyz and /metrics as the Samverka server.
 *
 * Env: PORT, HOST (127.0.0.1), DATABASE_URL.
 */
import http from 'node:http';
import pg from 'pg';

const metrics = { graphqlExecutions: 0, sqlStatements: 0, subscribers: 0 };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const query = (text: string, values: unknown[] = []): Promise<pg.QueryResult> => {
  metrics.sqlStatements++;
  return pool.query(text, values);
};
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const OPEN = `i.status in ('PUBLISHED', 'REGISTRATION_CLOSED')`;

interface ListVariables {
  first?: number;
  search?: string | null;
  filter?: { kinds?: string[] | null; open?: boolean | null } | null;
}

async function list(variables: ListVariables) {
  const first = Math.min(100, variables.first ?? 20);
  const search = variables.search?.trim() || null;
  const where = [`i.status <> 'DRAFT'`];
  const params: unknown[] = [];
  if (search) {
    params.push(search);
    where.push(`i.search_vector @@ websearch_to_tsquery('swedish', $${params.length})`);
  }
  if (variables.filter?.kinds?.length) {
    params.push(variables.filter.kinds);
    where.push(`i.kind = any($${params.length}::invitation_kind[])`);
  }
  if (variables.filter?.open) where.push(OPEN);
  const countParams = [...params];
  const rank = search ? `ts_rank(i.search_vector, websearch_to_tsquery('swedish', $1)) desc, ` : '';
  params.push(first + 1);
  const [rows, count] = await Promise.all([
    query(
      `select i.id, i.title, i.kind, i.status, i.stage, i.registration_number,
              to_char(i.response_deadline, 'YYYY-MM-DD') as response_deadline, i.published_at,
              p.id as party_id, p.name as party_name
         from invitation i join party p on p.id = i.party_id
        where ${where.join(' and ')}
        order by ${rank}i.published_at desc, i.id desc
        limit $${params.length}`,
      params,
    ),
    query(`select count(*)::int as n from invitation i where ${where.join(' and ')}`, countParams),
  ]);
  const page = rows.rows.slice(0, first) as {
    id: string;
    title: string;
    kind: string;
    status: string;
    stage: string;
    registration_number: string | null;
    response_deadline: string | null;
    published_at: Date;
    party_id: string;
    party_name: string;
  }[];
  const edges = page.map((row) => ({
    cursor: Buffer.from(JSON.stringify({ at: row.published_at.toISOString(), id: row.id })).toString(
      'base64url',
    ),
    node: {
      id: globalId('Invitation', row.id),
      title: row.title,
      kind: row.kind,
      status: row.status,
      stage: row.stage,
      registrationNumber: row.registration_number,
      responseDeadline: row.response_deadline,
      publishedAt: row.published_at.toISOString(),
      party: { id: globalId('Party', row.party_id), name: row.party_name },
    },
  }));
  return {
    invitations: {
      totalCount: (count.rows[0] as { n: number }).n,
      pageInfo: { hasNextPage: rows.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    },
  };
}

/** The same single statement as Samverka's, without the ORM: per year and side, both sides filled in. */
async function indicators() {
  const { rows } = await query(
    `with facts as (
       select extract(year from (i.published_at at time zone 'Europe/Stockholm'))::int as year,
              case when p.kind in ('MUNICIPAL_BOARD', 'MUNICIPAL_DEPARTMENT', 'MUNICIPAL_COMPANY')
                   then 'MUNICIPAL' else 'CIVIL_SOCIETY' end as sector,
              i.status, i.concludes_at, i.feedback_published_at,
              i.planned_decision_on - (i.published_at at time zone 'Europe/Stockholm')::date as lead_days,
              (exists (select 1 from invitation_occasion o join occasion_participant op on op.occasion_id = o.id
                        where o.invitation_id = i.id and op.status <> 'CANCELLED')
                or exists (select 1 from invitation_reply r where r.invitation_id = i.id and r.kind = 'INPUT')
                or exists (select 1 from consultation_response cr where cr.invitation_id = i.id)) as answered,
              case when i.kind = 'CONSULTATION' and i.status in ('DEADLINE_PASSED', 'FEEDBACK_PUBLISHED', 'CLOSED')
                then (select count(*) from consultation_response cr where cr.invitation_id = i.id) else 0 end as responses,
              case when i.kind = 'CONSULTATION' and i.status in ('DEADLINE_PASSED', 'FEEDBACK_PUBLISHED', 'CLOSED')
                        and i.compilation_published_at is not null then
                (select count(*) from consultation_response cr where cr.invitation_id = i.id
                    and (cr.verdict is not null
                      or (exists (select 1 from consultation_position cp where cp.response_id = cr.id)
                          and not exists (select 1 from consultation_position cp
                                           where cp.response_id = cr.id and cp.verdict is null))))
                else 0 end as responses_judged
         from invitation i join party p on p.id = i.party_id
        where i.published_at is not null and i.status <> 'DRAFT')
     select year, sector, count(*)::int as published, count(lead_days)::int as with_planned_decision,
            percentile_cont(0.5) within group (order by lead_days) as median_lead_days,
            avg(lead_days)::float as average_lead_days,
            count(*) filter (where status <> 'CANCELLED')::int as answerable,
            count(*) filter (where status <> 'CANCELLED' and answered)::int as answered,
            coalesce(sum(responses), 0)::int as responses, coalesce(sum(responses_judged), 0)::int as responses_judged,
            count(*) filter (where status <> 'CANCELLED' and concludes_at is not null
              and (feedback_published_at is not null or concludes_at + interval '30 days' < now()))::int as feedback_due,
            count(*) filter (where status <> 'CANCELLED' and concludes_at is not null
              and feedback_published_at <= concludes_at + interval '30 days')::int as feedback_in_time
       from facts group by year, sector order by year desc, sector`,
  );
  const share = (part: number, whole: number) => (whole ? part / whole : null);
  const days = (value: unknown) => (value == null ? null : Math.round(Number(value) * 10) / 10);
  const years = [...new Set(rows.map((row) => row.year as number))];
  return {
    invitationIndicators: years.flatMap((year) =>
      ['MUNICIPAL', 'CIVIL_SOCIETY'].map((sector) => {
        const row = rows.find((r) => r.year === year && r.sector === sector);
        const n = (key: string) => (row ? (row[key] as number) : 0);
        return {
          year,
          sector,
          published: n('published'),
          medianLeadDays: days(row?.median_lead_days),
          averageLeadDays: days(row?.average_lead_days),
          answeredShare: share(n('answered'), n('answerable')),
          judgedResponseShare: share(n('responses_judged'), n('responses')),
          feedbackInTimeShare: share(n('feedback_in_time'), n('feedback_due')),
        };
      }),
    ),
  };
}

const icsText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const icsTime = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Every occasion of the open invitations, as a minimal RFC 5545 calendar written by hand. */
async function calendar(): Promise<string> {
  const { rows } = await query(
    `select o.id, o.invitation_id, o.starts_at, o.ends_at, o.mode, o.link, o.place, o.accessibility, i.title,
            i.updated_at, p.name as party_name
       from invitation_occasion o join invitation i on i.id = o.invitation_id join party p on p.id = i.party_id
      where ${OPEN} order by o.starts_at, o.id`,
  );
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samverka//Baseline//SV', 'METHOD:PUBLISH'];
  for (const row of rows) {
    const place = row.mode === 'DIGITAL' ? row.link : row.place;
    lines.push(
      'BEGIN:VEVENT',
      `UID:invitation-occasion-${row.id}@samverka`,
      `SEQUENCE:${Math.floor(new Date(row.updated_at).getTime() / 1000)}`,
      `DTSTAMP:${icsTime(new Date(row.updated_at))}`,
      `DTSTART:${icsTime(new Date(row.starts_at))}`,
      `DTEND:${icsTime(new Date(row.ends_at))}`,
      `SUMMARY:${icsText(row.title)}`,
      ...(place ? [`LOCATION:${icsText(place)}`] : []),
      `DESCRIPTION:${icsText(`${row.party_name}\n${row.accessibility ?? ''}`)}`,
      `URL:/dialog/${globalId('Invitation', row.invitation_id)}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.url === '/readyz') return send(res, 200, 'text/plain', 'ok');
  if (req.url === '/metrics') {
    return send(
      res,
      200,
      'application/json',
      JSON.stringify({ ...metrics, rssBytes: process.memoryUsage().rss }),
    );
  }
  if (req.url === '/dialog.ics' && req.method === 'GET') {
    calendar().then(
      (body) => send(res, 200, 'text/calendar; charset=utf-8', body),
      (error: unknown) => send(res, 500, 'text/plain', String(error)),
    );
    return;
  }
  if (req.url !== '/graphql' || req.method !== 'POST') return send(res, 404, 'text/plain', '');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: ListVariables;
        };
        const data = body.query.includes('invitationIndicators')
          ? await indicators()
          : await list(body.variables ?? {});
        send(res, 200, 'application/json', JSON.stringify({ data }));
      } catch (error) {
        send(res, 500, 'application/json', JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    })();
  });
});

await new Promise<void>((resolve) =>
  server.listen({ port: Number(process.env.PORT ?? 4102), host: process.env.HOST ?? '127.0.0.1' }, resolve),
);
console.error(
  `invitations baseline listening on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4102}`,
);

const shutdown = (): void => {
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
