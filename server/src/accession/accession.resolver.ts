import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { Input, Payload, field, flag, id, int, text } from '../graphql/generated-types.js';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { Party } from '../parties/party.entity.js';
import { Accession } from './accession.entity.js';
import { ExclusionCase } from './exclusion-case.entity.js';
import { Nomination } from '../council/nomination.entity.js';
import * as accessions from './accession.service.js';
import * as queries from './accession.queries.js';
import { listNominations } from '../council/council.service.js';
import { notifyPartyContacts } from './party-notices.js';

const AccessionConnection = Connection(Accession, 'Accession');
const NominationConnection = Connection(Nomination, 'Nomination');
const ExclusionCaseConnection = Connection(ExclusionCase, 'ExclusionCase');

const RequestAccessionInput = Input(
  'RequestAccessionInput',
  "A party's request to join, with each part of the agreement affirmed explicitly.",
  {
    partyId: id('The party.'),
    affirmsDemocraticOrganisation: flag('The party is democratically organised.'),
    affirmsValues: flag('The party stands behind the values (värdegrund).'),
    affirmsPrinciples: flag('The party stands behind the six principles.'),
    affirmsCommitments: flag('The party stands behind the six commitments.'),
  },
);
type RequestAccessionInput = InstanceType<typeof RequestAccessionInput>;

const DecideAccessionInput = Input(
  'DecideAccessionInput',
  'Names an accession and the version the decider saw.',
  {
    accessionId: id('The accession.'),
    expectedVersion: int('The version seen; a newer one refuses the decision.'),
  },
);
type DecideAccessionInput = InstanceType<typeof DecideAccessionInput>;

const RejectAccessionInput = Input('RejectAccessionInput', 'A rejection and its reason.', {
  ...DecideAccessionInput.fields,
  reason: text('The reason, shown to the party.'),
});
type RejectAccessionInput = InstanceType<typeof RejectAccessionInput>;

const OpenExclusionCaseInput = Input(
  'OpenExclusionCaseInput',
  'A party and the documented grounds for excluding it.',
  {
    partyId: id('The party.'),
    grounds: text('Documented grounds that the party actively works against the agreement.'),
  },
);
type OpenExclusionCaseInput = InstanceType<typeof OpenExclusionCaseInput>;

const RespondToExclusionCaseInput = Input(
  'RespondToExclusionCaseInput',
  "The party's response to an exclusion case.",
  {
    exclusionCaseId: id('The case.'),
    expectedVersion: int('The version seen.'),
    response: text('The response.'),
  },
);
type RespondToExclusionCaseInput = InstanceType<typeof RespondToExclusionCaseInput>;

const RecordExclusionDecisionInput = Input(
  'RecordExclusionDecisionInput',
  "Samverkansrådet's decision in an exclusion case.",
  {
    exclusionCaseId: id('The case.'),
    expectedVersion: int('The version seen.'),
    excluded: flag('True when the council decided to exclude the party.'),
    decision: text('The decision as recorded.'),
  },
);
type RecordExclusionDecisionInput = InstanceType<typeof RecordExclusionDecisionInput>;

const AccessionPayload = Payload(
  'AccessionPayload',
  'Result of a change to an accession.',
  {
    accession: field<Accession | null>(
      () => Accession,
      'The accession after the change; null when refused.',
      { nullable: true },
    ),
  },
  'Why the change was refused.',
);

const ExclusionCasePayload = Payload(
  'ExclusionCasePayload',
  'Result of a change to an exclusion case.',
  {
    exclusionCase: field<ExclusionCase | null>(
      () => ExclusionCase,
      'The case after the change; null when refused.',
      { nullable: true },
    ),
  },
  'Why the change was refused.',
);

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
    const window = pageWindow(first, after);
    const [items, total] = await queries.pendingAccessions(em, viewer, window);
    return toConnection(items, total, window.offset);
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
    const window = pageWindow(first, after);
    const [items, total] = await listNominations(em, viewer, window);
    return toConnection(items, total, window.offset);
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
    const window = pageWindow(first, after);
    const [items, total] = await queries.exclusionCases(
      em,
      viewer,
      partyId ? (idOfType(partyId, 'Party') ?? '00000000-0000-0000-0000-000000000000') : null,
      window,
    );
    return toConnection(items, total, window.offset);
  }

  @Query(() => String, {
    description:
      "Coordinator: cursor of the queue's latest change; subscribe after it to miss nothing since.",
  })
  coordinatorQueueCursor(@Ctx() { em, viewer }: GraphQLContext): Promise<string> {
    return queries.coordinatorQueueCursor(em, viewer);
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
    @Ctx() { em, viewer, mailer }: GraphQLContext,
  ) {
    return payloadWith('accession', async () => {
      const accession = await accessions.approveAccession(em, viewer, {
        ...input,
        accessionId: idOfType(input.accessionId, 'Accession'),
      });
      await notifyPartyContacts(em, mailer, accession.party.id, 'ACCESSION_APPROVED');
      return accession;
    });
  }

  @Mutation(() => AccessionPayload, { description: 'The coordinator rejects an accession, with a reason.' })
  rejectAccession(
    @Arg('input', () => RejectAccessionInput) input: RejectAccessionInput,
    @Ctx() { em, viewer, mailer }: GraphQLContext,
  ) {
    return payloadWith('accession', async () => {
      const accession = await accessions.rejectAccession(em, viewer, {
        ...input,
        accessionId: idOfType(input.accessionId, 'Accession'),
      });
      await notifyPartyContacts(
        em,
        mailer,
        accession.party.id,
        'ACCESSION_REJECTED',
        accession.reason ?? null,
      );
      return accession;
    });
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
    @Ctx() { em, viewer, mailer }: GraphQLContext,
  ) {
    return payloadWith('exclusionCase', async () => {
      const exclusionCase = await accessions.openExclusionCase(em, viewer, {
        ...input,
        partyId: idOfType(input.partyId, 'Party'),
      });
      await notifyPartyContacts(
        em,
        mailer,
        exclusionCase.party.id,
        'EXCLUSION_CASE_OPENED',
        exclusionCase.grounds,
      );
      return exclusionCase;
    });
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
    @Ctx() { em, viewer, mailer }: GraphQLContext,
  ) {
    return payloadWith('exclusionCase', async () => {
      const exclusionCase = await accessions.recordExclusionDecision(em, viewer, {
        ...input,
        exclusionCaseId: idOfType(input.exclusionCaseId, 'ExclusionCase'),
      });
      await notifyPartyContacts(
        em,
        mailer,
        exclusionCase.party.id,
        'EXCLUSION_DECIDED',
        exclusionCase.councilDecision ?? null,
      );
      return exclusionCase;
    });
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
