import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_TRANSITIONS,
  InvitationAction,
  InvitationKind,
  InvitationRole,
  canTakeInvitationAction,
  hasLastDayPassed,
} from '@samverka/domain';
import type { Outbox, SideEffectKind } from '../outbox/outbox.js';
import { Invitation } from './invitation.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { recordInvitationStep } from './invitation-steps.js';

/**
 * Invitations a date has passed for, found in SQL (the day in Stockholm, as the domain counts it): a dialogue
 * whose last occasion has ended or whose every last day to register has passed, a consultation whose
 * deadline day has passed. The domain decides the step again under the row lock.
 */
const DUE_SQL = `select i.id from invitation i
  where i.status in ('PUBLISHED', 'REGISTRATION_CLOSED') and (
    (i.kind = 'CONSULTATION' and i.response_deadline < (?::timestamptz at time zone 'Europe/Stockholm')::date)
    or (i.kind = 'DIALOGUE' and exists (
      select 1 from invitation_occasion o where o.invitation_id = i.id
      having max(o.ends_at) <= ?::timestamptz
        or (i.status = 'PUBLISHED'
          and max(o.registration_closes_on) < (?::timestamptz at time zone 'Europe/Stockholm')::date))))
  order by i.id`;

const CLOCK = [InvitationRole.CLOCK];

/** The step the clock takes on an invitation now, if any. */
function dueStep(
  invitation: Invitation,
  occasions: InvitationOccasion[],
  now: Date,
): InvitationAction | null {
  const may = (action: InvitationAction) =>
    canTakeInvitationAction(invitation.kind, invitation.status, action, CLOCK) ? action : null;
  if (invitation.kind === InvitationKind.CONSULTATION) {
    return invitation.responseDeadline && hasLastDayPassed(invitation.responseDeadline, now)
      ? may(InvitationAction.PASS_DEADLINE)
      : null;
  }
  if (!occasions.length) return null;
  if (occasions.every((occasion) => occasion.endsAt <= now)) return may(InvitationAction.MARK_HELD);
  if (occasions.every((occasion) => hasLastDayPassed(occasion.registrationClosesOn, now))) {
    return may(InvitationAction.CLOSE_REGISTRATION);
  }
  return null;
}

/**
 * Takes the steps dates cause: CLOSE_REGISTRATION, MARK_HELD, PASS_DEADLINE. Each invitation in its own
 * transaction under its row lock, so one failing leaves the others done, and a second run (or a second
 * instance) finds nothing left to do. Returns the steps taken.
 */
export async function advanceInvitations(
  em: EntityManager,
  now: Date,
  outbox?: Outbox,
): Promise<{ invitationId: string; action: InvitationAction }[]> {
  const at = now.toISOString();
  const due = await em.getConnection().execute<{ id: string }[]>(DUE_SQL, [at, at, at]);
  const taken: { invitationId: string; action: InvitationAction }[] = [];
  for (const { id } of due) {
    const action = await em.fork().transactional(async (tx) => {
      const invitation = await tx.findOne(Invitation, id, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      if (!invitation) return null;
      const occasions = await tx.find(InvitationOccasion, { invitation: id });
      const step = dueStep(invitation, occasions, now);
      if (!step) return null;
      const fromStatus = invitation.status;
      invitation.status = INVITATION_TRANSITIONS[step].to!;
      await recordInvitationStep(tx, outbox, { invitation, action: step, fromStatus, actorId: null });
      return step;
    });
    if (action) taken.push({ invitationId: id, action });
  }
  return taken;
}

/** Every five minutes, one job whatever the number of instances (pg-boss's scheduler). */
export const invitationClockKind: SideEffectKind<object> = {
  name: 'invitations.clock',
  schedule: { cron: '*/5 * * * *', tz: 'Europe/Stockholm' },
  async run(_data, { orm, outbox }) {
    await advanceInvitations(orm.em.fork(), new Date(), outbox);
  },
};
