import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { AccessionStatus, SeatKind } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { idOfType } from '../graphql/node.js';
import { UserError } from '../graphql/user-error.js';
import { payloadWith } from '../graphql/payload.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { Party } from '../parties/party.entity.js';
import { partyFacts } from '../parties/party-facts.js';
import { partyPolicy } from '../parties/party.policy.js';
import { CouncilSeat } from '../forums/council-seat.entity.js';
import { Accession } from './accession.entity.js';
import { ExclusionCase } from './exclusion-case.entity.js';
import { Nomination } from './nomination.entity.js';
import * as accessions from './accession.service.js';
import { COORDINATOR_QUEUE_TOPIC, latestCursor } from '../live/publish.js';
import { notifyPartyContacts } from './party-notices.js';

const AccessionConnection = Connection(Accession, 'Accession');
const NominationConnection = Connection(Nomination, 'Nomination');
const ExclusionCaseConnection = Connection(ExclusionCase, 'ExclusionCase');

@InputType({ description: "A party's request to join, with each part of the agreement affirmed explicitly." })
class RequestAccessionInput {
  @Field(() => ID, { description: 'The party.' })
  partyId!: string;

  @Field(() => Boolean, { description: 'The party is democratically organised.' })
  affirmsDemocraticOrganisation!: boolean;

  @Field(() => Boolean, { description: 'The party stands behind the values (värdegrund).' })
  affirmsValues!: boolean;

  @Field(() => Boolean, { description: 'The party stands behind the six principles.' })
  affirmsPrinciples!: boolean;

  @Field(() => Boolean, { description: 'The party stands behind the six commitments.' })
  affirmsCommitments!: boolean;
}

@InputType({ description: 'Names an accession and the version the decider saw.' })
class DecideAccessionInput {
  @Field(() => ID, { description: 'The accession.' })
  accessionId!: string;

  @Field(() => Int, { description: 'The version seen; a newer one refuses the decision.' })
  expectedVersion!: number;
}

@InputType({ description: 'A rejection and its reason.' })
class RejectAccessionInput extends DecideAccessionInput {
  @Field(() => String, { description: 'The reason, shown to the party.' })
  reason!: string;
}

@InputType({ description: 'A party and the documented grounds for excluding it.' })
class OpenExclusionCaseInput {
  @Field(() => ID, { description: 'The party.' })
  partyId!: string;

  @Field(() => String, {
    description: 'Documented grounds that the party actively works against the agreement.',
  })
  grounds!: string;
}

@InputType({ description: "The party's response to an exclusion case." })
class RespondToExclusionCaseInput {
  @Field(() => ID, { description: 'The case.' })
  exclusionCaseId!: string;

  @Field(() => Int, { description: 'The version seen.' })
  expectedVersion!: number;

  @Field(() => String, { description: 'The response.' })
  response!: string;
}

@InputType({ description: "Samverkansrådet's decision in an exclusion case." })
class RecordExclusionDecisionInput {
  @Field(() => ID, { description: 'The case.' })
  exclusionCaseId!: string;

  @Field(() => Int, { description: 'The version seen.' })
  expectedVersion!: number;

  @Field(() => Boolean, { description: 'True when the council decided to exclude the party.' })
  excluded!: boolean;

  @Field(() => String, { description: 'The decision as recorded.' })
  decision!: string;
}

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

@ObjectType({ description: 'Result of a change to an accession.' })
class AccessionPayload {
  @Field(() => Accession, {
    nullable: true,
    description: 'The accession after the change; null when refused.',
  })
  accession!: Accession | null;

  @Field(() => [UserError], { description: 'Why the change was refused.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of a change to an exclusion case.' })
class ExclusionCasePayload {
  @Field(() => ExclusionCase, {
    nullable: true,
    description: 'The case after the change; null when refused.',
  })
  exclusionCase!: ExclusionCase | null;

  @Field(() => [UserError], { description: 'Why the change was refused.' })
  errors!: UserError[];
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

/** One change to a party's accession, exclusion cases or membership, for its people and the coordinator. */
@ObjectType({ description: "A change to a party's accession, cases or memberships." })
export class AccessionEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, { description: 'What happened, e.g. ACCESSION_APPROVED.' })
  kind!: string;

  @Field(() => Party, { description: 'The party.' })
  party!: Party;
}

@ObjectType({ description: "The coordinator's queue changed; refetch what it shows." })
export class CoordinatorQueueEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, { description: 'What happened, e.g. ACCESSION_REQUESTED.' })
  kind!: string;
}

@Resolver(() => Accession)
export class AccessionResolver {
  @FieldResolver(() => Party, { description: 'The party asking to join.' })
  party(@Root() accession: Accession): Promise<Party> {
    return accession.party.load({ dataloader: true }) as Promise<Party>;
  }

  @Query(() => AccessionConnection, {
    description: 'Coordinator: accessions waiting for a decision, oldest first.',
  })
  async pendingAccessions(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    if (!viewer) throw unauthenticated();
    if (!partyPolicy.coordinator(viewer)) throw forbidden();
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(
      Accession,
      { status: AccessionStatus.REQUESTED },
      { orderBy: { requestedAt: 'asc' }, limit, offset, populate: ['party'] },
    );
    return toConnection(items, total, offset);
  }

  @Query(() => NominationConnection, {
    description: 'Coordinator: nominations for the civil-society seats, newest first.',
  })
  async nominations(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    if (!viewer) throw unauthenticated();
    if (!partyPolicy.coordinator(viewer)) throw forbidden();
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(
      Nomination,
      {},
      { orderBy: { createdAt: 'desc' }, limit, offset, populate: ['party'] },
    );
    return toConnection(items, total, offset);
  }

  @Query(() => ExclusionCaseConnection, {
    description:
      "Exclusion cases, open ones first: all for the coordinator; a party's own for its people (partyId).",
  })
  async exclusionCases(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('partyId', () => ID, { nullable: true, description: "Only this party's cases." })
    partyId: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    if (!viewer) throw unauthenticated();
    const party = partyId
      ? await em.findOne(Party, idOfType(partyId, 'Party') ?? '00000000-0000-0000-0000-000000000000')
      : null;
    if (!partyPolicy.coordinator(viewer)) {
      if (!party || !partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party))) throw forbidden();
    }
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(ExclusionCase, party ? { party: party.id } : {}, {
      orderBy: { decidedAt: 'asc nulls first', openedAt: 'desc' },
      limit,
      offset,
      populate: ['party'],
    });
    return toConnection(items, total, offset);
  }

  @Query(() => String, {
    description:
      "Coordinator: cursor of the queue's latest change; subscribe after it to miss nothing since.",
  })
  coordinatorQueueCursor(@Ctx() { em, viewer }: GraphQLContext): Promise<string> {
    if (!viewer) throw unauthenticated();
    if (!partyPolicy.coordinator(viewer)) throw forbidden();
    return latestCursor(em, COORDINATOR_QUEUE_TOPIC);
  }

  @Mutation(() => AccessionPayload, {
    description: 'A contact asks for the party to join, affirming each part.',
  })
  requestAccession(
    @Arg('input', () => RequestAccessionInput) input: RequestAccessionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('accession', () =>
      accessions.requestAccession(em, viewer, { ...input, partyId: idOfType(input.partyId, 'Party') }),
    );
  }

  @Mutation(() => AccessionPayload, {
    description: 'The coordinator approves an accession; the party joins.',
  })
  approveAccession(
    @Arg('input', () => DecideAccessionInput) input: DecideAccessionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('accession', () =>
      em.transactional(async (tx) => {
        const accession = await accessions.approveAccession(tx, viewer, {
          ...input,
          accessionId: idOfType(input.accessionId, 'Accession'),
        });
        await notifyPartyContacts(tx, outbox, accession.party.id, 'ACCESSION_APPROVED');
        return accession;
      }),
    );
  }

  @Mutation(() => AccessionPayload, { description: 'The coordinator rejects an accession, with a reason.' })
  rejectAccession(
    @Arg('input', () => RejectAccessionInput) input: RejectAccessionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('accession', () =>
      em.transactional(async (tx) => {
        const accession = await accessions.rejectAccession(tx, viewer, {
          ...input,
          accessionId: idOfType(input.accessionId, 'Accession'),
        });
        await notifyPartyContacts(
          tx,
          outbox,
          accession.party.id,
          'ACCESSION_REJECTED',
          accession.reason ?? null,
        );
        return accession;
      }),
    );
  }

  @Mutation(() => AccessionPayload, { description: "A contact withdraws the party's request or accession." })
  withdrawAccession(
    @Arg('input', () => DecideAccessionInput) input: DecideAccessionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('accession', () =>
      accessions.withdrawAccession(em, viewer, {
        ...input,
        accessionId: idOfType(input.accessionId, 'Accession'),
      }),
    );
  }

  @Mutation(() => ExclusionCasePayload, {
    description: 'The coordinator opens an exclusion case with documented grounds.',
  })
  openExclusionCase(
    @Arg('input', () => OpenExclusionCaseInput) input: OpenExclusionCaseInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('exclusionCase', () =>
      em.transactional(async (tx) => {
        const exclusionCase = await accessions.openExclusionCase(tx, viewer, {
          ...input,
          partyId: idOfType(input.partyId, 'Party'),
        });
        await notifyPartyContacts(
          tx,
          outbox,
          exclusionCase.party.id,
          'EXCLUSION_CASE_OPENED',
          exclusionCase.grounds,
        );
        return exclusionCase;
      }),
    );
  }

  @Mutation(() => ExclusionCasePayload, { description: "The party's contact responds to an exclusion case." })
  respondToExclusionCase(
    @Arg('input', () => RespondToExclusionCaseInput) input: RespondToExclusionCaseInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('exclusionCase', () =>
      accessions.respondToExclusionCase(em, viewer, {
        ...input,
        exclusionCaseId: idOfType(input.exclusionCaseId, 'ExclusionCase'),
      }),
    );
  }

  @Mutation(() => ExclusionCasePayload, {
    description: "The coordinator records Samverkansrådet's decision.",
  })
  recordExclusionDecision(
    @Arg('input', () => RecordExclusionDecisionInput) input: RecordExclusionDecisionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('exclusionCase', () =>
      em.transactional(async (tx) => {
        const exclusionCase = await accessions.recordExclusionDecision(tx, viewer, {
          ...input,
          exclusionCaseId: idOfType(input.exclusionCaseId, 'ExclusionCase'),
        });
        await notifyPartyContacts(
          tx,
          outbox,
          exclusionCase.party.id,
          'EXCLUSION_DECIDED',
          exclusionCase.councilDecision ?? null,
        );
        return exclusionCase;
      }),
    );
  }

  @Mutation(() => NominationPayload, {
    description: 'A joined civil-society party nominates a council member.',
  })
  nominateCouncilMember(
    @Arg('input', () => NominateCouncilMemberInput) input: NominateCouncilMemberInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('nomination', () =>
      accessions.nominateCouncilMember(em, viewer, { ...input, partyId: idOfType(input.partyId, 'Party') }),
    );
  }

  @Mutation(() => CouncilSeatPayload, {
    description: 'The coordinator gives a person a seat (at most 10, 3 and 1).',
  })
  assignCouncilSeat(
    @Arg('input', () => AssignCouncilSeatInput) input: AssignCouncilSeatInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('seat', () => accessions.assignCouncilSeat(em, viewer, input));
  }

  @Mutation(() => CouncilSeatPayload, { description: 'The coordinator ends a seat.' })
  vacateCouncilSeat(
    @Arg('input', () => VacateCouncilSeatInput) input: VacateCouncilSeatInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('seat', () =>
      accessions.vacateCouncilSeat(em, viewer, idOfType(input.seatId, 'CouncilSeat')),
    );
  }

  @Subscription(() => AccessionEvent, {
    description: "Changes to a party's accession, cases and memberships, for its people and the coordinator.",
    subscribe: () => {
      throw new Error('accessionChanged is served by the live hub');
    },
  })
  accessionChanged(
    @Root() event: AccessionEvent,
    @Arg('partyId', () => ID, { description: 'The party.' }) _partyId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): AccessionEvent {
    return event;
  }

  @Subscription(() => CoordinatorQueueEvent, {
    description: 'Coordinator: the queue of accessions, nominations, exclusion cases and networks changed.',
    subscribe: () => {
      throw new Error('coordinatorQueueChanged is served by the live hub');
    },
  })
  coordinatorQueueChanged(
    @Root() event: CoordinatorQueueEvent,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): CoordinatorQueueEvent {
    return event;
  }
}

@Resolver(() => ExclusionCase)
export class ExclusionCaseResolver {
  @FieldResolver(() => Party, { description: 'The party concerned.' })
  party(@Root() exclusionCase: ExclusionCase): Promise<Party> {
    return exclusionCase.party.load({ dataloader: true }) as Promise<Party>;
  }
}

@Resolver(() => Nomination)
export class NominationResolver {
  @FieldResolver(() => Party, { description: 'The nominating party.' })
  party(@Root() nomination: Nomination): Promise<Party> {
    return nomination.party.load({ dataloader: true }) as Promise<Party>;
  }
}
