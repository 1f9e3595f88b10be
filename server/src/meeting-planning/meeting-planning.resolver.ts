import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgendaItemKind } from '@samverka/domain';
import { Input, Payload, field, id, int, text } from '../graphql/generated-types.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadWith } from '../graphql/payload.js';
import { idOfType } from '../graphql/node.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Forum } from '../forums/forum.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingAdjuster } from '../meetings/meeting-adjuster.entity.js';
import { MeetingView } from '../meetings/meeting-view.js';
import type { MeetingRoot } from '../meetings/meeting.queries.js';
import { StandardAgendaItem } from './standard-agenda-item.entity.js';
import { ForumConvenerPerson, MeetingPerson, PersonOption } from './meeting-planning.types.js';
import * as planning from './meeting-planning.service.js';
import * as standardAgenda from './standard-agenda.service.js';
import * as conveners from './forum-conveners.service.js';
import { personOptions } from './people-options.js';
import { viewerManagesMeeting } from './meeting-planning.queries.js';

const optionalText = (description: string) =>
  field<string | null>(() => String, description, { nullable: true });

const MEETING_DETAILS = {
  title: text('Title of the meeting.'),
  startsAt: field<Date>(() => Date, 'When the meeting starts; not in the past.'),
  endsAt: field<Date>(() => Date, 'When the meeting is planned to end; after the start.'),
  location: optionalText('The address of the place; a place or a digital link is required.'),
  accessibility: optionalText('How accessible the place is: entrance, lift, hearing loop, toilets.'),
  digitalLink: optionalText('An http(s) link to join digitally.'),
  chairId: id('The chair (ordförande): a person id, as Viewer.id.'),
  adjusterIds: field<string[]>(() => [ID], 'One or two adjusters (justerare), not the chair: person ids.'),
};

const CreateMeetingInput = Input('CreateMeetingInput', 'A new meeting of a forum, made as a draft.', {
  forumId: id('The forum that meets.'),
  ...MEETING_DETAILS,
});
type CreateMeetingInput = InstanceType<typeof CreateMeetingInput>;

const MEETING_EDIT = {
  meetingId: id('The meeting.'),
  expectedVersion: int('The meeting version the editor saw; a newer one refuses the change.'),
};

const UpdateMeetingInput = Input(
  'UpdateMeetingInput',
  "A meeting's details, all of them, as they should be.",
  {
    ...MEETING_EDIT,
    ...MEETING_DETAILS,
  },
);
type UpdateMeetingInput = InstanceType<typeof UpdateMeetingInput>;

const CancelMeetingInput = Input('CancelMeetingInput', 'Calls a meeting off, before it is held.', {
  ...MEETING_EDIT,
  reason: text('Why the meeting is cancelled, as its members are told.'),
});
type CancelMeetingInput = InstanceType<typeof CancelMeetingInput>;

const ITEM_FIELDS = {
  title: text('Title of the item.'),
  kind: field<AgendaItemKind>(() => AgendaItemKind, 'What kind of item this is.'),
  presenter: optionalText('Who presents the item (föredragande).'),
  plannedMinutes: int('Minutes planned for the item, 1 to 480.'),
  description: optionalText('What the item is about: background and what is asked of the meeting.'),
};

const activityId = field<string | null>(
  () => ID,
  'The activity of the plan the item follows up; null for none.',
  {
    nullable: true,
  },
);
const position = (description: string) => field<number | null>(() => Int, description, { nullable: true });

const AddAgendaItemInput = Input('AddAgendaItemInput', "A new item of a meeting's agenda.", {
  ...MEETING_EDIT,
  ...ITEM_FIELDS,
  activityId,
  position: position('Where to put it, 1 to n+1; last when omitted.'),
});
type AddAgendaItemInput = InstanceType<typeof AddAgendaItemInput>;

const UpdateAgendaItemInput = Input('UpdateAgendaItemInput', "An agenda item's fields, all of them.", {
  ...MEETING_EDIT,
  agendaItemId: id('The agenda item.'),
  ...ITEM_FIELDS,
  activityId,
});
type UpdateAgendaItemInput = InstanceType<typeof UpdateAgendaItemInput>;

const RemoveAgendaItemInput = Input('RemoveAgendaItemInput', 'An agenda item to remove.', {
  ...MEETING_EDIT,
  agendaItemId: id('The agenda item.'),
});
type RemoveAgendaItemInput = InstanceType<typeof RemoveAgendaItemInput>;

const MoveAgendaItemInput = Input('MoveAgendaItemInput', 'An agenda item and the position to move it to.', {
  ...MEETING_EDIT,
  agendaItemId: id('The agenda item.'),
  position: int('The new position, 1 to n.'),
});
type MoveAgendaItemInput = InstanceType<typeof MoveAgendaItemInput>;

const AddStandardAgendaItemInput = Input(
  'AddStandardAgendaItemInput',
  "A new item of a forum's standard agenda.",
  {
    forumId: id('The forum.'),
    ...ITEM_FIELDS,
    position: position('Where to put it, 1 to n+1; last when omitted.'),
  },
);
type AddStandardAgendaItemInput = InstanceType<typeof AddStandardAgendaItemInput>;

const UpdateStandardAgendaItemInput = Input(
  'UpdateStandardAgendaItemInput',
  "A standard agenda item's fields, all of them.",
  { standardAgendaItemId: id('The standard agenda item.'), ...ITEM_FIELDS },
);
type UpdateStandardAgendaItemInput = InstanceType<typeof UpdateStandardAgendaItemInput>;

const RemoveStandardAgendaItemInput = Input(
  'RemoveStandardAgendaItemInput',
  'A standard agenda item to remove.',
  {
    standardAgendaItemId: id('The standard agenda item.'),
  },
);
type RemoveStandardAgendaItemInput = InstanceType<typeof RemoveStandardAgendaItemInput>;

const MoveStandardAgendaItemInput = Input(
  'MoveStandardAgendaItemInput',
  'A standard agenda item and the position to move it to.',
  { standardAgendaItemId: id('The standard agenda item.'), position: int('The new position, 1 to n.') },
);
type MoveStandardAgendaItemInput = InstanceType<typeof MoveStandardAgendaItemInput>;

const AssignForumConvenerInput = Input(
  'AssignForumConvenerInput',
  "Gives an account a forum's convener role.",
  {
    forumId: id('The forum.'),
    personEmail: text('E-mail address of the account.'),
  },
);
type AssignForumConvenerInput = InstanceType<typeof AssignForumConvenerInput>;

const RemoveForumConvenerInput = Input('RemoveForumConvenerInput', "Takes a forum's convener role back.", {
  forumId: id('The forum.'),
  personId: id('The person (as Viewer.id).'),
});
type RemoveForumConvenerInput = InstanceType<typeof RemoveForumConvenerInput>;

const MeetingPlanPayload = Payload(
  'MeetingPlanPayload',
  'Result of preparing a meeting: creating, editing, cancelling it or building its agenda.',
  {
    meeting: field<Meeting | null>(() => Meeting, 'The meeting after the change; null when it was refused.', {
      nullable: true,
    }),
  },
  'Why the change was refused, each at its field.',
);

const ForumPlanPayload = Payload(
  'ForumPlanPayload',
  "Result of a change to a forum's standard agenda or conveners.",
  {
    forum: field<Forum | null>(() => Forum, 'The forum after the change; null when it was refused.', {
      nullable: true,
    }),
  },
  'Why the change was refused, each at its field.',
);

function forumIdOf(globalId: string) {
  return idOfType(globalId, 'Forum');
}

function detailsOf(input: InstanceType<typeof UpdateMeetingInput> | CreateMeetingInput) {
  return {
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    accessibility: input.accessibility,
    digitalLink: input.digitalLink,
    chairId: input.chairId,
    adjusterIds: input.adjusterIds,
  };
}

function editOf(input: { meetingId: string; expectedVersion: number }) {
  return { meetingId: idOfType(input.meetingId, 'Meeting'), expectedVersion: input.expectedVersion };
}

function itemFieldsOf(input: InstanceType<typeof AddAgendaItemInput> | UpdateAgendaItemInput) {
  return {
    title: input.title,
    kind: input.kind,
    presenter: input.presenter,
    plannedMinutes: input.plannedMinutes,
    description: input.description,
    // A given id that is not an activity's becomes '' and is "not found", never silently none.
    activityId: input.activityId ? (idOfType(input.activityId, 'Activity') ?? '') : undefined,
  };
}

function standardFieldsOf(input: AddStandardAgendaItemInput | UpdateStandardAgendaItemInput) {
  return {
    title: input.title,
    kind: input.kind,
    presenter: input.presenter,
    plannedMinutes: input.plannedMinutes,
    description: input.description,
  };
}

@Resolver(() => Meeting)
export class MeetingPlanningResolver {
  @Mutation(() => MeetingPlanPayload, {
    description: "Creates a draft meeting of a forum; its agenda starts from the forum's standard agenda.",
  })
  createMeeting(
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.createMeeting(ctx, { forumId: forumIdOf(input.forumId), ...detailsOf(input) }),
    );
  }

  @Mutation(() => MeetingPlanPayload, {
    description: "Changes a meeting's details while it is being prepared.",
  })
  updateMeeting(
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.updateMeeting(ctx, { ...editOf(input), ...detailsOf(input) }),
    );
  }

  @Mutation(() => MeetingPlanPayload, {
    description: 'Cancels a meeting that has not been held, with a reason.',
  })
  cancelMeeting(
    @Arg('input', () => CancelMeetingInput) input: CancelMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.cancelMeeting(ctx, { ...editOf(input), reason: input.reason }),
    );
  }

  @Mutation(() => MeetingPlanPayload, { description: "Adds an item to a meeting's agenda." })
  addAgendaItem(
    @Arg('input', () => AddAgendaItemInput) input: AddAgendaItemInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.addAgendaItem(ctx, { ...editOf(input), ...itemFieldsOf(input), position: input.position }),
    );
  }

  @Mutation(() => MeetingPlanPayload, {
    description: 'Changes an agenda item while the meeting is prepared.',
  })
  updateAgendaItem(
    @Arg('input', () => UpdateAgendaItemInput) input: UpdateAgendaItemInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.updateAgendaItem(ctx, {
        ...editOf(input),
        agendaItemId: idOfType(input.agendaItemId, 'AgendaItem'),
        ...itemFieldsOf(input),
      }),
    );
  }

  @Mutation(() => MeetingPlanPayload, { description: "Removes an item from a meeting's agenda." })
  removeAgendaItem(
    @Arg('input', () => RemoveAgendaItemInput) input: RemoveAgendaItemInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.removeAgendaItem(ctx, {
        ...editOf(input),
        agendaItemId: idOfType(input.agendaItemId, 'AgendaItem'),
      }),
    );
  }

  @Mutation(() => MeetingPlanPayload, { description: 'Moves an agenda item to another position.' })
  moveAgendaItem(
    @Arg('input', () => MoveAgendaItemInput) input: MoveAgendaItemInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('meeting', () =>
      planning.moveAgendaItem(ctx, {
        ...editOf(input),
        agendaItemId: idOfType(input.agendaItemId, 'AgendaItem'),
        position: input.position,
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, { description: "Adds an item to a forum's standard agenda." })
  addStandardAgendaItem(
    @Arg('input', () => AddStandardAgendaItemInput) input: AddStandardAgendaItemInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      standardAgenda.addStandardAgendaItem(em, viewer, {
        forumId: forumIdOf(input.forumId),
        ...standardFieldsOf(input),
        position: input.position,
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, { description: "Changes an item of a forum's standard agenda." })
  updateStandardAgendaItem(
    @Arg('input', () => UpdateStandardAgendaItemInput) input: UpdateStandardAgendaItemInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      standardAgenda.updateStandardAgendaItem(em, viewer, {
        standardAgendaItemId: idOfType(input.standardAgendaItemId, 'StandardAgendaItem'),
        ...standardFieldsOf(input),
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, { description: "Removes an item from a forum's standard agenda." })
  removeStandardAgendaItem(
    @Arg('input', () => RemoveStandardAgendaItemInput) input: RemoveStandardAgendaItemInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      standardAgenda.removeStandardAgendaItem(em, viewer, {
        standardAgendaItemId: idOfType(input.standardAgendaItemId, 'StandardAgendaItem'),
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, { description: "Moves an item of a forum's standard agenda." })
  moveStandardAgendaItem(
    @Arg('input', () => MoveStandardAgendaItemInput) input: MoveStandardAgendaItemInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      standardAgenda.moveStandardAgendaItem(em, viewer, {
        standardAgendaItemId: idOfType(input.standardAgendaItemId, 'StandardAgendaItem'),
        position: input.position,
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, {
    description: "Gives an account a forum's convener role (coordinator).",
  })
  assignForumConvener(
    @Arg('input', () => AssignForumConvenerInput) input: AssignForumConvenerInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      conveners.assignForumConvener(em, viewer, {
        forumId: forumIdOf(input.forumId),
        personEmail: input.personEmail,
      }),
    );
  }

  @Mutation(() => ForumPlanPayload, { description: "Takes a forum's convener role back (coordinator)." })
  removeForumConvener(
    @Arg('input', () => RemoveForumConvenerInput) input: RemoveForumConvenerInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('forum', () =>
      conveners.removeForumConvener(em, viewer, {
        forumId: forumIdOf(input.forumId),
        personId: input.personId,
      }),
    );
  }

  @Query(() => [PersonOption], {
    description:
      "People to name chair or adjusters of a forum's meeting: the forum's members first. For those who " +
      "manage the forum's meetings.",
  })
  meetingPersonOptions(
    @Arg('forumId', () => ID, { description: 'The forum.' }) forumId: string,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or e-mail address.' })
    search: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1 to 50 (20).' }) first: number | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return personOptions(em, viewer, forumIdOf(forumId), search, first);
  }

  @FieldResolver(() => MeetingPerson, { nullable: true, description: "The meeting's chair (ordförande)." })
  async chair(@Root() meeting: MeetingRoot): Promise<MeetingPerson | null> {
    if (meeting instanceof MeetingView) {
      return meeting.chairId ? { id: meeting.chairId, name: meeting.chairName ?? '' } : null;
    }
    const person = meeting.chair ? await meeting.chair.load({ dataloader: true }) : null;
    return person ? { id: person.id, name: person.name } : null;
  }

  @FieldResolver(() => [MeetingPerson], {
    description: 'The adjusters (justerare) of the minutes, one or two, in order.',
  })
  async adjusters(@Root() meeting: MeetingRoot, @Ctx() { em }: GraphQLContext): Promise<MeetingPerson[]> {
    const rows = await em.find(
      MeetingAdjuster,
      { meeting: meeting.id },
      { populate: ['person'], orderBy: { position: 'asc' } },
    );
    return rows.map((row) => {
      const person: Person = row.person.getEntity();
      return { id: person.id, name: person.name };
    });
  }

  @FieldResolver(() => Boolean, {
    description: "True when the viewer may prepare the meeting: the coordinator or the forum's convener.",
  })
  @Extensions(PERSON_DEPENDENT)
  viewerCanManage(@Root() meeting: MeetingRoot, @Ctx() { viewer }: GraphQLContext): boolean {
    return viewerManagesMeeting(viewer, meeting);
  }
}

@Resolver(() => Forum)
export class ForumPlanningResolver {
  @FieldResolver(() => [StandardAgendaItem], {
    description: "The forum's standard agenda, in order: every new meeting's agenda starts from it.",
  })
  standardAgenda(@Root() forum: Forum, @Ctx() { em }: GraphQLContext): Promise<StandardAgendaItem[]> {
    return standardAgenda.standardAgendaOf(em, forum.id);
  }

  @FieldResolver(() => Boolean, {
    description: "True when the viewer may prepare the forum's meetings: the coordinator or its convener.",
  })
  @Extensions(PERSON_DEPENDENT)
  viewerCanManageMeetings(@Root() forum: Forum, @Ctx() { viewer }: GraphQLContext): boolean {
    return conveners.viewerManagesForum(viewer, forum.id);
  }

  @FieldResolver(() => [ForumConvenerPerson], {
    nullable: true,
    description: "The accounts holding the forum's convener role; null unless the viewer is the coordinator.",
  })
  @Extensions(PERSON_DEPENDENT)
  async conveners(
    @Root() forum: Forum,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<ForumConvenerPerson[] | null> {
    const people = await conveners.forumConveners(em, viewer, forum.id);
    return people && people.map((person) => ({ id: person.id, name: person.name, email: person.email }));
  }
}
