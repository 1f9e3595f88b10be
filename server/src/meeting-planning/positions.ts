import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Writes the positions 1..n of `order`. Positions are unique per agenda and PostgreSQL checks that per row, so
 * the items first step aside to negative positions, then take their places: two batched updates.
 */
export async function renumber(tx: EntityManager, order: { position: number }[]): Promise<void> {
  order.forEach((item, index) => (item.position = -(index + 1)));
  await tx.flush();
  order.forEach((item, index) => (item.position = index + 1));
  await tx.flush();
}
