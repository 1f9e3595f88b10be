import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_TRANSITIONS,
  UserErrorCode,
  canTakeInvitationAction,
  type InvitationAction,
  type InvitationRole,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { Invitation } from './invitation.entity.js';
import {
  invitationFacts,
  invitationPolicy,
  viewerInvitationFacts,
  type InvitationFacts,
  type ViewerInvitationFacts,
} from './invitation-access.js';

/** An invitation locked for an answer, with what the policy decides on. */
export interface LockedInvitation {
  invitation: Invitation;
  facts: ViewerInvitationFacts;
  of: InvitationFacts;
  roles: InvitationRole[];
}

/**
 * Locks the invitation's row (SELECT … FOR UPDATE) for the rest of the transaction: every answer takes it first,
 * then the occasion's, so answers and edits of one invitation take turns and never deadlock. A draft of another
 * party is as absent as a missing invitation: the field error names `field`.
 */
export async function lockInvitation(
  tx: EntityManager,
  viewer: Viewer,
  invitationId: string | null,
  field: string,
  missingMessage: string,
): Promise<LockedInvitation> {
  const invitation = invitationId
    ? await tx.findOne(Invitation, invitationId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  const facts = await viewerInvitationFacts(tx, viewer);
  const of = invitation ? await invitationFacts(tx, invitation) : null;
  if (!invitation || !of || !invitationPolicy.see(facts, of)) {
    throw userError(field, missingMessage, UserErrorCode.NOT_FOUND);
  }
  return { invitation, facts, of, roles: invitationPolicy.roles(facts, of) };
}

/** FORBIDDEN unless the viewer's roles ever take the step; a field error when the workflow does not allow it now. */
export function checkStep(locked: LockedInvitation, action: InvitationAction, notNowMessage: string): void {
  if (!INVITATION_TRANSITIONS[action].by.some((role) => locked.roles.includes(role))) throw forbidden();
  if (!canTakeInvitationAction(locked.invitation.kind, locked.invitation.status, action, locked.roles)) {
    throw userError('', notNowMessage, UserErrorCode.INVALID_TRANSITION);
  }
}
