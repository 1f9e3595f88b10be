import type { EntityManager } from '@mikro-orm/postgresql';
import {
  FLOOR_ACTIONS,
  FloorAction,
  MeetingEventKind,
  MeetingStatus,
  SPEAKING_TIME_LIMIT,
  SpeakerStatus,
  UserErrorCode,
  canTakeFloorAction,
  isSpeakingTimeLimit,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { userError } from '../graphql/user-error.js';
import { Attendee } from './attendee.entity.js';
import { personAttendee } from './attendance.service.js';
import { floorChange, type FloorLocked } from './floor-change.js';
import { Speaker } from './speaker.entity.js';

export interface FloorInput {
  meetingId: string | null;
}

export interface SpeakerActionInput extends FloorInput {
  /** The speaker's uuid; null when the given id was not a speaker's. */
  speakerId: string | null;
}

export interface GiveFloorInput extends SpeakerActionInput {
  /** The speaker the chair saw speaking (null: nobody); undefined when not given. */
  replacing: string | null | undefined;
}

function openList({ meeting, current }: FloorLocked) {
  if (meeting.status !== MeetingStatus.IN_PROGRESS || !current) {
    throw userError(
      '',
      'Talarlistan är öppen bara medan en punkt behandlas.',
      UserErrorCode.INVALID_TRANSITION,
    );
  }
  return current;
}

/** The viewer's attendee row: recorded present, or a member of the forum (made from their seat). */
async function viewerAttendee(tx: EntityManager, locked: FloorLocked, viewer: Viewer): Promise<Attendee> {
  const attendee = await personAttendee(tx, locked.meeting, viewer.id);
  if (!attendee) throw userError('', 'Du finns inte i mötets närvaro.', UserErrorCode.NOT_FOUND);
  return attendee;
}

function ownOpenRequest(tx: EntityManager, attendee: Attendee, locked: FloorLocked) {
  return tx.findOne(Speaker, {
    agendaItem: locked.current!,
    attendee,
    status: { $in: [SpeakerStatus.WAITING, SpeakerStatus.SPEAKING] },
  });
}

async function speakerOf(tx: EntityManager, locked: FloorLocked, speakerId: string | null): Promise<Speaker> {
  const speaker = speakerId ? await tx.findOne(Speaker, { id: speakerId, meeting: locked.meeting }) : null;
  if (!speaker)
    throw userError('speakerId', 'Talaren finns inte på mötets talarlista.', UserErrorCode.NOT_FOUND);
  return speaker;
}

function move(speaker: Speaker, action: FloorAction, locked: FloorLocked, refusal: string) {
  if (!canTakeFloorAction(locked.meeting.status, action, speaker.status)) {
    throw userError('speakerId', refusal, UserErrorCode.INVALID_TRANSITION);
  }
  speaker.status = FLOOR_ACTIONS[action].to;
  if (action === FloorAction.GIVE) speaker.startedAt = locked.now;
  if (action === FloorAction.END) speaker.endedAt = locked.now;
}

/** The viewer asks for the floor on the current item; they go last in the queue. */
export function requestFloor(em: EntityManager, viewer: Viewer | null, input: FloorInput) {
  return floorChange(em, viewer, input.meetingId, 'takePart', async (locked, tx) => {
    const current = openList(locked);
    const attendee = await viewerAttendee(tx, locked, viewer!);
    const open = await ownOpenRequest(tx, attendee, locked);
    if (!canTakeFloorAction(locked.meeting.status, FloorAction.REQUEST, open?.status ?? null)) {
      throw userError('', 'Du står redan på talarlistan.', UserErrorCode.DUPLICATE);
    }
    const { next } = await tx
      .getConnection()
      .execute<{ next: number }>(
        'select coalesce(max(number), 0) + 1 as next from speaker where meeting_id = ?',
        [locked.meeting.id],
        'get',
        tx.getTransactionContext(),
      );
    tx.create(Speaker, {
      meeting: locked.meeting,
      agendaItem: current,
      attendee,
      number: next,
      requestedAt: locked.now,
    });
    return MeetingEventKind.FLOOR_REQUESTED;
  });
}

/** The viewer takes back their waiting request on the current item. */
export function withdrawFloorRequest(em: EntityManager, viewer: Viewer | null, input: FloorInput) {
  return floorChange(em, viewer, input.meetingId, 'takePart', async (locked, tx) => {
    openList(locked);
    const attendee = await viewerAttendee(tx, locked, viewer!);
    const open = await ownOpenRequest(tx, attendee, locked);
    if (!open || !canTakeFloorAction(locked.meeting.status, FloorAction.WITHDRAW, open.status)) {
      throw userError('', 'Du väntar inte på ordet.', UserErrorCode.INVALID_TRANSITION);
    }
    open.status = FLOOR_ACTIONS[FloorAction.WITHDRAW].to;
    return MeetingEventKind.FLOOR_REQUEST_WITHDRAWN;
  });
}

/**
 * The chair gives the floor to a waiting speaker of the current item. `replacing` names the speech the chair
 * saw running (null: none); it ends now. When another speech runs, the chair saw an old list and is refused.
 */
export function giveFloor(em: EntityManager, viewer: Viewer | null, input: GiveFloorInput) {
  return floorChange(em, viewer, input.meetingId, 'chair', async (locked, tx) => {
    const current = openList(locked);
    const speaker = await speakerOf(tx, locked, input.speakerId);
    if (speaker.agendaItem.id !== current.id) {
      throw userError(
        'speakerId',
        'Talaren står på en annan punkts talarlista.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const speaking = await tx.findOne(Speaker, { meeting: locked.meeting, status: SpeakerStatus.SPEAKING });
    if ((speaking?.id ?? null) !== (input.replacing ?? null)) {
      throw userError(
        'replacing',
        'Talarlistan har just ändrats av någon annan. Visa det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (speaking) {
      move(speaking, FloorAction.END, locked, 'Talaren har inte ordet.');
      // Written first: the database allows one speaker per meeting at a time.
      await tx.flush();
    }
    move(speaker, FloorAction.GIVE, locked, 'Talaren väntar inte på ordet.');
    return MeetingEventKind.FLOOR_GIVEN;
  });
}

export function endSpeech(em: EntityManager, viewer: Viewer | null, input: SpeakerActionInput) {
  return floorChange(em, viewer, input.meetingId, 'chair', async (locked, tx) => {
    move(await speakerOf(tx, locked, input.speakerId), FloorAction.END, locked, 'Talaren har inte ordet.');
    return MeetingEventKind.SPEECH_ENDED;
  });
}

export function removeFloorRequest(em: EntityManager, viewer: Viewer | null, input: SpeakerActionInput) {
  return floorChange(em, viewer, input.meetingId, 'chair', async (locked, tx) => {
    move(
      await speakerOf(tx, locked, input.speakerId),
      FloorAction.REMOVE,
      locked,
      'Talaren väntar inte på ordet.',
    );
    return MeetingEventKind.FLOOR_REQUEST_WITHDRAWN;
  });
}

/** Seconds each speaker may speak, for the whole meeting; null lifts the limit. */
export function setSpeakingTimeLimit(
  em: EntityManager,
  viewer: Viewer | null,
  input: FloorInput & { seconds: number | null },
) {
  return floorChange(em, viewer, input.meetingId, 'chair', async ({ meeting }) => {
    if (input.seconds !== null && !isSpeakingTimeLimit(input.seconds)) {
      throw userError(
        'seconds',
        `Talartiden ska vara mellan ${SPEAKING_TIME_LIMIT.min} och ${SPEAKING_TIME_LIMIT.max} sekunder.`,
        UserErrorCode.INVALID,
      );
    }
    if (meeting.status === MeetingStatus.CLOSED || meeting.status === MeetingStatus.CANCELLED) {
      throw userError('', 'Mötet är avslutat eller inställt.', UserErrorCode.INVALID_TRANSITION);
    }
    meeting.speakingTimeLimitSeconds = input.seconds;
    return MeetingEventKind.SPEAKING_TIME_LIMIT_SET;
  });
}
