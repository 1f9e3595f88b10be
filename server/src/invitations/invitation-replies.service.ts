import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_LIMITS,
  InvitationAction,
  InvitationReplyKind,
  UserErrorCode,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { unauthenticated } from '../graphql/errors.js';
import { InputProblems } from '../graphql/user-error.js';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { InvitationReply } from './invitation-reply.entity.js';
import { invitationPolicy } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';
import { checkStep, lockInvitation } from './invitation-answering.js';
import type { AnswerContext } from './occasion-registration.service.js';

export interface ReplyInput {
  invitationId: string | null;
  partyId: string | null;
  text: string;
}

const ASKS = {
  [InvitationReplyKind.INPUT]: { text: 'Skriv era synpunkter.', field: 'text' },
  [InvitationReplyKind.DECLINED]: { text: 'Skriv varför ni avböjer.', field: 'reason' },
} as const;

/**
 * A member of an invited party answers a dialogue invitation in writing on the party's behalf while it is open:
 * input, as often as the party has more to say, or a decline with a reason, once.
 */
async function reply(
  em: EntityManager,
  viewer: Viewer | null,
  kind: InvitationReplyKind,
  input: ReplyInput,
  context: AnswerContext,
): Promise<InvitationReply> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const locked = await lockInvitation(
      tx,
      viewer,
      input.invitationId,
      'invitationId',
      'Inbjudan finns inte.',
    );
    checkStep(locked, InvitationAction.REPLY, 'Inbjudan tar inte emot svar nu.');
    const problems = new InputProblems();
    const invited = invitationPolicy.invitedParties(locked.facts, locked.of);
    if (!input.partyId || !invited.some((party) => party.id === input.partyId)) {
      problems.add('partyId', 'Inbjudan gäller inte den parten.', UserErrorCode.INVALID);
    } else if (
      kind === InvitationReplyKind.DECLINED &&
      (await tx.count(InvitationReply, { invitation: locked.invitation.id, party: input.partyId, kind }))
    ) {
      problems.add('partyId', 'Parten har redan avböjt inbjudan.', UserErrorCode.DUPLICATE);
    }
    const ask = ASKS[kind];
    const text = normaliseText(input.text);
    if (!text) problems.add(ask.field, ask.text, UserErrorCode.REQUIRED);
    else if (text.length > INVITATION_LIMITS.text) problems.tooLong(ask.field, INVITATION_LIMITS.text);
    problems.throwIfAny();

    const created = tx.create(InvitationReply, {
      invitation: locked.invitation,
      party: tx.getReference(Party, input.partyId!),
      kind,
      text: text!,
      author: tx.getReference(Person, viewer.id),
      createdAt: context.now ?? new Date(),
    });
    await tx.flush();
    await recordInvitationStep(tx, context.outbox, {
      invitation: locked.invitation,
      action: InvitationAction.REPLY,
      actorId: viewer.id,
      partyId: input.partyId,
      text: kind === InvitationReplyKind.DECLINED ? text : null,
    });
    return created;
  });
}

/** Written input (synpunkter) from an invited party. */
export function giveInvitationInput(
  em: EntityManager,
  viewer: Viewer | null,
  input: ReplyInput,
  context: AnswerContext = {},
) {
  return reply(em, viewer, InvitationReplyKind.INPUT, input, context);
}

/** An invited party declines, saying why: the inviter learns what keeps parties away. */
export function declineInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: ReplyInput,
  context: AnswerContext = {},
) {
  return reply(em, viewer, InvitationReplyKind.DECLINED, input, context);
}
