import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MEMBERSHIP_TRANSITIONS,
  MembershipAction,
  UserErrorCode,
  canTakeMembershipAction,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { partyTopic, publishLiveEvent } from '../live/publish.js';
import { Membership } from '../parties/membership.entity.js';
import type { Party } from '../parties/party.entity.js';
import { partyFacts } from '../parties/party-facts.js';
import { accountPolicy } from '../accounts/account.policy.js';

export interface DecideMembershipRequestInput {
  /** The membership's uuid; null when the given id was not a membership's. */
  membershipId: string | null;
  approve: boolean;
}

/** A party's contact approves or declines someone's request to join the party. */
export async function decideMembershipRequest(
  em: EntityManager,
  viewer: Viewer | null,
  input: DecideMembershipRequestInput,
): Promise<Party> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const membership = input.membershipId
      ? await tx.findOne(Membership, input.membershipId, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!membership) throw userError('membershipId', 'Förfrågan finns inte.', UserErrorCode.NOT_FOUND);
    const party = await membership.party.load();
    if (!party) throw userError('membershipId', 'Förfrågan finns inte.', UserErrorCode.NOT_FOUND);
    if (!accountPolicy.partyContact(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    const action = input.approve ? MembershipAction.APPROVE : MembershipAction.DECLINE;
    if (!canTakeMembershipAction(membership.status, action)) {
      throw userError('membershipId', 'Förfrågan är redan avgjord.', UserErrorCode.INVALID_TRANSITION);
    }
    membership.status = MEMBERSHIP_TRANSITIONS[action].to;
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: partyTopic(party.id),
      kind: input.approve ? 'MEMBERSHIP_APPROVED' : 'MEMBERSHIP_DECLINED',
      subjectId: party.id,
    });
    return party;
  });
}
