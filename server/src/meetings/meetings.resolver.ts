import {
  Arg,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { Input, Payload, field, id, int } from '../graphql/generated-types.js';
import { AgendaItemStatus } from '@samverka/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadWith } from '../graphql/payload.js';
import { idOfType } from '../graphql/node.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { Forum } from '../forums/forum.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { Meeting } from './meeting.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingEvent } from './meeting-event.type.js';
import {
  findVisibleMeeting,
  readVisibleMeeting,
  viewerCanChair,
  visibleMeetings,
  type MeetingRoot,
} from './meeting.queries.js';
import { answersSelection, MeetingView, type AgendaItemView } from './meeting-view.js';
import { meetingTopic } from '../live/publish.js';
import { LIVE_CURSOR, liveCursor } from '../live/live-cursor.js';
import { ROLE_DEPENDENT } from '../live/audience.js';
import * as meetings from './meeting.service.js';
import { meetingPeriod } from './meeting-period.js';
import type { Outbox } from '../outbox/outbox.js';

export const MeetingConnection = Connection(Meeting, 'Meeting');

const MeetingActionInput = Input('MeetingActionInput', 'Names a meeting and the version the chair saw.', {
  meetingId: id('The meeting.'),
  expectedVersion: int('The meeting version the chair saw; a newer one refuses the action.'),
});
type MeetingActionInput = InstanceType<typeof MeetingActionInput>;

const AgendaItemActionInput = Input(
  'AgendaItemActionInput',
  'Names an agenda item of a meeting and the version the chair saw.',
  {
    ...MeetingActionInput.fields,
    agendaItemId: id('The agenda item.'),
  },
);
type AgendaItemActionInput = InstanceType<typeof AgendaItemActionInput>;

const RecordAgendaItemOutcomeInput = Input(
  'RecordAgendaItemOutcomeInput',
  'The decision and minute to record for an agenda item. Omitted fields stay; empty text clears.',
  {
    ...AgendaItemActionInput.fields,
    decision: field<string | null>(() => String, 'The decision (beslut).', { nullable: true }),
    minute: field<string | null>(() => String, 'The minute (protokollsanteckning).', { nullable: true }),
  },
);
type RecordAgendaItemOutcomeInput = InstanceType<typeof RecordAgendaItemOutcomeInput>;

const MeetingPayload = Payload(
  'MeetingPayload',
  'Result of a chair action on a meeting.',
  {
    meeting: field<Meeting | null>(() => Meeting, 'The meeting after the action; null when it was refused.', {
      nullable: true,
    }),
  },
  'Why the action was refused.',
);

/** Mutations come over HTTP only (the WebSocket carries subscriptions), where the outbox is in the context. */
function outboxOf(outbox: Outbox | undefined): Outbox {
  if (!outbox) throw new Error('the notice is mailed from HTTP requests only');
  return outbox;
}

function chairInput(input: MeetingActionInput) {
  return { meetingId: idOfType(input.meetingId, 'Meeting'), expectedVersion: input.expectedVersion };
}

function itemInput(input: AgendaItemActionInput) {
  return { ...chairInput(input), agendaItemId: idOfType(input.agendaItemId, 'AgendaItem') };
}

@Resolver(() => Meeting)
export class MeetingsResolver {
  @Query(() => Meeting, {
    nullable: true,
    description: 'A meeting with its agenda; null when absent or not visible.',
  })
  async meeting(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, viewer }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingRoot | null> {
    const meetingId = idOfType(id, 'Meeting');
    if (!meetingId) return null;
    return answersSelection(info)
      ? readVisibleMeeting(em, viewer, meetingId)
      : findVisibleMeeting(em, viewer, meetingId);
  }

  @Query(() => MeetingConnection, {
    description:
      'Meetings of every forum (the calendar), the latest first; drafts only for those who run them.',
  })
  async meetings(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('upcoming', () => Boolean, {
      nullable: true,
      description:
        'True: only meetings not yet over (running, or planned to end later), soonest first. False: only those ' +
        'over, latest first. Omitted: all.',
    })
    upcoming: boolean | null,
    @Arg('forumId', () => ID, { nullable: true, description: "Only this forum's meetings." })
    forumId: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const filters: FilterQuery<Meeting>[] = [visibleMeetings(viewer)];
    if (upcoming !== null && upcoming !== undefined) filters.push(meetingPeriod(upcoming, new Date()));
    if (forumId !== null && forumId !== undefined) {
      filters.push({ forum: idOfType(forumId, 'Forum') ?? '00000000-0000-0000-0000-000000000000' });
    }
    const [items, total] = await em.findAndCount(
      Meeting,
      { $and: filters },
      {
        orderBy: { startsAt: upcoming ? 'asc' : 'desc', id: 'asc' },
        limit,
        offset,
      },
    );
    return toConnection(items, total, offset);
  }

  @FieldResolver(() => Forum, { description: 'The forum that meets.' })
  forum(@Root() meeting: MeetingRoot): Promise<Forum> | MeetingView['forum'] {
    if (meeting instanceof MeetingView) return meeting.forum;
    return meeting.forum.load({ dataloader: true }) as Promise<Forum>;
  }

  @FieldResolver(() => [AgendaItem], { description: 'The agenda, in order.' })
  async agenda(@Root() meeting: MeetingRoot): Promise<(AgendaItem | AgendaItemView)[]> {
    if (meeting instanceof MeetingView) return meeting.agenda;
    return meeting.agenda.isInitialized()
      ? meeting.agenda.getItems()
      : meeting.agenda.load({ dataloader: true }).then((c) => c.getItems());
  }

  @FieldResolver(() => AgendaItem, { nullable: true, description: 'The item being dealt with now.' })
  async currentItem(@Root() meeting: MeetingRoot): Promise<AgendaItem | AgendaItemView | null> {
    const agenda = await this.agenda(meeting);
    return agenda.find((item) => item.status === AgendaItemStatus.CURRENT) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the viewer may run the meeting (the coordinator or its chair).',
  })
  @Extensions(ROLE_DEPENDENT)
  viewerCanChair(@Root() meeting: MeetingRoot, @Ctx() { viewer }: GraphQLContext): boolean {
    return viewerCanChair(viewer, meeting);
  }

  @FieldResolver(() => String, { nullable: true, description: "Name of the meeting's chair (ordförande)." })
  async chairName(@Root() meeting: MeetingRoot): Promise<string | null> {
    if (meeting instanceof MeetingView) return meeting.chairName;
    return meeting.chair ? ((await meeting.chair.load({ dataloader: true }))?.name ?? null) : null;
  }

  @FieldResolver(() => String, {
    description:
      'Cursor of the latest live event this answer reflects; subscribe with after: liveCursor to miss nothing ' +
      'since this query.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() meeting: MeetingRoot, @Ctx() ctx: GraphQLContext): Promise<string> | string {
    if (meeting instanceof MeetingView) return meeting.liveCursor;
    return liveCursor(ctx, meetingTopic(meeting.id));
  }

  @Mutation(() => MeetingPayload, { description: "Publishes a draft meeting's agenda." })
  publishAgenda(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      meetings.publishAgenda(em, viewer, chairInput(input), outboxOf(outbox)),
    );
  }

  @Mutation(() => MeetingPayload, {
    description: 'Starts the meeting; its first pending item becomes current.',
  })
  startMeeting(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.startMeeting(em, viewer, chairInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Makes the next pending item current.' })
  moveToNextAgendaItem(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.moveToNextAgendaItem(em, viewer, chairInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Makes the item before the current one current again.' })
  moveToPreviousAgendaItem(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.moveToPreviousAgendaItem(em, viewer, chairInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Jumps to an item of the agenda.' })
  makeAgendaItemCurrent(
    @Arg('input', () => AgendaItemActionInput) input: AgendaItemActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.makeAgendaItemCurrent(em, viewer, itemInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: "Pauses the current item's timer." })
  pauseAgendaTimer(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.pauseAgendaTimer(em, viewer, chairInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: "Resumes the current item's timer." })
  resumeAgendaTimer(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.resumeAgendaTimer(em, viewer, chairInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Records the decision and/or minute of an agenda item.' })
  recordAgendaItemOutcome(
    @Arg('input', () => RecordAgendaItemOutcomeInput) input: RecordAgendaItemOutcomeInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      meetings.recordAgendaItemOutcome(
        em,
        viewer,
        {
          ...itemInput(input),
          decision: input.decision,
          minute: input.minute,
        },
        outbox,
      ),
    );
  }

  @Mutation(() => MeetingPayload, {
    description:
      'Marks the current item done, with or without an outcome; no item is current after it. Moving to another item marks it done only when a decision or minute was recorded.',
  })
  completeAgendaItem(
    @Arg('input', () => AgendaItemActionInput) input: AgendaItemActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.completeAgendaItem(em, viewer, itemInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Defers an agenda item to a later meeting (bordlägger).' })
  deferAgendaItem(
    @Arg('input', () => AgendaItemActionInput) input: AgendaItemActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.deferAgendaItem(em, viewer, itemInput(input)));
  }

  @Mutation(() => MeetingPayload, { description: 'Closes the meeting.' })
  closeMeeting(
    @Arg('input', () => MeetingActionInput) input: MeetingActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('meeting', () => meetings.closeMeeting(em, viewer, chairInput(input)));
  }

  @Subscription(() => MeetingEvent, {
    description:
      'Live changes to a meeting. With `after` (a cursor), the events since it are replayed first, in order, then live ones follow.',
    subscribe: () => {
      throw new Error('meetingChanged is served by the live hub');
    },
  })
  meetingChanged(
    @Root() event: MeetingEvent,
    @Arg('meetingId', () => ID, { description: 'The meeting to follow.' }) _meetingId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): MeetingEvent {
    return event;
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'The activity of the plan this item follows up.',
  })
  async activity(@Root() item: AgendaItem | AgendaItemView): Promise<Activity | AgendaItemView['activity']> {
    if (!(item instanceof AgendaItem)) return item.activity;
    return item.activity ? ((await item.activity.load({ dataloader: true })) ?? null) : null;
  }
}
