import { Arg, Ctx, Extensions, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { seatsLeft } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadOf, payloadWith } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Party } from '../parties/party.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { OccasionParticipantView } from './occasion-participant.type.js';
import { invitationAnswerLoaders } from './invitation-answers.loaders.js';
import { occasionParticipants, viewerOccasionParticipants } from './invitation-answers.queries.js';
import * as registration from './occasion-registration.service.js';
import {
  CancelOccasionParticipantInput,
  ChangeOccasionCapacityInput,
  OccasionPayload,
  RegisterForOccasionInput,
  RegisterForOccasionPayload,
  occasionIdOf,
  participantIdOf,
  partyIdOf,
} from './invitation-answers.input.js';

type RegistrationResult = {
  occasion: InvitationOccasion | null;
  participants: OccasionParticipantView[];
};

/** Seats, the waiting list and registrations of an occasion. */
@Resolver(() => InvitationOccasion)
export class OccasionRegistrationResolver {
  @FieldResolver(() => Int, { description: 'Seats taken.' })
  async seatsTaken(@Root() occasion: InvitationOccasion, @Ctx() { em }: GraphQLContext) {
    return (await invitationAnswerLoaders(em).counts.load(occasion.id)).seatsTaken;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seats left; null: no limit.' })
  async seatsLeft(@Root() occasion: InvitationOccasion, @Ctx() { em }: GraphQLContext) {
    const { seatsTaken } = await invitationAnswerLoaders(em).counts.load(occasion.id);
    return seatsLeft(occasion.capacity, seatsTaken);
  }

  @FieldResolver(() => Int, { description: 'Participants on the waiting list.' })
  async waitingCount(@Root() occasion: InvitationOccasion, @Ctx() { em }: GraphQLContext) {
    return (await invitationAnswerLoaders(em).counts.load(occasion.id)).waitingCount;
  }

  @FieldResolver(() => [OccasionParticipantView], {
    description: 'The participants the viewer’s parties registered: seats first, then the waiting list.',
  })
  @Extensions(PERSON_DEPENDENT)
  viewerParticipants(@Root() occasion: InvitationOccasion, @Ctx() { em, viewer }: GraphQLContext) {
    return viewerOccasionParticipants(em, viewer, occasion);
  }

  @FieldResolver(() => [OccasionParticipantView], {
    nullable: true,
    description:
      'Every participant with their needs, for the inviting party; null for everyone else. Seats first, then ' +
      'the waiting list.',
  })
  @Extensions(PERSON_DEPENDENT)
  participants(@Root() occasion: InvitationOccasion, @Ctx() { em, viewer }: GraphQLContext) {
    return occasionParticipants(em, viewer, occasion);
  }

  @Mutation(() => RegisterForOccasionPayload, {
    description:
      'An invited party registers participants for an occasion: seats while they last, then the waiting list.',
  })
  async registerForOccasion(
    @Arg('input', () => RegisterForOccasionInput) input: RegisterForOccasionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<RegistrationResult>({ occasion: null, participants: [] }, async () => {
      const done = await registration.registerForOccasion(
        em,
        viewer,
        {
          occasionId: occasionIdOf(input.occasionId),
          partyId: partyIdOf(input.partyId),
          participants: input.participants,
        },
        { outbox },
      );
      const all = await invitationAnswerLoaders(em).participants.load(done.occasion.id);
      const ids = new Set(done.participantIds);
      return {
        occasion: done.occasion,
        participants: all.filter((participant) => ids.has(participantIdOf(participant.id)!)),
      };
    });
  }

  @Mutation(() => OccasionPayload, {
    description:
      'A member of the participant’s party, or of the inviting party, cancels a participant; the first waiting moves up.',
  })
  cancelOccasionParticipant(
    @Arg('input', () => CancelOccasionParticipantInput) input: CancelOccasionParticipantInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('occasion', () =>
      registration.cancelOccasionParticipant(
        em,
        viewer,
        { participantId: participantIdOf(input.participantId) },
        { outbox },
      ),
    );
  }

  @Mutation(() => OccasionPayload, {
    description: 'The inviting party changes an occasion’s seats; raising them moves the waiting list up.',
  })
  changeOccasionCapacity(
    @Arg('input', () => ChangeOccasionCapacityInput) input: ChangeOccasionCapacityInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('occasion', () =>
      registration.changeOccasionCapacity(
        em,
        viewer,
        { occasionId: occasionIdOf(input.occasionId), capacity: input.capacity ?? null },
        { outbox },
      ),
    );
  }
}

/** The party of a participant. */
@Resolver(() => OccasionParticipantView)
export class OccasionParticipantResolver {
  @FieldResolver(() => Party, { description: 'The party that registered them.' })
  party(@Root() participant: OccasionParticipantView, @Ctx() { em }: GraphQLContext) {
    return em.getReference(Party, participant.partyId, { wrapped: true }).load({ dataloader: true });
  }
}
