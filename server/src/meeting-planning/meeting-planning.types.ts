import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person named on a meeting: its chair or one of its adjusters (justerare).' })
export class MeetingPerson {
  @Field(() => ID, { description: 'Id of the person (as Viewer.id).' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;
}

@ObjectType({ description: 'Someone who may be named chair or adjuster of a meeting of a forum.' })
export class PersonOption {
  @Field(() => ID, { description: 'Id of the person (as Viewer.id).' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation of their seat in the forum, if any.',
  })
  organisation!: string | null;

  @Field(() => Boolean, {
    description: 'True when they hold a current seat of the forum (its members come first).',
  })
  forumMember!: boolean;
}

@ObjectType({ description: "An account holding a forum's convener role (sammankallande tjänsteperson)." })
export class ForumConvenerPerson {
  @Field(() => ID, { description: 'Id of the person (as Viewer.id).' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'E-mail address of the account.' })
  email!: string;
}
