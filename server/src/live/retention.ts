import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';

/** How often old events are pruned. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** Rows deleted per transaction, so pruning a long backlog never holds locks for long. */
const BATCH = 5000;

/**
 * One batch: deletes events older than the retention and moves the horizon (the highest sequence pruned) in
 * the same transaction, so a replay never mistakes a pruned stretch for a quiet one. Instances that prune at
 * once take turns on an advisory lock; one that finds it taken leaves the work to the other.
 */
const PRUNE_BATCH_SQL = `with gone as (
  delete from live_event where sequence in (
    select sequence from live_event where occurred_at < now() - make_interval(hours => ?)
    order by occurred_at limit ${BATCH}
  ) returning sequence
), horizon as (
  update live_event_horizon set pruned_through = greatest(pruned_through, (select max(sequence) from gone))
  where exists (select 1 from gone)
)
select count(*)::int as n from gone`;

/** Deletes live events older than `retentionHours`; returns how many. */
export async function pruneLiveEvents(em: EntityManager, retentionHours: number): Promise<number> {
  let total = 0;
  for (;;) {
    const pruned = await em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const [lock] = await connection.execute<{ got: boolean }[]>(
        "select pg_try_advisory_xact_lock(hashtext('live_event_pruning')) as got",
        [],
        'all',
        ctx,
      );
      if (!lock?.got) return 0;
      const [row] = await connection.execute<{ n: number }[]>(PRUNE_BATCH_SQL, [retentionHours], 'all', ctx);
      return row?.n ?? 0;
    });
    total += pruned;
    if (pruned < BATCH) return total;
  }
}

/** Prunes at start and then every ten minutes, in the background. */
export class LiveEventPruning {
  private running: Promise<void> = Promise.resolve();

  private constructor(
    private readonly timer: NodeJS.Timeout,
    private readonly prune: () => Promise<void>,
  ) {}

  static start(orm: MikroORM, retentionHours: number, log: Logger): LiveEventPruning {
    const prune = async () => {
      const pruned = await pruneLiveEvents(orm.em, retentionHours).catch((error: Error) => {
        log.warn({ err: error.message }, 'pruning live events failed; trying again later');
        return 0;
      });
      if (pruned) log.info({ pruned }, 'old live events pruned');
    };
    const timer = setInterval(() => pruning.run(), PRUNE_EVERY_MS);
    timer.unref();
    const pruning = new LiveEventPruning(timer, prune);
    pruning.run();
    return pruning;
  }

  private run(): void {
    this.running = this.running.then(this.prune);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
