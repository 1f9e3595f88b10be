import { GraphQLError } from 'graphql';
import type { LiveField } from '../live/live-hub.js';
import { INVITATIONS_TOPIC, invitationTopic, partyInvitationsTopic } from '../live/publish.js';
import { idOfType } from '../graphql/node.js';
import { Invitation } from './invitation.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { findVisibleInvitation } from './invitation.queries.js';
import { checkPartyListReader } from './invitation-register.queries.js';
import type { InvitationChangedEvent, InvitationsChangedEvent } from './invitation-register.types.js';

function notFound(what: 'invitation' | 'party'): GraphQLError {
  const message =
    what === 'invitation'
      ? 'Inbjudan finns inte. / No such invitation.'
      : 'Parten finns inte. / No such party.';
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * An invitation's page, live. A draft of another party is as absent as a missing invitation. The role names
 * what the viewer may read and do, so viewers in the same position share one answer.
 */
export const invitationChangedField: LiveField<InvitationChangedEvent> = {
  fieldName: 'invitationChanged',
  subjectType: 'Invitation',

  async open(em, viewer, args) {
    const invitationId =
      typeof args.invitationId === 'string' ? idOfType(args.invitationId, 'Invitation') : null;
    const invitation = invitationId ? await findVisibleInvitation(em, viewer, invitationId) : null;
    if (!invitation) throw notFound('invitation');
    const [facts, of] = await Promise.all([
      viewerInvitationFacts(em, viewer),
      invitationFacts(em, invitation),
    ]);
    const role = [
      ...invitationPolicy.roles(facts, of),
      invitationPolicy.seeAnswers(facts, of) ? 'answers' : 'public',
    ].join(',');
    return { topic: invitationTopic(invitation.id), subjectId: invitation.id, role };
  },

  async rootFor(em, event) {
    const invitation = event.subjectId ? await em.findOne(Invitation, event.subjectId) : null;
    return invitation ? { cursor: event.sequence, kind: event.kind, invitation } : null;
  },
};

/**
 * The public list, live: anyone may watch it. The event carries a cursor and the kind of step only, the same
 * for every viewer; drafts never reach this topic (recordInvitationStep).
 */
export const invitationsChangedField: LiveField<InvitationsChangedEvent> = {
  fieldName: 'invitationsChanged',
  subjectType: null,

  async open() {
    return { topic: INVITATIONS_TOPIC, subjectId: null, role: 'public' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};

/** A party's own list, drafts included, live on the party's own topic: for its members only. */
export const partyInvitationsChangedField: LiveField<InvitationsChangedEvent> = {
  fieldName: 'partyInvitationsChanged',
  subjectType: null,

  async open(em, viewer, args) {
    const partyId = typeof args.partyId === 'string' ? idOfType(args.partyId, 'Party') : null;
    if (!partyId) throw notFound('party');
    await checkPartyListReader(em, viewer, partyId);
    return { topic: partyInvitationsTopic(partyId), subjectId: partyId, role: 'party-list' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};
