import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgendaItemStatus, MeetingEventKind, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { meetingTopic, publishLiveEvent } from '../live/publish.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';
import { meetingPolicy } from './meeting.policy.js';

export interface FloorLocked {
  meeting: Meeting;
  /** The item being dealt with, if any. */
  current: AgendaItem | null;
  now: Date;
}

/** The forum's members (current seats with an account) and those recorded present: one statement. */
async function participantIds(tx: EntityManager, meeting: Meeting): Promise<string[]> {
  const rows = await tx.getConnection().execute<{ person_id: string }[]>(
    `select person_id from council_seat where forum_id = ? and person_id is not null and ended_at is null
     union select person_id from meeting_attendee where meeting_id = ? and person_id is not null and state = 'PRESENT'`,
    [meeting.forum.id, meeting.id],
    'all',
    tx.getTransactionContext(),
  );
  return rows.map((row) => row.person_id);
}

/**
 * The frame of every attendance and speakers' list change, in one transaction: lock the meeting row, check
 * who acts, apply, bump `speakersVersion` and publish the live event. The lock serialises these changes with
 * each other and with the chair's agenda actions. No `expectedVersion` is asked for: a member asking for the
 * floor must not fail because the chair just moved on, and the chair's own list actions name the speaker
 * they act on, whose status the transition table checks under the lock.
 */
export async function floorChange(
  em: EntityManager,
  viewer: Viewer | null,
  meetingId: string | null,
  rule: 'chair' | 'takePart',
  apply: (locked: FloorLocked, tx: EntityManager) => Promise<MeetingEventKind>,
): Promise<Meeting> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const meeting = meetingId
      ? await tx.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!meeting) throw userError('meetingId', 'Mötet finns inte.', UserErrorCode.NOT_FOUND);
    const facts = {
      status: meeting.status,
      chairId: meeting.chair?.id ?? null,
      forumId: meeting.forum.id,
      participantIds: rule === 'takePart' ? await participantIds(tx, meeting) : [],
    };
    if (!meetingPolicy[rule](viewer, facts)) throw forbidden();
    const current = await tx.findOne(AgendaItem, { meeting, status: AgendaItemStatus.CURRENT });
    const kind = await apply({ meeting, current, now: new Date() }, tx);
    meeting.speakersVersion++;
    await tx.flush();
    await publishLiveEvent(tx, { topic: meetingTopic(meeting.id), kind, subjectId: meeting.id });
    return meeting;
  });
}
