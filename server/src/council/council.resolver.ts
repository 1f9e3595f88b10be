import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { SeatKind } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { UserError } from '../graphql/user-error.js';
import { payloadWith } from '../graphql/payload.js';
import { Party } from '../parties/party.entity.js';
import { CouncilSeat } from './council-seat.entity.js';
import { Nomination } from './nomination.entity.js';
import * as council from './council.service.js';

@InputType({ description: 'A nomination for a civil-society seat.' })
class NominateCouncilMemberInput {
  @Field(() => ID, { description: 'The nominating party.' })
  partyId!: string;

  @Field(() => String, { description: 'Who is nominated.' })
  nomineeName!: string;

  @Field(() => String, { description: 'Why.' })
  motivation!: string;
}

@InputType({ description: 'A seat in Samverkansrådet for a person with an account.' })
class AssignCouncilSeatInput {
  @Field(() => SeatKind, { description: 'Civil society, politician or coordinator.' })
  kind!: SeatKind;

  @Field(() => String, { description: "E-mail of the person's account." })
  personEmail!: string;

  @Field(() => String, { nullable: true, description: 'The organisation or party they represent.' })
  organisation?: string | null;
}

@InputType({ description: 'Names a seat in Samverkansrådet.' })
class VacateCouncilSeatInput {
  @Field(() => ID, { description: 'The seat.' })
  seatId!: string;
}

@ObjectType({ description: 'Result of a nomination.' })
class NominationPayload {
  @Field(() => Nomination, { nullable: true, description: 'The nomination; null when refused.' })
  nomination!: Nomination | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of a change to a council seat.' })
class CouncilSeatPayload {
  @Field(() => CouncilSeat, { nullable: true, description: 'The seat; null when refused.' })
  seat!: CouncilSeat | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  errors!: UserError[];
}

@Resolver()
export class CouncilResolver {
  @Mutation(() => NominationPayload, {
    description: 'A joined civil-society party nominates a council member.',
  })
  nominateCouncilMember(
    @Arg('input', () => NominateCouncilMemberInput) input: NominateCouncilMemberInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('nomination', () =>
      council.nominateCouncilMember(em, viewer, { ...input, partyId: idOfType(input.partyId, 'Party') }),
    );
  }

  @Mutation(() => CouncilSeatPayload, {
    description: 'The coordinator gives a person a seat (at most 10, 3 and 1).',
  })
  assignCouncilSeat(
    @Arg('input', () => AssignCouncilSeatInput) input: AssignCouncilSeatInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('seat', () => council.assignCouncilSeat(em, viewer, input));
  }

  @Mutation(() => CouncilSeatPayload, { description: 'The coordinator ends a seat.' })
  vacateCouncilSeat(
    @Arg('input', () => VacateCouncilSeatInput) input: VacateCouncilSeatInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('seat', () =>
      council.vacateCouncilSeat(em, viewer, idOfType(input.seatId, 'CouncilSeat')),
    );
  }
}

@Resolver(() => Nomination)
export class NominationResolver {
  @FieldResolver(() => Party, { description: 'The nominating party.' })
  party(@Root() nomination: Nomination): Promise<Party> {
    return nomination.party.load({ dataloader: true }) as Promise<Party>;
  }
}
