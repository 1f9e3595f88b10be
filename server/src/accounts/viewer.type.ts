import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The signed-in person.' })
export class ViewerType {
  @Field(() => ID, { description: 'Id of the person.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'E-mail address used to sign in.' })
  email!: string;

  @Field(() => Boolean, { description: 'True for the coordinator for civil-society questions (samordnare).' })
  isCoordinator!: boolean;
}
