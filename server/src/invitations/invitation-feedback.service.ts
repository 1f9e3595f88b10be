import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_LIMITS,
  InvitationAction,
  NotificationKind,
  UserErrorCode,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { InputProblems } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Invitation } from './invitation.entity.js';
import { takeInvitationStep, type InvitationStepInput } from './invitation-step-frame.js';

/** What the feedback step needs besides the input: the outbox, and (in tests) the time. */
export interface FeedbackContext {
  outbox?: Outbox;
  now?: Date;
}

export interface PublishInvitationFeedbackInput extends InvitationStepInput {
  text: string;
}

/**
 * The inviter tells what came of the dialogue or consultation (återkoppling), once it has been held or its
 * deadline has passed, and may update it later. Everyone who took part is notified each time. The row is
 * locked and the version seen checked, so two people of the inviting party never overwrite each other.
 */
export function publishInvitationFeedback(
  em: EntityManager,
  viewer: Viewer | null,
  input: PublishInvitationFeedbackInput,
  context: FeedbackContext = {},
): Promise<Invitation> {
  const notAllowedNow =
    'Återkoppling kan ges först när tillfällena är genomförda eller remisstiden har gått ut.';
  return takeInvitationStep(
    em,
    viewer,
    input,
    InvitationAction.PUBLISH_FEEDBACK,
    { ...context, notAllowedNow },
    async ({ invitation, now }) => {
      const text = normaliseText(input.text);
      const problems = new InputProblems();
      if (!text) problems.add('text', 'Skriv vad som kom ut av dialogen.', UserErrorCode.REQUIRED);
      else if (text.length > INVITATION_LIMITS.text) problems.tooLong('text', INVITATION_LIMITS.text);
      problems.throwIfAny();
      invitation.feedback = text;
      // The first publication is when the feedback came: the indicators and the overdue flag count from it.
      invitation.feedbackPublishedAt ??= now;
      return { text, notify: NotificationKind.INVITATION_FEEDBACK };
    },
  );
}
