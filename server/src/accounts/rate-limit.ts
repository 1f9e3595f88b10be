import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, retryAfterText } from '@samverka/domain';
import { userError } from '../graphql/user-error.js';

/** At most `max` attempts under `key` within the last `windowMinutes`. */
export interface RateLimit {
  key: string;
  max: number;
  windowMinutes: number;
}

/**
 * A slow-down rather than a limit: `freeAttempts` within the window go through at once; after that each
 * attempt waits for a pause after the latest one, 30 s doubling with every further attempt, at most
 * `maxPauseMinutes`. Nothing is locked for the whole window.
 */
export interface SlowDown {
  key: string;
  windowMinutes: number;
  freeAttempts: number;
  maxPauseMinutes: number;
}

const FIRST_PAUSE_MS = 30_000;

/**
 * Failed sign-ins, following OWASP: 5 per (account, address) pair in 15 minutes, so a guesser elsewhere never
 * locks the owner out; per address 20 in 15 minutes, then a growing pause (at most 5 minutes), so one address
 * cannot spray passwords over many accounts, and people behind the same address are slowed, not shut out.
 * The pair's key ends with the address of the account, so the GDPR export finds it.
 */
export function signInLimits(email: string, ip: string): [RateLimit, SlowDown] {
  return [
    { key: `signin:pair:${ip}:${email}`, max: 5, windowMinutes: 15 },
    { key: `signin:ip:${ip}`, windowMinutes: 15, freeAttempts: 20, maxPauseMinutes: 5 },
  ];
}

/** Password-reset requests: 3 per account, 10 per address, in an hour. */
export function passwordResetLimits(email: string, ip: string): RateLimit[] {
  return [
    { key: `reset:email:${email}`, max: 3, windowMinutes: 60 },
    { key: `reset:ip:${ip}`, max: 10, windowMinutes: 60 },
  ];
}

/** Accounts created from one address (REGISTRATIONS_PER_HOUR, 10 by default), so nobody creates them by the hundred. */
export function registrationLimits(ip: string, perHour: number): RateLimit[] {
  return [{ key: `register:ip:${ip}`, max: perHour, windowMinutes: 60 }];
}

/** Invitations a person sends: 30 an hour, so a contact's account cannot be used to spam. */
export function invitationLimits(personId: string): RateLimit[] {
  return [{ key: `invite:person:${personId}`, max: 30, windowMinutes: 60 }];
}

/** Rows older than every window are pruned now and then, by whichever instance comes by. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
let lastPrunedAt = 0;

/**
 * Counts an attempt under every limit, in the caller's transaction: refuses with RATE_LIMITED (and the time
 * to wait) when any limit is reached, else records the attempt. The keys are locked until commit, so
 * parallel attempts are counted one after the other and a burst cannot slip past the limit. Returns the ids
 * of the recorded rows, so an attempt that turns out fine can be taken back.
 */
export async function countAttempt(tx: EntityManager, limits: (RateLimit | SlowDown)[]): Promise<string[]> {
  const connection = tx.getConnection();
  const ctx = tx.getTransactionContext();
  if (!ctx) throw new Error('rate-limited attempts are counted inside a transaction');
  const keys = [...new Set(limits.map((limit) => limit.key))].sort();
  for (const key of keys) {
    await connection.execute("select pg_advisory_xact_lock(hashtext('rate:' || ?))", [key], 'run', ctx);
  }
  let waitMs = 0;
  for (const limit of limits) {
    if (!('max' in limit)) {
      waitMs = Math.max(waitMs, await pauseOf(tx, limit));
      continue;
    }
    // The attempt that has to age out of the window before another is allowed: the max-th newest.
    const rows = await connection.execute<{ at: Date }[]>(
      `select at from rate_limit_attempt where key = ? and at > now() - make_interval(mins => ?)
       order by at desc offset ? limit 1`,
      [limit.key, limit.windowMinutes, limit.max - 1],
      'all',
      ctx,
    );
    const blocking = rows[0];
    if (blocking) {
      waitMs = Math.max(waitMs, new Date(blocking.at).getTime() + limit.windowMinutes * 60_000 - Date.now());
    }
  }
  if (waitMs > 0 || limits.some((limit) => 'max' in limit && limit.max <= 0)) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw userError('', `För många försök. ${retryAfterText(minutes)}`, UserErrorCode.RATE_LIMITED, minutes);
  }
  if (Date.now() - lastPrunedAt > PRUNE_EVERY_MS) {
    lastPrunedAt = Date.now();
    await connection.execute(
      "delete from rate_limit_attempt where at < now() - interval '1 day'",
      [],
      'run',
      ctx,
    );
  }
  const inserted = await connection.execute<{ id: string }[]>(
    `insert into rate_limit_attempt (key) values ${limits.map(() => '(?)').join(', ')} returning id`,
    limits.map((limit) => limit.key),
    'all',
    ctx,
  );
  return inserted.map((row) => String(row.id));
}

/** How long an attempt under a slow-down has still to wait (0: it may go now). */
async function pauseOf(tx: EntityManager, limit: SlowDown): Promise<number> {
  const [row] = await tx.getConnection().execute<{ n: number; latest: Date | null }[]>(
    `select count(*)::int as n, max(at) as latest from rate_limit_attempt
     where key = ? and at > now() - make_interval(mins => ?)`,
    [limit.key, limit.windowMinutes],
    'all',
    tx.getTransactionContext(),
  );
  if (!row?.latest || row.n < limit.freeAttempts) return 0;
  const pause = Math.min(FIRST_PAUSE_MS * 2 ** (row.n - limit.freeAttempts), limit.maxPauseMinutes * 60_000);
  return Math.max(0, new Date(row.latest).getTime() + pause - Date.now());
}

/** Forgets attempts: a successful sign-in clears the account's failures and its own attempt. */
export async function forgetAttempts(tx: EntityManager, where: { key?: string; ids?: string[] }) {
  const ctx = tx.getTransactionContext();
  if (where.key) {
    await tx.getConnection().execute('delete from rate_limit_attempt where key = ?', [where.key], 'run', ctx);
  }
  if (where.ids?.length) {
    await tx
      .getConnection()
      .execute(
        `delete from rate_limit_attempt where id in (${where.ids.map(() => '?').join(', ')})`,
        where.ids,
        'run',
        ctx,
      );
  }
}

/** Forgets an account's failed sign-ins from every address: its owner proved they hold the mailbox (a reset). */
export async function forgetSignInFailures(tx: EntityManager, email: string) {
  const suffix = `:${email}`;
  await tx
    .getConnection()
    .execute(
      "delete from rate_limit_attempt where key like 'signin:pair:%' and right(key, ?) = ?",
      [suffix.length, suffix],
      'run',
      tx.getTransactionContext(),
    );
}
