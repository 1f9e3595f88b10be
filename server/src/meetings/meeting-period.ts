import { MeetingStatus } from '@samverka/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { Meeting } from './meeting.entity.js';

/**
 * Upcoming: not over yet, by the clock. A meeting running late is upcoming until it is closed; one closed
 * early is past; a cancelled one stays where its time puts it, shown as cancelled. Past is the rest.
 * The planned end is indexed (alone and with the forum) for these two lists.
 */
export function meetingPeriod(upcoming: boolean, now: Date): FilterQuery<Meeting> {
  const notOver = {
    $or: [
      { status: MeetingStatus.IN_PROGRESS },
      { $and: [{ status: { $ne: MeetingStatus.CLOSED } }, { endsAt: { $gte: now } }] },
    ],
  };
  return upcoming ? notOver : { $not: notOver };
}
