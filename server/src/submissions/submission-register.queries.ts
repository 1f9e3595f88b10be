import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OPEN_SUBMISSION_STATUSES, PrincipleKey, SubmissionKind, SubmissionStatus } from '@samverka/domain';
import { badUserInput } from '../graphql/errors.js';
import { MAX_PAGE_SIZE } from '../graphql/connection.js';
import { Party } from '../parties/party.entity.js';
import { Submission } from './submission.entity.js';

/** What the public list is ordered by. */
export enum SubmissionOrderField {
  SUBMITTED_AT = 'SUBMITTED_AT',
  REGISTERED_AT = 'REGISTERED_AT',
  UPDATED_AT = 'UPDATED_AT',
  REGISTRATION_NUMBER = 'REGISTRATION_NUMBER',
  /** How well the matter matches the search text; without a search, as SUBMITTED_AT. */
  RELEVANCE = 'RELEVANCE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export interface SubmissionRegisterFilter {
  kinds?: SubmissionKind[] | null;
  statuses?: SubmissionStatus[] | null;
  principles?: PrincipleKey[] | null;
  partyId?: string | null;
  /** The year the matter was submitted, in Swedish time. */
  year?: number | null;
}

export interface SubmissionRegisterArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  filter?: SubmissionRegisterFilter | null;
  orderBy?: { field: SubmissionOrderField; direction: SortDirection } | null;
}

export interface SubmissionRegisterPage {
  edges: { cursor: string; node: Submission }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
  countsByStatus: { status: SubmissionStatus; count: number }[];
}

/** The year a matter belongs to in the register: when it was submitted, in Swedish time (indexed expression). */
export const SUBMISSION_YEAR_SQL = `extract(year from (coalesce(s.submitted_at, s.created_at) at time zone 'Europe/Stockholm'))`;

/**
 * The sort keys of each order, all non-null and each backed by an index on (keys…, id): the id breaks ties,
 * so a keyset cursor (keys and id of the last row) pages without duplicates or gaps whatever is submitted
 * between two requests. `cast` turns a cursor's text back into the key's type.
 */
const ORDER_KEYS: Record<Exclude<SubmissionOrderField, 'RELEVANCE'>, { sql: string; cast: string }[]> = {
  SUBMITTED_AT: [{ sql: 'coalesce(s.submitted_at, s.created_at)', cast: 'timestamptz' }],
  REGISTERED_AT: [{ sql: `coalesce(s.registered_at, '-infinity'::timestamptz)`, cast: 'timestamptz' }],
  UPDATED_AT: [{ sql: 's.updated_at', cast: 'timestamptz' }],
  REGISTRATION_NUMBER: [
    { sql: 'coalesce(s.registration_year, 0)', cast: 'int' },
    { sql: 'coalesce(s.registration_sequence, 0)', cast: 'int' },
  ],
};
const RANK_KEY = { sql: `ts_rank(s.search_vector, websearch_to_tsquery('swedish', ?))`, cast: 'real' };

const SEARCH_MAX_LENGTH = 200;

interface Cursor {
  keys: string[];
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(after: string, keyCount: number): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
    if (
      Array.isArray(cursor.keys) &&
      cursor.keys.length === keyCount &&
      cursor.keys.every((key) => typeof key === 'string') &&
      typeof cursor.id === 'string' &&
      /^[0-9a-f-]{36}$/.test(cursor.id)
    ) {
      return cursor;
    }
  } catch {
    // Falls through to the refusal below: a cursor of another order or a forged one.
  }
  throw badUserInput('after is not a cursor of this list and order');
}

/** An array parameter as PostgreSQL's literal: the values are enum names (GraphQL checked them), never quoted text. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** The conditions of the search and the filters; `withStatus` false leaves the status out (for the counts). */
function conditions(search: string | null, filter: SubmissionRegisterFilter, withStatus: boolean) {
  const where = [`s.status <> 'DRAFT'`];
  const params: unknown[] = [];
  if (search) {
    where.push(`s.search_vector @@ websearch_to_tsquery('swedish', ?)`);
    params.push(search);
  }
  if (filter.kinds?.length) {
    where.push(`s.kind = any(?::submission_kind[])`);
    params.push(arrayLiteral(filter.kinds));
  }
  if (withStatus && filter.statuses?.length) {
    where.push(`s.status = any(?::submission_status[])`);
    params.push(arrayLiteral(filter.statuses));
  }
  if (filter.principles?.length) {
    where.push(`s.principles && ?::text[]`);
    params.push(arrayLiteral(filter.principles));
  }
  if (filter.partyId) {
    // Only public matters: who raised a restricted matter is part of its content.
    where.push(`s.publication = 'PUBLIC' and s.party_id = ?`);
    params.push(filter.partyId);
  }
  if (filter.year != null) {
    where.push(`${SUBMISSION_YEAR_SQL} = ?`);
    params.push(filter.year);
  }
  return { where: where.join(' and '), params };
}

/** The columns of an entity's table, aliased with a prefix so two tables' columns can share a row. */
function columnsOf(em: EntityManager, entity: EntityClass<object>, table: string, prefix: string): string {
  return em
    .getMetadata()
    .get(entity)
    .comparableProps.flatMap((prop) => prop.fieldNames ?? [])
    .map((column) => `${table}.${column} as "${prefix}${column}"`)
    .join(', ');
}

/** A row's columns of one table, without their prefix. */
function columnsWithPrefix(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column.startsWith(prefix))
      .map(([column, value]) => [column.slice(prefix.length), value]),
  );
}

/**
 * The public register: submitted matters (never drafts), searched in Swedish, filtered, ordered and paged by
 * keyset, with the counts per status for the same search and filters: two statements, the page (with its
 * parties) and the counts, whatever its length.
 */
export async function submissionRegister(
  em: EntityManager,
  args: SubmissionRegisterArgs,
): Promise<SubmissionRegisterPage> {
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const search = args.search?.trim() || null;
  if (search && search.length > SEARCH_MAX_LENGTH) {
    throw badUserInput(`search must be at most ${SEARCH_MAX_LENGTH} characters`);
  }
  const filter = args.filter ?? {};
  const field =
    args.orderBy?.field ?? (search ? SubmissionOrderField.RELEVANCE : SubmissionOrderField.SUBMITTED_AT);
  const direction = args.orderBy?.direction ?? SortDirection.DESC;
  const byRank = field === SubmissionOrderField.RELEVANCE && !!search;
  const keys =
    field === SubmissionOrderField.RELEVANCE
      ? byRank
        ? [RANK_KEY, ...ORDER_KEYS.SUBMITTED_AT]
        : ORDER_KEYS.SUBMITTED_AT
      : ORDER_KEYS[field];
  const keyParams = byRank ? [search] : [];

  const listed = conditions(search, filter, true);
  const where = [listed.where];
  const params = [...listed.params];
  if (args.after) {
    const cursor = decodeCursor(args.after, keys.length);
    const comparison = direction === SortDirection.DESC ? '<' : '>';
    where.push(
      `(${keys.map((key) => key.sql).join(', ')}, s.id) ${comparison} (${keys
        .map((key) => `?::${key.cast}`)
        .join(', ')}, ?::uuid)`,
    );
    params.push(...keyParams, ...cursor.keys, cursor.id);
  }
  const order = direction === SortDirection.DESC ? 'desc' : 'asc';
  const orderBy = [...keys.map((key) => `${key.sql} ${order}`), `s.id ${order}`].join(', ');
  const keyColumns = keys.map((key, i) => `(${key.sql})::text as sort_key_${i}`).join(', ');

  const counted = conditions(search, filter, false);
  const connection = em.getConnection();
  const [rows, counts] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select ${columnsOf(em, Submission, 's', 's__')}, ${columnsOf(em, Party, 'p', 'p__')}, ${keyColumns}
         from submission s join party p on p.id = s.party_id
        where ${where.join(' and ')} order by ${orderBy} limit ?`,
      [...keyParams, ...params, ...keyParams, limit + 1],
    ),
    connection.execute<{ status: SubmissionStatus; count: string }[]>(
      `select s.status, count(*) as count from submission s where ${counted.where} group by s.status`,
      counted.params,
    ),
  ]);

  const page = rows.slice(0, limit);
  const mapped = new Set<unknown>();
  const edges = page.map((row) => {
    const sortKeys = keys.map((_, i) => String(row[`sort_key_${i}`]));
    // The party comes with its matter, so the `party` field finds it in the unit of work; each party is
    // hydrated once however many of the page's matters it raised.
    if (!mapped.has(row.p__id)) {
      mapped.add(row.p__id);
      em.map(Party, columnsWithPrefix(row, 'p__'));
    }
    const node = em.map(Submission, columnsWithPrefix(row, 's__'));
    return { cursor: encodeCursor({ keys: sortKeys, id: node.id }), node };
  });

  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  const countsByStatus = Object.values(SubmissionStatus)
    .filter((status) => status !== SubmissionStatus.DRAFT)
    .map((status) => ({ status, count: Number(counts.find((row) => row.status === status)?.count ?? 0) }));
  return {
    edges,
    totalCount: countsByStatus
      .filter((row) => !statuses || statuses.has(row.status))
      .reduce((sum, row) => sum + row.count, 0),
    countsByStatus,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Time to answer of one year's matters of one kind. */
export interface SubmissionAnswerTimeRow {
  year: number;
  kind: SubmissionKind;
  answered: number;
  medianDaysToAnswer: number | null;
  open: number;
  medianOpenDays: number | null;
  oldestOpenDays: number | null;
}

/**
 * Time to answer per year (of submission) and kind: from when the party submitted the matter to when it was
 * answered, the time the party waits, registration included. Matters still being handled count as open with
 * their age. Restricted matters count too: a count and a duration tell nothing of their content.
 */
export async function submissionAnswerTimes(
  em: EntityManager,
  year: number | null,
): Promise<SubmissionAnswerTimeRow[]> {
  const open = arrayLiteral(OPEN_SUBMISSION_STATUSES);
  const rows = await em.getConnection().execute<Record<string, string | null>[]>(
    `select ${SUBMISSION_YEAR_SQL}::int as year, s.kind,
        count(*) filter (where s.answered_at is not null) as answered,
        percentile_cont(0.5) within group (order by extract(epoch from s.answered_at - s.submitted_at) / 86400)
          filter (where s.answered_at is not null) as median_days_to_answer,
        count(*) filter (where s.status = any(?::submission_status[])) as open,
        percentile_cont(0.5) within group (order by extract(epoch from now() - s.submitted_at) / 86400)
          filter (where s.status = any(?::submission_status[])) as median_open_days,
        max(extract(epoch from now() - s.submitted_at) / 86400)
          filter (where s.status = any(?::submission_status[])) as oldest_open_days
       from submission s
      where s.submitted_at is not null and s.status <> 'DRAFT' ${year == null ? '' : `and ${SUBMISSION_YEAR_SQL} = ?`}
      group by 1, 2 order by 1 desc, 2`,
    [open, open, open, ...(year == null ? [] : [year])],
  );
  const days = (value: string | null | undefined) =>
    value == null ? null : Math.round(Number(value) * 10) / 10;
  return rows.map((row) => ({
    year: Number(row.year),
    kind: row.kind as SubmissionKind,
    answered: Number(row.answered),
    medianDaysToAnswer: days(row.median_days_to_answer),
    open: Number(row.open),
    medianOpenDays: days(row.median_open_days),
    oldestOpenDays: days(row.oldest_open_days),
  }));
}
