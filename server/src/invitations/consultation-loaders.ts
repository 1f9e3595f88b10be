import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';

/** Per unit of work: a consultation's responses and their positions, each kind in one statement. */
interface ConsultationLoaders {
  /** Every response of a consultation, first submitted first. */
  responses: DataLoader<string, ConsultationResponse[]>;
  /** A response's positions, in the order of the proposals. */
  positions: DataLoader<string, ConsultationPosition[]>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, ConsultationLoaders>();

export function consultationLoaders(em: EntityManager): ConsultationLoaders {
  let loaders = loadersByUnitOfWork.get(em);
  if (!loaders) {
    loaders = {
      responses: new DataLoader(async (ids) => {
        const rows = await em.find(
          ConsultationResponse,
          { invitation: { $in: [...ids] } },
          { orderBy: { submittedAt: 'asc', id: 'asc' } },
        );
        return ids.map((id) => rows.filter((row) => row.invitation.id === id));
      }),
      positions: new DataLoader(async (ids) => {
        const rows = await em.find(
          ConsultationPosition,
          { response: { $in: [...ids] } },
          { populate: ['proposal'], orderBy: { proposal: { position: 'asc' } } },
        );
        return ids.map((id) => rows.filter((row) => row.response.id === id));
      }),
    };
    loadersByUnitOfWork.set(em, loaders);
  }
  return loaders;
}
