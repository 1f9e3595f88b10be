import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvitationReplyKind, ParticipantStatus } from '@samverka/domain';
import { InvitationReply } from './invitation-reply.entity.js';
import { participantGlobalId, type OccasionParticipantView } from './occasion-participant.type.js';

/** An occasion's seats taken and waiting list's length. */
export interface OccasionCounts {
  seatsTaken: number;
  waitingCount: number;
}

/** Per unit of work: what the answer fields of many occasions and invitations need, each in one statement. */
interface InvitationAnswerLoaders {
  /** Seats taken and waiting, per occasion. */
  counts: DataLoader<string, OccasionCounts>;
  /** The participants not cancelled, per occasion: seats by arrival, then the waiting list in order. */
  participants: DataLoader<string, OccasionParticipantView[]>;
  /** The replies (input, declines), per invitation, oldest first. */
  replies: DataLoader<string, InvitationReply[]>;
  /** Distinct parties that registered someone or gave input, per invitation. */
  answeringPartyCounts: DataLoader<string, number>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, InvitationAnswerLoaders>();

const marks = (ids: readonly string[]) => ids.map(() => '?').join(', ');

interface ParticipantRow {
  id: string;
  occasion_id: string;
  party_id: string;
  name: string;
  needs: string | null;
  status: ParticipantStatus;
  waiting_position: number | null;
  registered_at: Date;
  seated_at: Date | null;
}

export function invitationAnswerLoaders(em: EntityManager): InvitationAnswerLoaders {
  let loaders = loadersByUnitOfWork.get(em);
  if (loaders) return loaders;
  const execute = <T>(sql: string, params: unknown[]) =>
    em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
  loaders = {
    counts: new DataLoader(async (ids) => {
      const rows = await execute<{ occasion_id: string; taken: number; waiting: number }>(
        `select occasion_id,
                count(*) filter (where status = ?)::int as taken,
                count(*) filter (where status = ?)::int as waiting
           from occasion_participant
          where occasion_id in (${marks(ids)}) and status <> ?
          group by occasion_id`,
        [ParticipantStatus.REGISTERED, ParticipantStatus.WAITING, ...ids, ParticipantStatus.CANCELLED],
      );
      return ids.map((id) => {
        const row = rows.find((r) => r.occasion_id === id);
        return { seatsTaken: row?.taken ?? 0, waitingCount: row?.waiting ?? 0 };
      });
    }),
    participants: new DataLoader(async (ids) => {
      const rows = await execute<ParticipantRow>(
        `select id, occasion_id, party_id, name, needs, status, registered_at, seated_at,
                case when status = ?
                     then row_number() over (partition by occasion_id, status order by sequence)::int
                end as waiting_position
           from occasion_participant
          where occasion_id in (${marks(ids)}) and status <> ?
          order by occasion_id, status, sequence`,
        [ParticipantStatus.WAITING, ...ids, ParticipantStatus.CANCELLED],
      );
      return ids.map((id) =>
        rows
          .filter((row) => row.occasion_id === id)
          .map((row) => ({
            id: participantGlobalId(row.id),
            partyId: row.party_id,
            name: row.name,
            needs: row.needs,
            status: row.status,
            waitingPosition: row.waiting_position,
            registeredAt: new Date(row.registered_at),
            seatedAt: row.seated_at ? new Date(row.seated_at) : null,
          })),
      );
    }),
    replies: new DataLoader(async (ids) => {
      const rows = await em.find(
        InvitationReply,
        { invitation: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.invitation.id === id));
    }),
    answeringPartyCounts: new DataLoader(async (ids) => {
      const rows = await execute<{ invitation_id: string; n: number }>(
        `select invitation_id, count(distinct party_id)::int as n from (
           select o.invitation_id, p.party_id
             from occasion_participant p join invitation_occasion o on o.id = p.occasion_id
            where o.invitation_id in (${marks(ids)}) and p.status <> ?
           union all
           select r.invitation_id, r.party_id from invitation_reply r
            where r.invitation_id in (${marks(ids)}) and r.kind = ?
         ) answers group by invitation_id`,
        [...ids, ParticipantStatus.CANCELLED, ...ids, InvitationReplyKind.INPUT],
      );
      return ids.map((id) => rows.find((row) => row.invitation_id === id)?.n ?? 0);
    }),
  };
  loadersByUnitOfWork.set(em, loaders);
  return loaders;
}
