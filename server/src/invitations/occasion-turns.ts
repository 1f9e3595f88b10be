/**
 * Answers to one occasion take turns in this process before they take a database connection. Each waits for the
 * occasion's row lock inside a transaction, so without turns a rush (50 parties for the last seats) would hold
 * every pooled connection while waiting, and requests beyond the pool would fail to get one. In turns, at most one
 * connection per occasion waits on the lock; the lock still orders answers across server instances, and turns
 * are taken first come first served, so the waiting list keeps the order of arrival.
 */
const tails = new Map<string, Promise<void>>();

export async function inOccasionTurn<T>(occasionId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(occasionId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(occasionId, tail);
  try {
    await previous;
    return await work();
  } finally {
    release();
    if (tails.get(occasionId) === tail) tails.delete(occasionId);
  }
}
