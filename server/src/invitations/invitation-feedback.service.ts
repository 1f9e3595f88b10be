import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_LIMITS,
  INVITATION_TRANSITIONS,
  InvitationAction,
  InvitationStatus,
  NotificationKind,
  UserErrorCode,
  canTakeInvitationAction,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Invitation } from './invitation.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';

/** What the feedback step needs besides the input: the outbox, and (in tests) the time. */
export interface FeedbackContext {
  outbox?: Outbox;
  now?: Date;
}

export interface PublishInvitationFeedbackInput {
  /** The invitation's uuid; null when the id given was no invitation's. */
  invitationId: string | null;
  expectedVersion: number;
  text: string;
}

const missing = () => userError('invitationId', 'Inbjudan finns inte.', UserErrorCode.NOT_FOUND);

/**
 * The inviter tells what came of the dialogue or consultation (återkoppling), once it has been held or its
 * deadline has passed, and may update it later. Everyone who took part is notified each time. The row is
 * locked and the version seen checked, so two people of the inviting party never overwrite each other.
 */
export async function publishInvitationFeedback(
  em: EntityManager,
  viewer: Viewer | null,
  input: PublishInvitationFeedbackInput,
  context: FeedbackContext = {},
): Promise<Invitation> {
  if (!viewer) throw unauthenticated();
  const action = InvitationAction.PUBLISH_FEEDBACK;
  return em.transactional(async (tx) => {
    const invitation = input.invitationId
      ? await tx.findOne(Invitation, input.invitationId, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
          refresh: true,
        })
      : null;
    if (!invitation) throw missing();
    const [facts, of] = await Promise.all([
      viewerInvitationFacts(tx, viewer),
      invitationFacts(tx, invitation),
    ]);
    // Another party's draft is as absent as a missing invitation.
    if (!invitationPolicy.see(facts, of)) throw missing();
    const roles = invitationPolicy.roles(facts, of);
    if (!INVITATION_TRANSITIONS[action].by.some((role) => roles.includes(role))) throw forbidden();
    if (invitation.version !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        'Inbjudan har just ändrats av någon annan. Visa det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (!canTakeInvitationAction(invitation.kind, invitation.status, action, roles)) {
      throw userError(
        '',
        'Återkoppling kan ges först när tillfällena är genomförda eller remisstiden har gått ut.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const text = normaliseText(input.text);
    const problems = new InputProblems();
    if (!text) problems.add('text', 'Skriv vad som kom ut av dialogen.', UserErrorCode.REQUIRED);
    else if (text.length > INVITATION_LIMITS.text) problems.tooLong('text', INVITATION_LIMITS.text);
    problems.throwIfAny();
    const fromStatus = invitation.status;
    invitation.feedback = text;
    // The first publication is when the feedback came: the indicators and the overdue flag count from it.
    invitation.feedbackPublishedAt ??= context.now ?? new Date();
    invitation.status = InvitationStatus.FEEDBACK_PUBLISHED;
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action,
      fromStatus,
      actorId: viewer.id,
      text,
      notify: NotificationKind.INVITATION_FEEDBACK,
    });
    return invitation;
  });
}
