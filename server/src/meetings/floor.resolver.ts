import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { AttendanceChange } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { meetingAttendance } from './attendance.js';
import * as attendance from './attendance.service.js';
import { AttendeeType } from './attendance.type.js';
import { Meeting } from './meeting.entity.js';
import type { MeetingRoot } from './meeting.queries.js';
import { MeetingView } from './meeting-view.js';
import * as speakers from './speakers.service.js';
import { SpeakersListView, readSpeakers } from './speakers-view.js';
import './floor-enums.js';

const FloorInput = Input('FloorInput', "Names a meeting whose speakers' list the viewer acts on.", {
  meetingId: id('The meeting.'),
});
type FloorInput = InstanceType<typeof FloorInput>;

const SpeakerActionInput = Input('SpeakerActionInput', "Names a speaker of a meeting's speakers' list.", {
  ...FloorInput.fields,
  speakerId: id('The speaker (a line of the list).'),
});
type SpeakerActionInput = InstanceType<typeof SpeakerActionInput>;

const GiveFloorInput = Input(
  'GiveFloorInput',
  'Gives the floor to a waiting speaker, ending the speech the chair saw running.',
  {
    ...SpeakerActionInput.fields,
    replacing: field<string | null>(
      () => String,
      'The speaker the chair saw speaking, whose speech ends now; null when nobody was. Another speaker ' +
        'speaking refuses the action with STALE_VERSION.',
      { nullable: true },
    ),
  },
);
type GiveFloorInput = InstanceType<typeof GiveFloorInput>;

const SetSpeakingTimeLimitInput = Input(
  'SetSpeakingTimeLimitInput',
  'The time each speaker may speak, for every item of the meeting.',
  {
    ...FloorInput.fields,
    seconds: field<number | null>(() => Int, 'Seconds, 15 to 3600; null for no limit.', { nullable: true }),
  },
);
type SetSpeakingTimeLimitInput = InstanceType<typeof SetSpeakingTimeLimitInput>;

const RecordAttendanceInput = Input(
  'RecordAttendanceInput',
  'Records one change of attendance. Name the person with exactly one of attendeeId, personId and name.',
  {
    ...FloorInput.fields,
    attendeeId: field<string | null>(() => String, 'Someone already in the attendance (Attendee.id).', {
      nullable: true,
    }),
    personId: field<string | null>(
      () => String,
      'A member or another person with an account (Attendee.personId).',
      {
        nullable: true,
      },
    ),
    name: field<string | null>(() => String, 'A guest without an account, added by name.', {
      nullable: true,
    }),
    organisation: field<string | null>(() => String, "The guest's organisation or role.", { nullable: true }),
    change: field<AttendanceChange>(() => AttendanceChange, 'What to record.'),
  },
);
type RecordAttendanceInput = InstanceType<typeof RecordAttendanceInput>;

const FloorPayload = Payload(
  'FloorPayload',
  "Result of a change of attendance or of the speakers' list.",
  {
    meeting: field<Meeting | null>(() => Meeting, 'The meeting after the change; null when it was refused.', {
      nullable: true,
    }),
  },
  'Why the change was refused.',
);

/** Speakers' lists read per unit of work (one request, one live delivery): each field asks once. */
const speakersRead = new WeakMap<EntityManager, Map<string, Promise<SpeakersListView>>>();

function speakersOnce(em: EntityManager, meetingId: string): Promise<SpeakersListView> {
  let byMeeting = speakersRead.get(em);
  if (!byMeeting) speakersRead.set(em, (byMeeting = new Map()));
  let read = byMeeting.get(meetingId);
  if (!read) byMeeting.set(meetingId, (read = readSpeakers(em, meetingId)));
  return read;
}

const meetingOf = (input: { meetingId: string }) => idOfType(input.meetingId, 'Meeting');
const speakerOf = (value: string) => idOfType(value, 'Speaker');

@Resolver(() => Meeting)
export class FloorResolver {
  @FieldResolver(() => SpeakersListView, {
    description: "The current item's speakers' list; empty unless the meeting is in progress.",
  })
  speakers(
    @Root() meeting: MeetingRoot,
    @Ctx() { em }: GraphQLContext,
  ): SpeakersListView | Promise<SpeakersListView> {
    if (meeting instanceof MeetingView) return meeting.speakers;
    return speakersOnce(em, meeting.id);
  }

  @FieldResolver(() => [AttendeeType], {
    description:
      "Attendance (närvaro): the forum's members in seat order, then the others recorded, with every change.",
  })
  async attendance(@Root() meeting: MeetingRoot, @Ctx() { em }: GraphQLContext): Promise<AttendeeType[]> {
    return (await meetingAttendance(em, meeting.id)).map((line) => new AttendeeType(line));
  }

  @Mutation(() => FloorPayload, {
    description:
      'Records that someone is present from the start, arrived or left (the chair or the coordinator).',
  })
  recordAttendance(
    @Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      attendance.recordAttendance(em, viewer, {
        meetingId: meetingOf(input),
        attendeeId: input.attendeeId == null ? undefined : idOfType(input.attendeeId, 'Attendee'),
        personId: input.personId,
        name: input.name,
        organisation: input.organisation,
        change: input.change,
      }),
    );
  }

  @Mutation(() => FloorPayload, {
    description: "Puts the viewer last on the current item's speakers' list (a member, or recorded present).",
  })
  requestFloor(@Arg('input', () => FloorInput) input: FloorInput, @Ctx() { em, viewer }: GraphQLContext) {
    return payloadWith('meeting', () => speakers.requestFloor(em, viewer, { meetingId: meetingOf(input) }));
  }

  @Mutation(() => FloorPayload, { description: "Takes the viewer's waiting request off the speakers' list." })
  withdrawFloorRequest(
    @Arg('input', () => FloorInput) input: FloorInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      speakers.withdrawFloorRequest(em, viewer, { meetingId: meetingOf(input) }),
    );
  }

  @Mutation(() => FloorPayload, { description: 'Gives the floor to a waiting speaker of the current item.' })
  giveFloor(
    @Arg('input', () => GiveFloorInput) input: GiveFloorInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      speakers.giveFloor(em, viewer, {
        meetingId: meetingOf(input),
        speakerId: speakerOf(input.speakerId),
        // An id that is not a speaker's can be nobody speaking now: it refuses as a stale list would.
        replacing: input.replacing == null ? null : (speakerOf(input.replacing) ?? input.replacing),
      }),
    );
  }

  @Mutation(() => FloorPayload, { description: 'Ends the speech of the speaker who has the floor.' })
  endSpeech(
    @Arg('input', () => SpeakerActionInput) input: SpeakerActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      speakers.endSpeech(em, viewer, { meetingId: meetingOf(input), speakerId: speakerOf(input.speakerId) }),
    );
  }

  @Mutation(() => FloorPayload, {
    description: "Takes a waiting request off the speakers' list (the chair).",
  })
  removeFloorRequest(
    @Arg('input', () => SpeakerActionInput) input: SpeakerActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      speakers.removeFloorRequest(em, viewer, {
        meetingId: meetingOf(input),
        speakerId: speakerOf(input.speakerId),
      }),
    );
  }

  @Mutation(() => FloorPayload, { description: 'Sets or lifts the time each speaker may speak.' })
  setSpeakingTimeLimit(
    @Arg('input', () => SetSpeakingTimeLimitInput) input: SetSpeakingTimeLimitInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      speakers.setSpeakingTimeLimit(em, viewer, { meetingId: meetingOf(input), seconds: input.seconds }),
    );
  }
}
