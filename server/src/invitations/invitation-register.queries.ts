import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InvitationKind,
  InvitationRole,
  OPEN_INVITATION_STATUSES,
  PartyKind,
  PartySector,
  ProcessStage,
  sectorOf,
} from '@samverka/domain';
import type { GraphQLContext, Viewer } from '../graphql/context.js';
import { badUserInput, forbidden, unauthenticated } from '../graphql/errors.js';
import { MAX_PAGE_SIZE, pageWindow, toConnection, type ConnectionShape } from '../graphql/connection.js';
import { liveCursor } from '../live/live-cursor.js';
import { INVITATIONS_TOPIC, invitationTopic, partyInvitationsTopic } from '../live/publish.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';
import {
  invitationFacts,
  invitationPolicy,
  viewerInvitationFacts,
  type ViewerInvitationFacts,
} from './invitation-access.js';

/** Who may read a party's own list of invitations, drafts included. */
export const invitationRegisterPolicy = {
  /** The party's own list: its active members only, since its drafts are private to it. */
  readPartyList: (facts: ViewerInvitationFacts, partyId: string): boolean => facts.parties.has(partyId),
  /** Whether the feedback is overdue is shown to those who follow it up: the inviter and the coordinator. */
  followUp: (roles: readonly InvitationRole[]): boolean =>
    roles.includes(InvitationRole.INVITER) || roles.includes(InvitationRole.COORDINATOR),
};

export interface InvitationRegisterFilter {
  kinds?: InvitationKind[] | null;
  stages?: ProcessStage[] | null;
  /** The side of the inviting party: municipal or civil society. */
  inviterSectors?: PartySector[] | null;
  /** Any of these areas of interest. */
  areas?: string[] | null;
  /** The last day to answer (a consultation's deadline, a dialogue's last occasion day) on or after this day. */
  deadlineFrom?: string | null;
  /** The last day to answer on or before this day. */
  deadlineTo?: string | null;
  /** True: only those still open (published, registration closed); false: only the others. */
  open?: boolean | null;
}

export interface InvitationRegisterArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  filter?: InvitationRegisterFilter | null;
}

export type InvitationRegisterPage = ConnectionShape<Invitation>;

/**
 * The day answering ends: a consultation's response deadline, else the day (in Stockholm) the last occasion
 * ends. The expression is indexed (migration 141000), so the deadline filters are index scans.
 */
const LAST_DAY_SQL = `coalesce(i.response_deadline, (i.concludes_at at time zone 'Europe/Stockholm')::date)`;

/** The list's order, newest published first, each key backed by the index on (key, id). */
const PUBLISHED_KEY = { sql: 'coalesce(i.published_at, i.created_at)', cast: 'timestamptz' };
const RANK_KEY = { sql: `ts_rank(i.search_vector, websearch_to_tsquery('swedish', ?))`, cast: 'real' };

const SEARCH_MAX_LENGTH = 200;
const AREAS_MAX = 50;

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
    // Falls through to the refusal below: a cursor of another search or a forged one.
  }
  throw badUserInput('after is not a cursor of this list');
}

/** An array of enum names (GraphQL checked them) as PostgreSQL's literal. */
function enumArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The search and filters as SQL conditions on `i` (invitation) and `p` (its party). */
function conditions(search: string | null, filter: InvitationRegisterFilter) {
  const where = [`i.status <> 'DRAFT'`];
  const params: unknown[] = [];
  if (search) {
    where.push(`i.search_vector @@ websearch_to_tsquery('swedish', ?)`);
    params.push(search);
  }
  if (filter.kinds?.length) {
    where.push(`i.kind = any(?::invitation_kind[])`);
    params.push(enumArray(filter.kinds));
  }
  if (filter.stages?.length) {
    where.push(`i.stage = any(?::process_stage[])`);
    params.push(enumArray(filter.stages));
  }
  if (filter.inviterSectors?.length) {
    const kinds = Object.values(PartyKind).filter((kind) => filter.inviterSectors!.includes(sectorOf(kind)));
    where.push(`p.kind = any(?::party_kind[])`);
    params.push(enumArray(kinds));
  }
  if (filter.areas?.length) {
    // Areas are free text: each one a bound parameter (the driver expands the list), never spliced in.
    where.push(`i.areas && array[?]::text[]`);
    params.push(filter.areas);
  }
  if (filter.deadlineFrom) {
    where.push(`${LAST_DAY_SQL} >= ?::date`);
    params.push(filter.deadlineFrom);
  }
  if (filter.deadlineTo) {
    where.push(`${LAST_DAY_SQL} <= ?::date`);
    params.push(filter.deadlineTo);
  }
  if (filter.open != null) {
    where.push(
      filter.open ? `i.status = any(?::invitation_status[])` : `i.status <> all(?::invitation_status[])`,
    );
    params.push(enumArray(OPEN_INVITATION_STATUSES));
  }
  return { where: where.join(' and '), params };
}

function checkArgs(args: InvitationRegisterArgs) {
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const search = args.search?.trim() || null;
  if (search && search.length > SEARCH_MAX_LENGTH) {
    throw badUserInput(`search must be at most ${SEARCH_MAX_LENGTH} characters`);
  }
  const filter = args.filter ?? {};
  for (const day of [filter.deadlineFrom, filter.deadlineTo]) {
    if (day && !isDate(day)) throw badUserInput('deadlineFrom and deadlineTo are dates, YYYY-MM-DD');
  }
  if ((filter.areas?.length ?? 0) > AREAS_MAX) throw badUserInput(`at most ${AREAS_MAX} areas`);
  return { limit, search, filter };
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

function columnsWithPrefix(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column.startsWith(prefix))
      .map(([column, value]) => [column.slice(prefix.length), value]),
  );
}

/**
 * The public list: published invitations and consultations (never drafts), newest published first or by
 * relevance when searching, filtered and paged by keyset (what is published between two pages neither
 * repeats nor hides a row): two statements, the page with its parties and the count, whatever its length.
 */
export async function invitationRegister(
  em: EntityManager,
  args: InvitationRegisterArgs,
): Promise<InvitationRegisterPage> {
  const { limit, search, filter } = checkArgs(args);
  const keys = search ? [RANK_KEY, PUBLISHED_KEY] : [PUBLISHED_KEY];
  const keyParams = search ? [search] : [];

  const listed = conditions(search, filter);
  const where = [listed.where];
  const params = [...listed.params];
  if (args.after) {
    const cursor = decodeCursor(args.after, keys.length);
    where.push(
      `(${keys.map((key) => key.sql).join(', ')}, i.id) < (${keys
        .map((key) => `?::${key.cast}`)
        .join(', ')}, ?::uuid)`,
    );
    params.push(...keyParams, ...cursor.keys, cursor.id);
  }
  const orderBy = [...keys.map((key) => `${key.sql} desc`), 'i.id desc'].join(', ');
  const keyColumns = keys.map((key, i) => `(${key.sql})::text as sort_key_${i}`).join(', ');

  const connection = em.getConnection();
  const [rows, count] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select ${columnsOf(em, Invitation, 'i', 'i__')}, ${columnsOf(em, Party, 'p', 'p__')}, ${keyColumns}
         from invitation i join party p on p.id = i.party_id
        where ${where.join(' and ')} order by ${orderBy} limit ?`,
      [...keyParams, ...params, ...keyParams, limit + 1],
    ),
    connection.execute<{ count: string }>(
      // The party is joined only when its side is filtered: the count is then an index scan of invitation.
      `select count(*)::text as count from invitation i ${
        filter.inviterSectors?.length ? 'join party p on p.id = i.party_id' : ''
      } where ${listed.where}`,
      listed.params,
      'get',
    ),
  ]);

  const page = rows.slice(0, limit);
  const mapped = new Set<unknown>();
  const edges = page.map((row) => {
    // The party comes with its invitation, so the `party` field finds it in the unit of work.
    if (!mapped.has(row.p__id)) {
      mapped.add(row.p__id);
      em.map(Party, columnsWithPrefix(row, 'p__'));
    }
    const node = em.map(Invitation, columnsWithPrefix(row, 'i__'));
    const sortKeys = keys.map((_, i) => String(row[`sort_key_${i}`]));
    return { cursor: encodeCursor({ keys: sortKeys, id: node.id }), node };
  });
  return {
    edges,
    totalCount: Number(count.count),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export interface PartyInvitations extends ConnectionShape<Invitation> {
  /** The party, whose topic the list's live cursor is of. */
  partyId: string;
}

/**
 * A party's own invitations, drafts included, latest change first: for its active members only. Two
 * statements besides the viewer's facts, whatever the list's length; index (party_id, updated_at, id).
 */
export async function partyInvitations(
  em: EntityManager,
  viewer: Viewer | null,
  args: { partyId: string; first?: number | null; after?: string | null },
): Promise<PartyInvitations> {
  const { limit, offset } = pageWindow(args.first, args.after);
  await checkPartyListReader(em, viewer, args.partyId);
  const [rows, totalCount] = await Promise.all([
    em.find(
      Invitation,
      { party: args.partyId },
      { orderBy: { updatedAt: 'desc', id: 'desc' }, limit, offset },
    ),
    em.count(Invitation, { party: args.partyId }),
  ]);
  return { ...toConnection(rows, totalCount, offset), partyId: args.partyId };
}

/** Refuses a viewer who may not read (or watch) the party's list. */
export async function checkPartyListReader(em: EntityManager, viewer: Viewer | null, partyId: string) {
  if (!viewer) throw unauthenticated();
  const facts = await viewerInvitationFacts(em, viewer);
  if (!invitationRegisterPolicy.readPartyList(facts, partyId)) throw forbidden();
}

/** Cursor of the public list's topic. */
export function invitationsLiveCursor(ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>): Promise<string> {
  return liveCursor(ctx, INVITATIONS_TOPIC);
}

/** Cursor of one invitation's topic (the invitation was already found visible). */
export function invitationLiveCursor(
  ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>,
  invitation: Invitation,
): Promise<string> {
  return liveCursor(ctx, invitationTopic(invitation.id));
}

/** Cursor of a party's list's topic (the list was already refused to whoever may not read it). */
export function partyInvitationsLiveCursor(
  ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>,
  list: PartyInvitations,
): Promise<string> {
  return liveCursor(ctx, partyInvitationsTopic(list.partyId));
}

/** The day answering ends, YYYY-MM-DD: the consultation's deadline, or the last occasion's day in Stockholm. */
export function invitationLastDay(invitation: Invitation): string | null {
  if (invitation.responseDeadline) return invitation.responseDeadline;
  return invitation.concludesAt
    ? invitation.concludesAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })
    : null;
}

/** Whether the viewer follows the invitation up (its inviting party's member, or the coordinator). */
export async function viewerFollowsUp(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<boolean> {
  const [facts, of] = await Promise.all([viewerInvitationFacts(em, viewer), invitationFacts(em, invitation)]);
  return invitationRegisterPolicy.followUp(invitationPolicy.roles(facts, of));
}
