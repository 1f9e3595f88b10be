import type { EntityManager } from '@mikro-orm/postgresql';
import { InvitationStatus, type InvitationAction, type NotificationKind } from '@samverka/domain';
import {
  INVITATIONS_TOPIC,
  invitationTopic,
  partyInvitationsTopic,
  publishLiveEvent,
} from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import { notifyInvitationStep } from '../notifications/invitation-fanout.js';
import { InvitationEvent } from './invitation-event.entity.js';
import type { Invitation } from './invitation.entity.js';

/** A step in an invitation's life, as its history records it and its watchers hear of it. */
export interface InvitationStep {
  invitation: Invitation;
  action: InvitationAction;
  fromStatus?: InvitationStatus | null;
  /** Who took it; null for the clock. */
  actorId: string | null;
  /** The party acted for (the answering party). */
  partyId?: string | null;
  /** The reason given (a cancellation, a decline). */
  text?: string | null;
  /**
   * What those concerned are told, if anything: INVITATION_NEW (publish: the audience's members),
   * INVITATION_FEEDBACK (feedback: everyone who took part), INVITATION_CANCELLED (cancelled, or an occasion
   * changed: the parties registered), INVITATION_SEAT_OFFERED (the parties of `seatedParticipantIds`),
   * CONSULTATION_COMPILED (the compilation published: the responding parties).
   */
  notify?: NotificationKind;
  /** The participants moved up from the waiting list (ids in occasion_participant). */
  seatedParticipantIds?: readonly string[];
}

/**
 * Records a step in the writing transaction: its history entry, the live events of the invitation's page and
 * of the lists, and the notifications (with their mails, through the outbox) of those it concerns. Every
 * change of an invitation passes through here, so no page and no participant misses a step.
 */
export async function recordInvitationStep(
  tx: EntityManager,
  outbox: Outbox | undefined,
  step: InvitationStep,
) {
  const { invitation } = step;
  invitation.updatedAt = new Date();
  tx.create(InvitationEvent, {
    invitation,
    action: step.action,
    fromStatus: step.fromStatus ?? null,
    toStatus: step.fromStatus ? invitation.status : null,
    actor: step.actorId,
    party: step.partyId ?? null,
    text: step.text ?? null,
  });
  await tx.flush();
  const kind = step.action;
  await publishLiveEvent(tx, { topic: invitationTopic(invitation.id), kind, subjectId: invitation.id });
  await publishLiveEvent(tx, {
    topic: partyInvitationsTopic(invitation.party.id),
    kind,
    subjectId: invitation.id,
  });
  // A draft is private to its party: the public stream hears of it only once it is published.
  if (invitation.status !== InvitationStatus.DRAFT) {
    await publishLiveEvent(tx, { topic: INVITATIONS_TOPIC, kind, subjectId: invitation.id });
  }
  await notifyInvitationStep(tx, outbox, step);
}
