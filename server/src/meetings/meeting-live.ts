import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingEventKind, MeetingStatus } from '@samverka/domain';
import type { LiveField } from '../live/live-hub.js';
import { Coalescer } from '../live/coalesce.js';
import { meetingTopic } from '../live/publish.js';
import { forbidden } from '../graphql/errors.js';
import { idOfType } from '../graphql/node.js';
import { meetingPolicy, type MeetingAccessFacts } from './meeting.policy.js';
import { loadMeetingWithAgenda } from './meeting.queries.js';
import type { MeetingEvent } from './meeting-event.type.js';
import type { Meeting } from './meeting.entity.js';

/** Access facts are looked up once a second per meeting, however many subscribe at once. */
const accessFacts = new Coalescer<MeetingAccessFacts | null>(1000);

/** Meetings loaded per unit of work (one delivery, one replay): each event shows the meeting as it is now,
 * so a replay of a thousand events loads it once. */
const loaded = new WeakMap<EntityManager, Map<string, Promise<Meeting | null>>>();

function meetingNow(em: EntityManager, meetingId: string): Promise<Meeting | null> {
  let meetings = loaded.get(em);
  if (!meetings) loaded.set(em, (meetings = new Map()));
  let meeting = meetings.get(meetingId);
  if (!meeting) meetings.set(meetingId, (meeting = loadMeetingWithAgenda(em, meetingId)));
  return meeting;
}

function notFound(): GraphQLError {
  return new GraphQLError('Mötet finns inte. / No such meeting.', { extensions: { code: 'NOT_FOUND' } });
}

/** The live agenda: authorised when the subscription starts, executed once per change and audience. */
export const meetingChangedField: LiveField<MeetingEvent> = {
  fieldName: 'meetingChanged',
  subjectType: 'Meeting',

  async open(em, viewer, args) {
    const meetingId = typeof args.meetingId === 'string' ? idOfType(args.meetingId, 'Meeting') : null;
    if (!meetingId) throw notFound();
    const facts = await accessFacts.get(meetingId, async () => {
      const row = await em
        .getConnection()
        .execute<{ status: MeetingStatus; chair_id: string | null; forum_id: string }>(
          'select status, chair_id, forum_id from meeting where id = ?',
          [meetingId],
          'get',
        );
      return row?.status ? { status: row.status, chairId: row.chair_id, forumId: row.forum_id } : null;
    });
    if (!facts) throw notFound();
    if (!meetingPolicy.see(viewer, facts)) throw forbidden();
    return {
      topic: meetingTopic(meetingId),
      subjectId: meetingId,
      role: meetingPolicy.chair(viewer, facts) ? 'chair' : 'attendee',
    };
  },

  async rootFor(em: EntityManager, event) {
    if (!event.subjectId) return null;
    const meeting = await meetingNow(em, event.subjectId);
    if (!meeting) return null;
    return {
      cursor: event.sequence,
      kind: event.kind as MeetingEventKind,
      occurredAt: new Date(event.occurredAt),
      meeting,
    };
  },
};
