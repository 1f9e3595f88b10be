import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Input, id } from '../graphql/generated-types.js';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { Party } from '../parties/party.entity.js';
import { PartyPayload } from '../parties/parties.resolver.js';
import * as cnatet from './cnatet.service.js';

@ObjectType({ description: "A department's representative in C-nätet." })
class CNatetRepresentativeType {
  @Field(() => String, { description: "The representative's name." })
  name!: string;

  @Field(() => String, { description: "E-mail of the representative's account." })
  email!: string;

  @Field(() => Date, { description: 'When they were appointed.' })
  appointedAt!: Date;
}

@ObjectType({ description: "A municipal department's place in C-nätet." })
class CNatetDepartment {
  @Field(() => Party, { description: 'The department.' })
  department!: Party;

  @Field(() => CNatetRepresentativeType, {
    nullable: true,
    description: 'Its representative; null while it has none.',
  })
  representative!: CNatetRepresentativeType | null;
}

const CNatetDepartmentConnection = Connection(CNatetDepartment, 'CNatetDepartment');

const RemoveCNatetRepresentativeInput = Input(
  'RemoveCNatetRepresentativeInput',
  'A department whose representative in C-nätet leaves.',
  { departmentId: id('The department (a party of kind MUNICIPAL_DEPARTMENT).') },
);
type RemoveCNatetRepresentativeInput = InstanceType<typeof RemoveCNatetRepresentativeInput>;

@Resolver()
export class CNatetResolver {
  @Query(() => CNatetDepartmentConnection, {
    description: 'Coordinator: every municipal department by name, with its representative in C-nätet.',
  })
  async cnatetDepartments(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await cnatet.listCNatetDepartments(em, viewer, { limit, offset });
    return toConnection(items, total, offset);
  }

  @Mutation(() => PartyPayload, {
    description: "The coordinator ends a department's appointment in C-nätet.",
  })
  removeCNatetRepresentative(
    @Arg('input', () => RemoveCNatetRepresentativeInput) input: RemoveCNatetRepresentativeInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('party', () =>
      cnatet.removeCNatetRepresentative(em, viewer, idOfType(input.departmentId, 'Party')),
    );
  }
}
