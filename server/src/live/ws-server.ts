import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  GraphQLError,
  Kind,
  type ValueNode,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode, handleProtocols, makeServer, type Context } from 'graphql-ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { documentShapeError, parseOptions } from '../graphql/document-limits.js';
import { nestsDeeperThan } from '../http/json-depth.js';
import type { GraphQLContext, Viewer } from '../graphql/context.js';
import type { LiveField, LiveHub } from './live-hub.js';

export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
  viewer: Viewer | null;
}

export interface LiveWebSocketOptions {
  schema: GraphQLSchema;
  orm: MikroORM;
  hub: LiveHub;
  liveFields: LiveField[];
  validationRules: ValidationRule[];
  log: Logger;
  /** Whether the upgrade's Origin is the product's own; others are refused with 403. */
  acceptsOrigin(request: IncomingMessage): boolean;
  /** Resolves the viewer from the upgrade request's session cookie. */
  authenticate(request: IncomingMessage): Promise<Viewer | null>;
  maxSubscriptionsPerConnection: number;
  connectionInitWaitTimeout: number;
}

const KEEPALIVE_MS = 12_000;

/** Parses a cursor given as `after`: the sequence of the last event the client saw. */
function parseAfter(value: unknown): bigint | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) {
    throw new GraphQLError('after is not a valid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return BigInt(value);
}

/** Variables without the one that carries `after`: subscribers resuming from different cursors share results. */
function withoutAfter(
  variables: Record<string, unknown>,
  argument: ValueNode | undefined,
): Record<string, unknown> {
  if (argument?.kind !== Kind.VARIABLE) return variables;
  const copy = { ...variables };
  delete copy[argument.name.value];
  return copy;
}

/**
 * graphql-ws on `ws`, on the HTTP server's /graphql path. Hub-served fields (the live agenda) are executed once
 * per change and audience; other subscriptions run per subscriber as graphql-ws does by default.
 */
export function attachLiveWebSocket(server: import('node:http').Server, options: LiveWebSocketOptions) {
  const { log, hub } = options;
  const liveFields = new Map(options.liveFields.map((field) => [field.fieldName, field]));
  const sockets = new Set<WebSocket>();
  const bySession = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ noServer: true, handleProtocols, maxPayload: 64 * 1024 });

  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    if (!options.acceptsOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const live = new WeakMap<
    object,
    { field: LiveField; topic: string; after: bigint | null; key: string; write(payloadJson: string): void }
  >();

  const gql = makeServer<Record<string, unknown> | undefined, WsExtra>({
    schema: options.schema,
    connectionInitWaitTimeout: options.connectionInitWaitTimeout,
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, WsExtra>) => {
      const viewer = await options.authenticate(ctx.extra.request);
      ctx.extra.viewer = viewer;
      if (viewer) {
        let set = bySession.get(viewer.sessionId);
        if (!set) bySession.set(viewer.sessionId, (set = new Set()));
        set.add(ctx.extra.socket);
      }
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerConnection) {
        return [
          new GraphQLError(
            `A connection may hold at most ${options.maxSubscriptionsPerConnection} subscriptions`,
            {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            },
          ),
        ];
      }
      let document;
      try {
        document = parse(payload.query, parseOptions);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the query')];
      }
      const shapeError = documentShapeError(document);
      if (shapeError) return [shapeError];
      const errors = validate(options.schema, document, [...specifiedRules, ...options.validationRules]);
      if (errors.length) return errors;
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new GraphQLError('Unable to identify operation')];
      // Queries and mutations go over HTTP, where CSRF prevention, the client's address and mail are at hand.
      if (operation.operation !== 'subscription') {
        return [
          new GraphQLError(
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
            {
              extensions: { code: 'BAD_REQUEST' },
            },
          ),
        ];
      }
      const variableValues = payload.variables ?? {};
      const em = options.orm.em.fork();
      const contextValue: GraphQLContext = { em, viewer: ctx.extra.viewer };
      const args: ExecutionArgs = {
        schema: options.schema,
        document,
        operationName: payload.operationName,
        variableValues,
        contextValue,
      };
      const selection = operation.selectionSet.selections[0];
      const field =
        operation.operation === 'subscription' &&
        operation.selectionSet.selections.length === 1 &&
        selection?.kind === 'Field'
          ? liveFields.get(selection.name.value)
          : undefined;
      if (field && selection?.kind === 'Field') {
        try {
          const fieldArgs: Record<string, unknown> = {};
          for (const argument of selection.arguments ?? []) {
            fieldArgs[argument.name.value] =
              argument.value.kind === 'Variable'
                ? variableValues[argument.value.name.value]
                : 'value' in argument.value
                  ? argument.value.value
                  : undefined;
          }
          const after = parseAfter(fieldArgs.after);
          const topic = await field.open(em, ctx.extra.viewer, fieldArgs);
          const afterArgument = selection.arguments?.find((a) => a.name.value === 'after')?.value;
          const key = JSON.stringify([
            payload.query,
            payload.operationName ?? null,
            withoutAfter(variableValues, afterArgument),
            ctx.extra.viewer?.id ?? null,
          ]);
          const socket = ctx.extra.socket;
          const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
          const write = (payloadJson: string) => {
            if (socket.readyState === socket.OPEN) socket.send(`${prefix}${payloadJson}}`);
          };
          live.set(args, { field, topic, after, key, write });
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      }
      return args;
    },
    subscribe: (args: ExecutionArgs) => {
      const spec = live.get(args);
      if (!spec) return subscribe(args);
      const context = args.contextValue as GraphQLContext;
      return hub.subscribe({
        ...spec,
        schema: args.schema,
        document: args.document,
        operationName: args.operationName,
        variableValues: args.variableValues ?? {},
        viewer: context.viewer,
      });
    },
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    sockets.add(socket);
    const extra: WsExtra = { socket, request, viewer: null };
    let alive = true;
    socket.on('pong', () => (alive = true));
    const keepalive = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, KEEPALIVE_MS);
    socket.on('error', (error) => log.debug({ err: error.message }, 'websocket error'));
    const closed = gql.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (message: Buffer) => {
            // Before graphql-ws parses it: over-deep variables would overflow the stack of GraphQL's coercion.
            if (nestsDeeperThan(message)) {
              socket.close(CloseCode.BadRequest, 'Message nested too deeply');
              return;
            }
            try {
              await cb(String(message));
            } catch (error) {
              log.error({ err: (error as Error).message }, 'websocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      extra,
    );
    socket.once('close', (code, reason) => {
      clearInterval(keepalive);
      sockets.delete(socket);
      if (extra.viewer) bySession.get(extra.viewer.sessionId)?.delete(socket);
      void closed(code, reason.toString());
    });
  });

  return {
    get connectionCount() {
      return sockets.size;
    },
    /** Closes the sockets of a session that signed out or was ended. */
    closeSession(sessionId: string): void {
      for (const socket of bySession.get(sessionId) ?? []) socket.close(CloseCode.Forbidden, 'Session ended');
      bySession.delete(sessionId);
    },
    /** Closes every socket with 1001 (going away) and stops accepting. */
    async close(): Promise<void> {
      const closing = [...sockets].map(
        (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
      );
      for (const socket of sockets) socket.close(1001, 'Server shutting down');
      // Give clients a moment to answer the close frame, then cut off the ones that do not.
      await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 1000))]);
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type LiveWebSocket = ReturnType<typeof attachLiveWebSocket>;
