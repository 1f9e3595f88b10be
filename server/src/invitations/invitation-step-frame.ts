import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_TRANSITIONS,
  UserErrorCode,
  canTakeInvitationAction,
  type InvitationAction,
  type NotificationKind,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Invitation } from './invitation.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';

/** Which invitation a step is taken on, and the version the person saw. */
export interface InvitationStepInput {
  /** The invitation's uuid; null when the id given was no invitation's. */
  invitationId: string | null;
  expectedVersion: number;
}

export interface StepContext {
  outbox?: Outbox;
  now?: Date;
  /** What the field error says when the workflow does not allow the step now. */
  notAllowedNow?: string;
}

export interface Step {
  tx: EntityManager;
  viewer: Viewer;
  invitation: Invitation;
  now: Date;
}

export interface StepOutcome {
  text?: string | null;
  notify?: NotificationKind;
  /** A step recorded after this one (an occasion moved after publication). */
  then?: { action: InvitationAction; notify?: NotificationKind };
}

const missing = () => userError('invitationId', 'Inbjudan finns inte.', UserErrorCode.NOT_FOUND);

/**
 * The frame of every step: sign-in, the row locked (SELECT … FOR UPDATE), who (FORBIDDEN when the viewer's
 * roles never take this step; another party's draft is absent), the version seen, the workflow table (a field
 * error when not allowed now), the change, then the history, live events and notifications.
 */
export async function takeInvitationStep(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput,
  action: InvitationAction,
  context: StepContext,
  apply: (step: Step) => Promise<StepOutcome | void>,
): Promise<Invitation> {
  if (!viewer) throw unauthenticated();
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
        context.notAllowedNow ?? 'Det går inte med inbjudan i det här läget.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const fromStatus = invitation.status;
    const outcome = (await apply({ tx, viewer, invitation, now: context.now ?? new Date() })) ?? {};
    const to = INVITATION_TRANSITIONS[action].to;
    if (to) invitation.status = to;
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action,
      fromStatus,
      actorId: viewer.id,
      text: outcome.text ?? null,
      notify: outcome.notify,
    });
    if (outcome.then) {
      await recordInvitationStep(tx, context.outbox, {
        invitation,
        action: outcome.then.action,
        actorId: viewer.id,
        notify: outcome.then.notify,
      });
    }
    return invitation;
  });
}
