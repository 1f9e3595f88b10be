import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Submission } from './submission.entity.js';

const loadersByUnitOfWork = new WeakMap<EntityManager, DataLoader<string, Submission[]>>();

/**
 * The matters on an agenda item (scheduled on it, or answered by its decision), in registration order. One
 * statement for a whole agenda, whatever its length. Drafts never have an item, and a restricted matter shows
 * only its number and status through the submission's own fields, so the list is the same for every viewer.
 */
export function submissionsOnAgendaItem(em: EntityManager, agendaItemId: string): Promise<Submission[]> {
  let loader = loadersByUnitOfWork.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await em.find(
        Submission,
        { agendaItem: { $in: [...ids] } },
        { orderBy: { registeredAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.agendaItem?.id === id));
    });
    loadersByUnitOfWork.set(em, loader);
  }
  return loader.load(agendaItemId);
}
