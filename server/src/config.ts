import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_DOCUMENT_MAX_BYTES,
  DEFAULT_CONSULTATION_MIN_DAYS,
  DEFAULT_REGISTRATION_PATTERN,
  DEFAULT_REGISTRATION_SERIES,
  isValidRegistrationPattern,
} from '@samverka/domain';

/** The repository root, so that the embedded database and the built client are found wherever we start. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  /** TCP port for HTTP and WebSocket GraphQL. */
  port: number;
  /** Interface to listen on; loopback by default. */
  host: string;
  /** An existing PostgreSQL; when absent an embedded one is started in dataDir. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between restarts. */
  dataDir: string;
  /** Seed the demo data on start (idempotent). */
  seedDemo: boolean;
  logLevel: string;
  /** Mark the session cookie Secure: COOKIE_SECURE, or PUBLIC_URL is https. */
  cookieSecure: boolean;
  /** Directory of the built client served at `/`; absent directory means API only. */
  clientDir: string;
  /** Expose GET /metrics with counters used by the benchmark. */
  metrics: boolean;
  /** Subscriptions one WebSocket connection may hold at once. */
  maxSubscriptionsPerConnection: number;
  /** Milliseconds a WebSocket has to send connection_init. */
  connectionInitWaitTimeout: number;
  /** Hours live events are kept for replay; a client resuming from an older cursor gets the state now. */
  liveEventRetentionHours: number;
  /** Bytes waiting to be sent on one WebSocket before it is closed with 1013 (it stopped reading). */
  liveMaxBufferedBytes: number;
  /** Milliseconds requests in flight get to finish on shutdown. */
  shutdownGraceMs: number;
  /** Milliseconds the database may stay gone (restarting, unreachable) before the server exits non-zero. */
  databaseRecoveryMs: number;
  /** Accounts one address may create in an hour. */
  registrationsPerHour: number;
  /** SMTP relay for mail (smtp://user:pass@host:587, smtps://…). */
  smtpUrl: string | undefined;
  /** The demo's mail catcher: mail is kept in the process and shown at /dev/mail to loopback clients only. */
  mailCatcher: boolean;
  /** Sender of the mails. */
  mailFrom: string;
  /** Base of links in mails (the client's address); absent: the server's own address. */
  publicUrl: string | undefined;
  /** Proxy hops in front of the server whose X-Forwarded-For is trusted for the client's address (rate limits). */
  trustProxy: number;
  /** The largest document an upload may carry, in bytes. */
  documentMaxBytes: number;
  /** Hours an uploaded document may stay attached to nothing before it is removed. */
  documentUnattachedHours: number;
  /** Samverkansrådet's register: the series of its registration numbers and how they are laid out. */
  registration: { series: string; pattern: string };
  /** Early dialogue: a consultation's deadline shorter than this many days after publication is flagged. */
  invitations: { consultationMinDays: number };
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[], example: string): string | undefined {
  const raw = env[name] || undefined;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected ${example})`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`,
    );
  }
  return raw;
}

/** Reads and validates the environment; throws ConfigError with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError(
        'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)',
      );
    }
    if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
      throw new ConfigError(`DATABASE_URL must start with postgres://, got "${url.protocol}//"`);
    }
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:'], 'https://samverka.example');
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:password@host:587');
  const mailCatcher = flag(env, 'MAIL_CATCHER', false);
  if (smtpUrl && mailCatcher) {
    throw new ConfigError(
      'set either SMTP_URL (send mail) or MAIL_CATCHER=true (the demo keeps it), not both',
    );
  }
  const registration = {
    series: env.REGISTRATION_SERIES || DEFAULT_REGISTRATION_SERIES,
    pattern: env.REGISTRATION_PATTERN || DEFAULT_REGISTRATION_PATTERN,
  };
  if (!/^[\p{L}\p{N} .-]{1,20}$/u.test(registration.series)) {
    throw new ConfigError(
      'REGISTRATION_SERIES must be 1–20 letters, digits, spaces, dots or hyphens, e.g. "SR"',
    );
  }
  if (!isValidRegistrationPattern(registration.pattern)) {
    throw new ConfigError(
      'REGISTRATION_PATTERN must contain {number} (or {number:4}) and {year}, e.g. "{series} {number}/{year}"',
    );
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.SAMVERKA_DATA_DIR || path.join(repoRoot, '.data', 'postgres')),
    seedDemo: flag(env, 'SEED_DEMO', true),
    logLevel,
    cookieSecure: flag(env, 'COOKIE_SECURE', false) || publicUrl?.startsWith('https:') === true,
    clientDir: path.resolve(env.CLIENT_DIR || path.join(repoRoot, 'client', 'dist')),
    metrics: flag(env, 'SAMVERKA_METRICS', false),
    maxSubscriptionsPerConnection: integer(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 1000),
    connectionInitWaitTimeout: integer(env, 'WS_INIT_TIMEOUT_MS', 3000, 100, 60000),
    liveEventRetentionHours: integer(env, 'LIVE_EVENT_RETENTION_HOURS', 72, 1, 8760),
    liveMaxBufferedBytes: integer(env, 'LIVE_MAX_BUFFERED_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 60000),
    databaseRecoveryMs: integer(env, 'DATABASE_RECOVERY_MS', 30000, 1000, 600000),
    registrationsPerHour: integer(env, 'REGISTRATIONS_PER_HOUR', 10, 1, 100000),
    smtpUrl,
    mailCatcher,
    mailFrom: env.MAIL_FROM || 'Samverka <noreply@samverka.example>',
    publicUrl,
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_BYTES', DEFAULT_DOCUMENT_MAX_BYTES, 1024, 100 * 1024 * 1024),
    documentUnattachedHours: integer(env, 'DOCUMENT_UNATTACHED_HOURS', 24, 1, 8760),
    invitations: {
      consultationMinDays: integer(env, 'CONSULTATION_MIN_DAYS', DEFAULT_CONSULTATION_MIN_DAYS, 1, 365),
    },
    registration,
  };
}
