import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PgBoss } from 'pg-boss';
import { CompiledQuery, type Transaction } from 'kysely';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';

/** What side effects are carried out with. */
export interface SideEffectServices {
  mailer: Mailer;
  /** For side effects that read what to do when they run (the notification digests). */
  orm: MikroORM;
  /** For side effects that record further ones (a digest records one mail per person). */
  outbox: Outbox;
}

/**
 * A kind of side effect that follows a change (a mail, and the notifications to come), declared by the
 * feature that causes it. Its data must be JSON; it is stored with the change and carried out after commit.
 */
export interface SideEffectKind<T extends object> {
  readonly name: string;
  /** Carries the side effect out; throwing retries it later, with backoff. */
  run(data: T, services: SideEffectServices): Promise<void>;
  /**
   * Also sent on a schedule (a cron expression in a time zone), with empty data: pg-boss's scheduler sends
   * one job per occurrence whatever the number of instances.
   */
  readonly schedule?: { cron: string; tz: string };
}

/** Retries double from a second up to ten minutes, for about two days, before a side effect is given up. */
const QUEUE_POLICY = {
  retryLimit: 25,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 600,
  // A claim held this long by a process that died is taken up again.
  expireInSeconds: 120,
  // Carried-out side effects (mails hold links with tokens) are not kept.
  deleteAfterSeconds: 3600,
};

/**
 * Side effects recorded in the transaction of the change that causes them and carried out after it commits,
 * by pg-boss workers: at least once, never for a rolled-back change, and not lost when the process dies
 * between commit and sending, since the job is a row committed with the change.
 */
export class Outbox {
  private constructor(
    private readonly boss: PgBoss,
    private readonly services: Omit<SideEffectServices, 'outbox'>,
    private readonly log: Logger,
  ) {}

  static async start(
    databaseUrl: string,
    services: Omit<SideEffectServices, 'outbox'>,
    log: Logger,
  ): Promise<Outbox> {
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4 });
    boss.on('error', (error: Error) => log.warn({ err: error.message }, 'outbox'));
    await boss.start();
    return new Outbox(boss, services, log);
  }

  /** Starts carrying out side effects of this kind (this instance's worker; several instances share them). */
  async handle(kind: SideEffectKind<never>): Promise<void> {
    await this.boss.createQueue(kind.name, QUEUE_POLICY);
    if (kind.schedule) await this.boss.schedule(kind.name, kind.schedule.cron, {}, { tz: kind.schedule.tz });
    await this.boss.work<never>(kind.name, { pollingIntervalSeconds: 1 }, async ([job]) => {
      try {
        await kind.run(job!.data, { ...this.services, outbox: this });
      } catch (error) {
        this.log.warn(
          { kind: kind.name, attempt: job!.retryCount + 1, err: (error as Error).message },
          'side effect failed; it is retried later',
        );
        throw error;
      }
    });
  }

  /** Records a side effect in tx's transaction: it is carried out once that transaction commits. */
  async record<T extends object>(tx: EntityManager, kind: SideEffectKind<T>, data: T): Promise<void> {
    // The ORM's transaction is a Kysely transaction bound to one pooled connection: pg-boss's insert runs on it.
    const transaction = tx.getTransactionContext<Transaction<unknown>>();
    if (!transaction) throw new Error(`${kind.name} must be recorded inside the transaction of its change`);
    await this.boss.send(kind.name, data, {
      db: {
        executeSql: async (text, values) => ({
          rows: (await transaction.executeQuery(CompiledQuery.raw(text, values ?? []))).rows,
        }),
      },
    });
  }

  /** Lets side effects being carried out finish (up to graceMs); the rest wait in the table for the next start. */
  stop(graceMs: number): Promise<void> {
    return this.boss.stop({ graceful: true, timeout: Math.max(graceMs, 1000) });
  }
}
