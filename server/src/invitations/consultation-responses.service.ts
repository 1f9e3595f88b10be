import { LockMode } from '@mikro-orm/core';
import { chosenDocuments } from '../documents/document-choice.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_LIMITS,
  INVITATION_TRANSITIONS,
  InvitationAction,
  ProposalStance,
  UserErrorCode,
  canTakeInvitationAction,
  isWithinResponseDeadline,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Document } from '../documents/document.entity.js';
import { DocumentAttachment } from '../documents/document-attachment.entity.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Invitation } from './invitation.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';

/** What a consultation's services need besides the input: the outbox, and (in tests) the time. */
export interface ConsultationContext {
  outbox?: Outbox;
  now?: Date;
}

/** A response as the form sends it; ids are already uuids (null when not one of the right type). */
export interface SaveConsultationResponse {
  invitationId: string | null;
  partyId: string | null;
  expectedVersion: number | null;
  text: string | null;
  withheld: boolean;
  positions: readonly { proposalId: string | null; stance: string; text?: string | null }[];
  documentIds: readonly (string | null)[];
}

const STANCES = Object.values(ProposalStance) as string[];

/** The consultation, locked for the change; absent when missing or a draft the viewer may not see. */
export async function lockedConsultation(
  tx: EntityManager,
  viewer: Viewer,
  id: string | null,
  field = 'invitationId',
) {
  const invitation = id
    ? await tx.findOne(Invitation, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  const facts = await viewerInvitationFacts(tx, viewer);
  const of = invitation ? await invitationFacts(tx, invitation) : null;
  if (!invitation || !of || !invitationPolicy.see(facts, of)) {
    throw userError(field, 'Remissen finns inte.', UserErrorCode.NOT_FOUND);
  }
  return { invitation, facts, of };
}

/** An optional text: trimmed, within the limit, null when empty. */
export function optionalText(problems: InputProblems, field: string, value: string | null | undefined) {
  const text = normaliseText(value);
  if (text && text.length > INVITATION_LIMITS.text) problems.tooLong(field, INVITATION_LIMITS.text);
  return text;
}

/**
 * A member of an invited party gives or replaces the party's one response, until the deadline day has ended
 * in Stockholm. It names a view of every proposal; documents must be the viewer's own uploads (or already on
 * this response) and held by nothing else.
 */
export async function saveConsultationResponse(
  em: EntityManager,
  viewer: Viewer | null,
  input: SaveConsultationResponse,
  context: ConsultationContext = {},
): Promise<{ response: ConsultationResponse; invitation: Invitation }> {
  if (!viewer) throw unauthenticated();
  const now = context.now ?? new Date();
  return em.transactional(async (tx) => {
    const { invitation, facts, of } = await lockedConsultation(tx, viewer, input.invitationId);
    const roles = invitationPolicy.roles(facts, of);
    const invited = invitationPolicy.invitedParties(facts, of);
    const action = InvitationAction.RESPOND;
    if (
      !INVITATION_TRANSITIONS[action].by.some((role) => roles.includes(role)) ||
      !invited.some((party) => party.id === input.partyId)
    ) {
      throw forbidden();
    }
    if (
      !canTakeInvitationAction(invitation.kind, invitation.status, action, roles) ||
      !isWithinResponseDeadline(invitation.responseDeadline, now)
    ) {
      throw userError(
        '',
        'Remisstiden har gått ut, eller remissen tar inte emot svar.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const existing = await tx.findOne(ConsultationResponse, {
      invitation: invitation.id,
      party: input.partyId!,
    });
    if ((existing?.version ?? null) !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        existing
          ? 'Någon i er organisation har just ändrat svaret. Visa det senaste och försök igen.'
          : 'Svaret finns inte längre. Visa det senaste och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    const problems = new InputProblems();
    const text = optionalText(problems, 'text', input.text);
    const proposals = await tx.find(
      ConsultationProposal,
      { invitation: invitation.id },
      { orderBy: { position: 'asc' } },
    );
    const positions = checkPositions(problems, proposals, input.positions);
    const documents = await chosenDocuments(
      tx,
      viewer,
      input.documentIds,
      'consultationResponse',
      existing?.id ?? null,
      problems,
    );
    problems.throwIfAny();

    const response =
      existing ??
      tx.create(ConsultationResponse, {
        invitation,
        party: tx.getReference(Party, input.partyId!),
        submittedAt: now,
      });
    response.text = text;
    response.withheld = input.withheld;
    response.author = tx.getReference(Person, viewer.id, { wrapped: true });
    response.updatedAt = now;
    const held = existing ? await tx.find(ConsultationPosition, { response: existing.id }) : [];
    for (const { proposal, stance, text: positionText } of positions) {
      const position =
        held.find((row) => row.proposal.id === proposal.id) ??
        tx.create(ConsultationPosition, { response, proposal, stance });
      position.stance = stance;
      position.text = positionText;
    }
    for (const stale of held.filter((row) => !positions.some((p) => p.proposal.id === row.proposal.id))) {
      tx.remove(stale);
    }
    await attachDocuments(tx, response, documents);
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action,
      actorId: viewer.id,
      partyId: input.partyId,
    });
    return { response, invitation };
  });
}

/** Every proposal once, each with a known stance and a text within the limit. */
function checkPositions(
  problems: InputProblems,
  proposals: ConsultationProposal[],
  positions: SaveConsultationResponse['positions'],
) {
  const checked: { proposal: ConsultationProposal; stance: ProposalStance; text: string | null }[] = [];
  positions.forEach((position, index) => {
    const proposal = proposals.find((p) => p.id === position.proposalId);
    if (!proposal) {
      problems.add(
        `positions.${index}.proposalId`,
        'Förslaget finns inte i remissen.',
        UserErrorCode.NOT_FOUND,
      );
      return;
    }
    if (checked.some((c) => c.proposal.id === proposal.id)) {
      problems.add(
        `positions.${index}.proposalId`,
        'Varje förslag besvaras en gång.',
        UserErrorCode.DUPLICATE,
      );
      return;
    }
    if (!STANCES.includes(position.stance)) {
      problems.add(
        `positions.${index}.stance`,
        'Välj tillstyrker, avstyrker eller ingen synpunkt.',
        UserErrorCode.INVALID,
      );
    }
    const text = optionalText(problems, `positions.${index}.text`, position.text);
    checked.push({ proposal, stance: position.stance as ProposalStance, text });
  });
  const missing = proposals.filter((proposal) => !checked.some((c) => c.proposal.id === proposal.id));
  if (missing.length) {
    problems.add(
      'positions',
      `Ta ställning till ${missing.map((p) => `förslag ${p.position}`).join(', ')}.`,
      UserErrorCode.REQUIRED,
    );
  }
  return checked;
}

/** The response's attachments become exactly the documents named; one dropped and held by nothing else goes. */
async function attachDocuments(tx: EntityManager, response: ConsultationResponse, documents: Document[]) {
  const attached = await tx.find(DocumentAttachment, { consultationResponse: response.id });
  const keep = new Set(documents.map((d) => d.id));
  const dropped = attached.filter((a) => !keep.has(a.document.id));
  for (const attachment of dropped) tx.remove(attachment);
  // Those attached together get one millisecond each, so their order never depends on a tie.
  const now = Date.now();
  documents
    .filter((document) => !attached.some((a) => a.document.id === document.id))
    .forEach((document, index) => {
      tx.create(DocumentAttachment, {
        document,
        consultationResponse: response,
        attachedAt: new Date(now + index),
      });
    });
  await tx.flush();
  for (const { document } of dropped) {
    if (!(await tx.count(DocumentAttachment, { document: document.id }))) {
      await tx.nativeDelete(Document, { id: document.id });
    }
  }
}
