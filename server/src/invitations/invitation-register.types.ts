import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { InvitationKind, PartySector, ProcessStage } from '@samverka/domain';
import { PageInfo } from '../graphql/connection.js';
import { Invitation } from './invitation.entity.js';

@InputType({
  description: 'Filters of the public list of invitations; each narrows it, empty lists filter nothing.',
})
export class InvitationRegisterFilterInput {
  @Field(() => [InvitationKind], {
    nullable: true,
    description: 'Only dialogue invitations, or consultations.',
  })
  kinds?: InvitationKind[] | null;

  @Field(() => [ProcessStage], { nullable: true, description: 'Only processes at these stages.' })
  stages?: ProcessStage[] | null;

  @Field(() => [PartySector], {
    nullable: true,
    description: 'Only invitations from this side: municipal parties, or civil society.',
  })
  inviterSectors?: PartySector[] | null;

  @Field(() => [String], { nullable: true, description: 'Only invitations concerning any of these areas.' })
  areas?: string[] | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Only those whose last day (deadline, or last occasion) is on or after this day.',
  })
  deadlineFrom?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Only those whose last day (deadline, or last occasion) is on or before this day.',
  })
  deadlineTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only open ones (published, registration closed); false: only those no longer open.',
  })
  open?: boolean | null;
}

@ObjectType({ description: 'An invitation of the public list.' })
export class InvitationRegisterEdge {
  @Field(() => String, { description: 'Cursor of this invitation; pass it as `after` for those after it.' })
  cursor!: string;

  @Field(() => Invitation, { description: 'The invitation.' })
  node!: Invitation;
}

@ObjectType({ description: 'A page of the public list of invitations and consultations.' })
export class InvitationRegisterConnection {
  @Field(() => [InvitationRegisterEdge], { description: 'The invitations of this page.' })
  edges!: InvitationRegisterEdge[];

  @Field(() => PageInfo, { description: 'How to get the next page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of invitations matching the search and every filter.' })
  totalCount!: number;
}

@ObjectType({ description: "An invitation of a party's own list." })
export class PartyInvitationEdge {
  @Field(() => String, { description: 'Cursor of this invitation; pass it as `after` for those after it.' })
  cursor!: string;

  @Field(() => Invitation, { description: 'The invitation.' })
  node!: Invitation;
}

@ObjectType({ description: "A page of a party's own invitations, drafts included." })
export class PartyInvitationConnection {
  @Field(() => [PartyInvitationEdge], { description: 'The invitations of this page.' })
  edges!: PartyInvitationEdge[];

  @Field(() => PageInfo, { description: 'How to get the next page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Number of the party's invitations." })
  totalCount!: number;
}

@ObjectType({ description: 'An invitation changed; it is given as it is now.' })
export class InvitationChangedEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'What happened: the workflow step (e.g. PUBLISH, REGISTER, RESPOND); RESYNC when the events after your ' +
      'cursor could not all be replayed and this is the invitation as it is now.',
  })
  kind!: string;

  @Field(() => Invitation, { description: 'The invitation as it is now.' })
  invitation!: Invitation;
}

@ObjectType({ description: 'A list of invitations changed; refetch it.' })
export class InvitationsChangedEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'The step (e.g. PUBLISH), or RESYNC when the events after your cursor could not all be replayed: refetch ' +
      'the whole list, changes after this cursor follow.',
  })
  kind!: string;
}
