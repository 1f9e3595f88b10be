import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * A cursor is safe when it is never newer than the state sent with it: subscribing after it then replays
 * every change the state lacks. So a request that selects a cursor fixes, before anything is loaded, which
 * events it counts (the database snapshot at that moment); the cursor is the topic's latest event visible
 * in that snapshot, however late in the request it is read. Events of one topic commit in sequence order
 * (their writers take turns), so every event after that cursor is one the state may lack.
 *
 * Fields that return a cursor carry these extensions (`@Extensions(LIVE_CURSOR)`), so any request or live
 * payload that selects one takes the snapshot first.
 */
export const LIVE_CURSOR = { liveCursor: true } as const;

const needsSnapshot = new WeakMap<DocumentNode, boolean>();

/** True when the document selects a field that returns a live cursor. */
export function selectsLiveCursor(schema: GraphQLSchema, document: DocumentNode): boolean {
  let answer = needsSnapshot.get(document);
  if (answer === undefined) {
    answer = false;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          if (typeInfo.getFieldDef()?.extensions?.liveCursor) answer = true;
        },
      }),
    );
    needsSnapshot.set(document, answer);
  }
  return answer;
}

/** The database snapshot now, as text: which transactions have committed. */
export async function liveSnapshot(em: EntityManager): Promise<string> {
  const row = await em
    .getConnection()
    .execute<{ snapshot: string }>('select pg_current_snapshot()::text as snapshot', [], 'get');
  return row.snapshot;
}

/**
 * The cursor of a topic: its latest event visible in the request's snapshot (or, without one, now). Never
 * older than the pruning horizon, so that a quiet topic's cursor is not mistaken for one whose events were
 * pruned.
 */
export async function liveCursor(
  { em, liveSnapshot: snapshot }: Pick<GraphQLContext, 'em' | 'liveSnapshot'>,
  topic: string,
): Promise<string> {
  const visible = snapshot ? 'and pg_visible_in_snapshot(xid, ?::pg_snapshot)' : '';
  const row = await em.getConnection().execute<{ sequence: string }>(
    `select greatest(coalesce(max(sequence), 0), (select pruned_through from live_event_horizon))::text as sequence
       from live_event where topic = ? ${visible}`,
    snapshot ? [topic, snapshot] : [topic],
    'get',
  );
  return row.sequence;
}

/** Takes the snapshot before an operation that selects a cursor executes. */
export function liveCursorPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ schema, document, contextValue }) {
          if (selectsLiveCursor(schema, document))
            contextValue.liveSnapshot = await liveSnapshot(contextValue.em);
        },
      };
    },
  };
}
