import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, retryAfterText } from '@samverka/domain';
import { userError } from '../graphql/user-error.js';

/** At most `max` attempts under `key` within the last `windowMinutes`. */
export interface RateLimit {
  key: string;
  max: number;
  windowMinutes: number;
}

/** Failed sign-ins: 5 per account, 20 per address, in 15 minutes. */
export function signInLimits(email: string, ip: string): RateLimit[] {
  return [
    { key: `signin:email:${email}`, max: 5, windowMinutes: 15 },
    { key: `signin:ip:${ip}`, max: 20, windowMinutes: 15 },
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
export async function countAttempt(tx: EntityManager, limits: RateLimit[]): Promise<string[]> {
  const connection = tx.getConnection();
  const ctx = tx.getTransactionContext();
  if (!ctx) throw new Error('rate-limited attempts are counted inside a transaction');
  const keys = [...new Set(limits.map((limit) => limit.key))].sort();
  for (const key of keys) {
    await connection.execute("select pg_advisory_xact_lock(hashtext('rate:' || ?))", [key], 'run', ctx);
  }
  let waitMs = 0;
  for (const limit of limits) {
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
  if (waitMs > 0 || limits.some((limit) => limit.max <= 0)) {
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
