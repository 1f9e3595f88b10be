import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Input, Payload, field, id, text } from '../graphql/generated-types.js';
import { SeatKind } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { Party } from '../parties/party.entity.js';
import { CouncilSeat } from './council-seat.entity.js';
import { Nomination } from './nomination.entity.js';
import * as council from './council.service.js';

const NominateCouncilMemberInput = Input(
  'NominateCouncilMemberInput',
  'A nomination for a civil-society seat.',
  {
    partyId: id('The nominating party.'),
    nomineeName: text('Who is nominated.'),
    motivation: text('Why.'),
  },
);
type NominateCouncilMemberInput = InstanceType<typeof NominateCouncilMemberInput>;

const AssignCouncilSeatInput = Input(
  'AssignCouncilSeatInput',
  'A seat in Samverkansrådet: who holds it, named or linked to an account, or both.',
  {
    kind: field<SeatKind>(() => SeatKind, 'Civil society, politician or coordinator.'),
    personEmail: field<string | null>(
      () => String,
      "E-mail of the holder's account, to link the seat to it (they become a member of the council).",
      { nullable: true },
    ),
    holderName: field<string | null>(
      () => String,
      "Name of the holder; by default the account's name. Required without an account.",
      { nullable: true },
    ),
    organisation: field<string | null>(() => String, 'The organisation or party they represent.', {
      nullable: true,
    }),
  },
);
type AssignCouncilSeatInput = InstanceType<typeof AssignCouncilSeatInput>;

const VacateCouncilSeatInput = Input('VacateCouncilSeatInput', 'Names a seat in Samverkansrådet.', {
  seatId: id('The seat.'),
});
type VacateCouncilSeatInput = InstanceType<typeof VacateCouncilSeatInput>;

const NominationPayload = Payload(
  'NominationPayload',
  'Result of a nomination.',
  {
    nomination: field<Nomination | null>(() => Nomination, 'The nomination; null when refused.', {
      nullable: true,
    }),
  },
  'Why it was refused.',
);

const CouncilSeatPayload = Payload(
  'CouncilSeatPayload',
  'Result of a change to a council seat.',
  {
    seat: field<CouncilSeat | null>(() => CouncilSeat, 'The seat; null when refused.', { nullable: true }),
  },
  'Why it was refused.',
);

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
    description: 'The coordinator gives someone a seat (at most 10, 3 and 1 held at a time).',
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

@Resolver(() => CouncilSeat)
export class CouncilSeatResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Coordinator: e-mail of the holder's account; null without one, and for everyone else.",
  })
  // The same for everyone of one visibility class, so live audiences need no mark for it.
  holderEmail(@Root() seat: CouncilSeat, @Ctx() { viewer }: GraphQLContext): Promise<string | null> {
    return council.holderEmail(viewer, seat);
  }
}
