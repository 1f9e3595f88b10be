import { GraphQLError } from 'graphql';
import type { LiveField } from '../live/live-hub.js';
import { partySubmissionsTopic, SUBMISSIONS_TOPIC } from '../live/publish.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { idOfType } from '../graphql/node.js';
import { viewerSubmissionFacts } from './submission-access.js';
import { submissionQueuePolicy } from './submission-queues.queries.js';
import type { PartySubmissionsEvent, SubmissionQueueEvent } from './submission-queues.types.js';

/**
 * The submission queue, live: any step of any matter may move one between its sections, so every event of
 * the submissions topic is a change; the payload (cursor and kind) is the same for every viewer.
 */
export const submissionQueueChangedField: LiveField<SubmissionQueueEvent> = {
  fieldName: 'submissionQueueChanged',
  subjectType: null,

  async open(em, viewer) {
    if (!viewer) throw unauthenticated();
    const facts = await viewerSubmissionFacts(em, viewer);
    if (!submissionQueuePolicy.readQueue(facts)) throw forbidden();
    return { topic: SUBMISSIONS_TOPIC, subjectId: null, role: 'queue' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};

/** A party's own list, live, on the party's own topic: its people and the coordinator hear only its matters. */
export const partySubmissionsChangedField: LiveField<PartySubmissionsEvent> = {
  fieldName: 'partySubmissionsChanged',
  subjectType: null,

  async open(em, viewer, args) {
    if (!viewer) throw unauthenticated();
    const partyId = typeof args.partyId === 'string' ? idOfType(args.partyId, 'Party') : null;
    if (!partyId)
      throw new GraphQLError('Parten finns inte. / No such party.', { extensions: { code: 'NOT_FOUND' } });
    const facts = await viewerSubmissionFacts(em, viewer);
    if (!submissionQueuePolicy.readPartyList(facts, partyId)) throw forbidden();
    return { topic: partySubmissionsTopic(partyId), subjectId: partyId, role: 'party-list' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};
