import { GraphQLError } from 'graphql';
import type { LiveField } from '../live/live-hub.js';
import { COORDINATOR_QUEUE_TOPIC, partyTopic } from '../live/publish.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { idOfType } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { partyFacts } from '../parties/party-facts.js';
import { partyPolicy } from '../parties/party.policy.js';
import type { AccessionEvent, CoordinatorQueueEvent } from './accession.resolver.js';

/** A party's accession, cases and memberships, live: for its people and the coordinator. */
export const accessionChangedField: LiveField<AccessionEvent> = {
  fieldName: 'accessionChanged',
  subjectType: 'Party',

  async open(em, viewer, args) {
    if (!viewer) throw unauthenticated();
    const partyId = typeof args.partyId === 'string' ? idOfType(args.partyId, 'Party') : null;
    const party = partyId ? await em.findOne(Party, partyId) : null;
    if (!party)
      throw new GraphQLError('Parten finns inte. / No such party.', { extensions: { code: 'NOT_FOUND' } });
    const facts = await partyFacts(em, viewer, party);
    if (!partyPolicy.seeInternals(viewer, facts)) throw forbidden();
    return { topic: partyTopic(party.id), subjectId: party.id, role: facts.role ?? 'none' };
  },

  async rootFor(em, event) {
    const party = event.subjectId ? await em.findOne(Party, event.subjectId) : null;
    return party ? { cursor: event.sequence, kind: event.kind, party } : null;
  },
};

/** The coordinator's queue, live: every request, nomination, case and network that needs them. */
export const coordinatorQueueChangedField: LiveField<CoordinatorQueueEvent> = {
  fieldName: 'coordinatorQueueChanged',
  subjectType: null,

  async open(_em, viewer) {
    if (!viewer) throw unauthenticated();
    if (!partyPolicy.coordinator(viewer)) throw forbidden();
    return { topic: COORDINATOR_QUEUE_TOPIC, subjectId: null, role: 'coordinator' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};
