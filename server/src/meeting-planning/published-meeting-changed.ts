import type { EntityManager } from '@mikro-orm/postgresql';
import type { Outbox } from '../outbox/outbox.js';
import type { Meeting } from '../meetings/meeting.entity.js';

/** Why the members of a meeting whose agenda is published must hear again. */
export type PublishedMeetingChange = 'DETAILS_CHANGED' | 'AGENDA_CHANGED' | 'CANCELLED';

/**
 * The one place every change to a meeting whose agenda was already published (its details, its items, its
 * cancellation) passes, inside the change's transaction and after it is flushed, so that the notice to the
 * meeting's members is recorded in the same transaction (`recordMeetingNotice(tx, outbox, meeting.id,
 * change)` of meeting-notice.ts, which the notice mails bring). Changes to drafts never come here: nobody has
 * been given notice of a draft.
 */
export async function publishedMeetingChanged(
  _tx: EntityManager,
  _outbox: Outbox | undefined,
  _meeting: Meeting,
  _change: PublishedMeetingChange,
): Promise<void> {}
