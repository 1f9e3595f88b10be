import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvitationInvitee } from './invitation-invitee.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';

/** Per unit of work: what the fields of many invitations need, each kind in one statement. */
interface InvitationLoaders {
  /** The named parties' ids of an invitation. */
  invitees: DataLoader<string, string[]>;
  /** An invitation's occasions, earliest first. */
  occasions: DataLoader<string, InvitationOccasion[]>;
  /** A consultation's proposals, in their order. */
  proposals: DataLoader<string, ConsultationProposal[]>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, InvitationLoaders>();

export function invitationLoaders(em: EntityManager): InvitationLoaders {
  let loaders = loadersByUnitOfWork.get(em);
  if (!loaders) {
    loaders = {
      invitees: new DataLoader(async (ids) => {
        const rows = await em.find(InvitationInvitee, { invitation: { $in: [...ids] } });
        return ids.map((id) => rows.filter((row) => row.invitation.id === id).map((row) => row.party.id));
      }),
      occasions: new DataLoader(async (ids) => {
        const rows = await em.find(
          InvitationOccasion,
          { invitation: { $in: [...ids] } },
          { orderBy: { startsAt: 'asc', id: 'asc' } },
        );
        return ids.map((id) => rows.filter((row) => row.invitation.id === id));
      }),
      proposals: new DataLoader(async (ids) => {
        const rows = await em.find(
          ConsultationProposal,
          { invitation: { $in: [...ids] } },
          { orderBy: { position: 'asc' } },
        );
        return ids.map((id) => rows.filter((row) => row.invitation.id === id));
      }),
    };
    loadersByUnitOfWork.set(em, loaders);
  }
  return loaders;
}
