import type { EntityManager } from '@mikro-orm/postgresql';
import type { Outbox } from '../outbox/outbox.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { MeetingNoticeReason } from '../meetings/meeting-notice.entity.js';
import { recordMeetingNotice } from '../meetings/meeting-notice.js';

/** Why the members of a meeting whose agenda is published must hear again. */
export type PublishedMeetingChange = 'DETAILS_CHANGED' | 'AGENDA_CHANGED' | 'CANCELLED';

/**
 * The one place every change to a meeting whose agenda was already published (its details, its items, its
 * cancellation) passes, inside the change's transaction and after it is flushed: the members' notice of the
 * change (a mail with an updated or cancelling .ics) is recorded in the same transaction. Changes to drafts
 * never come here: nobody has been given notice of a draft.
 */
export async function publishedMeetingChanged(
  tx: EntityManager,
  outbox: Outbox | undefined,
  meeting: Meeting,
  change: PublishedMeetingChange,
): Promise<void> {
  if (!outbox) throw new Error('a change to a published meeting needs the outbox for its notice');
  const reason = change === 'CANCELLED' ? MeetingNoticeReason.CANCELLED : MeetingNoticeReason.CHANGED;
  await recordMeetingNotice(tx, outbox, meeting.id, reason);
}
