import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths never written to a log: session cookies, credentials, tokens and e-mail addresses, wherever a caller
 * might put them. Database errors are reduced by `errorForLog`.
 */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'cookie',
  'password',
  'passwordHash',
  'token',
  'email',
  'to',
  '*.cookie',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.email',
  '*.to',
];

const SQL_START = /^\s*(select|insert|update|delete|with|create|alter|drop|begin|commit|rollback|set)\b/i;

/**
 * MikroORM's query errors read "<the SQL with its parameters inlined> - <PostgreSQL's message>": the
 * parameters (addresses, hashes, texts people wrote) stay out of the log; PostgreSQL's message is kept.
 */
export function withoutSql(message: string): string {
  if (!SQL_START.test(message)) return message;
  const at = message.lastIndexOf(' - ');
  return at >= 0 ? `(statement withheld) - ${message.slice(at + 3)}` : '(statement withheld)';
}

/** What a log line says about an error: its kind, message without SQL, and the database's error code. */
export function errorForLog(error: unknown): Record<string, unknown> | string {
  if (typeof error === 'string') return withoutSql(error);
  if (!(error instanceof Error)) return String(error);
  const { code } = error as { code?: unknown };
  const message = withoutSql(error.message);
  return {
    type: error.name,
    message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack?.replace(error.message, message),
  };
}

/** JSON logs on stdout (or `destination`); one logger per process. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samverka' },
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: errorForLog },
    },
    destination,
  );
}
