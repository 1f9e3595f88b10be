import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SubmissionCosignature } from './submission-cosignature.entity.js';

/** Per unit of work: what the fields of many matters need, each kind in one statement. */
interface SubmissionLoaders {
  /** The co-signatures of a matter, oldest first. */
  cosignatures: DataLoader<string, SubmissionCosignature[]>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, SubmissionLoaders>();

export function submissionLoaders(em: EntityManager): SubmissionLoaders {
  let loaders = loadersByUnitOfWork.get(em);
  if (!loaders) {
    loaders = {
      cosignatures: new DataLoader(async (ids) => {
        const rows = await em.find(
          SubmissionCosignature,
          { submission: { $in: [...ids] } },
          { orderBy: { signedAt: 'asc' } },
        );
        return ids.map((id) => rows.filter((row) => row.submission.id === id));
      }),
    };
    loadersByUnitOfWork.set(em, loaders);
  }
  return loaders;
}

/** The ids of the parties standing behind a matter. */
export async function cosigningPartyIds(em: EntityManager, submissionId: string): Promise<string[]> {
  return (await submissionLoaders(em).cosignatures.load(submissionId)).map((row) => row.party.id);
}
