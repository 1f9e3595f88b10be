import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { CompilationVerdict } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { payloadOf } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Party } from '../parties/party.entity.js';
import { DocumentFile, documentIdOf } from '../documents/document-file.type.js';
import { consultationResponseDocuments } from '../documents/document.queries.js';
import { Invitation } from './invitation.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import type { ConsultationResponse } from './consultation-response.entity.js';
import type { ConsultationPosition } from './consultation-position.entity.js';
import {
  ConsultationPositionView,
  ConsultationResponseView,
  VERDICT_DESCRIPTION,
  VERDICT_REASON_DESCRIPTION,
  responseGlobalId,
  type ResponseChange,
} from './consultation.types.js';
import { SaveConsultationResponseInput, SaveConsultationResponsePayload } from './consultation.input.js';
import { consultationLoaders } from './consultation-loaders.js';
import { responseCount, seesVerdicts, viewerResponses, visibleResponses } from './consultation.queries.js';
import { saveConsultationResponse } from './consultation-responses.service.js';

/** A consultation's responses, as the invitation's page reads them, and the response form's mutation. */
@Resolver(() => Invitation)
export class ConsultationInvitationResolver {
  @FieldResolver(() => [ConsultationResponseView], {
    description:
      'The responses the viewer may read, first given first: public after the deadline unless withheld; ' +
      'the inviting party and each responding party see theirs always.',
  })
  @Extensions(PERSON_DEPENDENT)
  responses(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext) {
    return visibleResponses(em, viewer, invitation);
  }

  @FieldResolver(() => [ConsultationResponseView], {
    description: 'The responses of the viewer’s own parties, to see and change until the deadline.',
  })
  @Extensions(PERSON_DEPENDENT)
  viewerResponses(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext) {
    return viewerResponses(em, viewer, invitation);
  }

  @FieldResolver(() => Int, {
    description:
      'How many parties have responded, withheld responses included (only their content is private).',
  })
  responseCount(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return responseCount(em, invitation.id);
  }

  @Mutation(() => SaveConsultationResponsePayload, {
    description:
      'A member of an invited party gives or replaces the party’s response, until the deadline day ends.',
  })
  saveConsultationResponse(
    @Arg('input', () => SaveConsultationResponseInput) input: SaveConsultationResponseInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<ResponseChange>({ response: null, invitation: null }, () =>
      saveConsultationResponse(
        em,
        viewer,
        {
          invitationId: idOfType(input.invitationId, 'Invitation'),
          partyId: idOfType(input.partyId, 'Party'),
          expectedVersion: input.expectedVersion ?? null,
          text: input.text ?? null,
          withheld: input.withheld,
          positions: input.positions.map((position) => ({
            proposalId: idOfType(position.proposalId, 'ConsultationProposal'),
            stance: position.stance,
            text: position.text ?? null,
          })),
          documentIds: input.documentIds.map(documentIdOf),
        },
        { outbox },
      ),
    );
  }
}

/** A response's party, documents, positions and the compilation's answer to it. */
@Resolver(() => ConsultationResponseView)
export class ConsultationResponseResolver {
  @FieldResolver(() => ID, { description: 'Opaque id; the compilation names the response by it.' })
  id(@Root() response: ConsultationResponse) {
    return responseGlobalId(response.id);
  }

  @FieldResolver(() => Party, { description: 'The party that responded.' })
  party(@Root() response: ConsultationResponse) {
    return response.party.load({ dataloader: true });
  }

  @FieldResolver(() => [DocumentFile], { description: 'The response’s documents, in the order attached.' })
  documents(@Root() response: ConsultationResponse, @Ctx() { em }: GraphQLContext) {
    return consultationResponseDocuments(em, response.id);
  }

  @FieldResolver(() => [ConsultationPositionView], { description: 'Its view of each proposal, in order.' })
  positions(@Root() response: ConsultationResponse, @Ctx() { em }: GraphQLContext) {
    return consultationLoaders(em).positions.load(response.id);
  }

  @FieldResolver(() => CompilationVerdict, { nullable: true, description: VERDICT_DESCRIPTION })
  @Extensions(PERSON_DEPENDENT)
  async verdict(@Root() response: ConsultationResponse, @Ctx() { em, viewer }: GraphQLContext) {
    return (await seesVerdicts(em, viewer, response.invitation.id)) ? (response.verdict ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: VERDICT_REASON_DESCRIPTION })
  @Extensions(PERSON_DEPENDENT)
  async verdictReason(@Root() response: ConsultationResponse, @Ctx() { em, viewer }: GraphQLContext) {
    return (await seesVerdicts(em, viewer, response.invitation.id)) ? (response.verdictReason ?? null) : null;
  }
}

/** A position's proposal and the compilation's answer to it. */
@Resolver(() => ConsultationPositionView)
export class ConsultationPositionResolver {
  @FieldResolver(() => ConsultationProposal, { description: 'The proposal it is about.' })
  proposal(@Root() position: ConsultationPosition) {
    return position.proposal.load({ dataloader: true });
  }

  @FieldResolver(() => CompilationVerdict, { nullable: true, description: VERDICT_DESCRIPTION })
  @Extensions(PERSON_DEPENDENT)
  async verdict(@Root() position: ConsultationPosition, @Ctx() { em, viewer }: GraphQLContext) {
    const response = await position.response.load({ dataloader: true });
    return (await seesVerdicts(em, viewer, response!.invitation.id)) ? (position.verdict ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: VERDICT_REASON_DESCRIPTION })
  @Extensions(PERSON_DEPENDENT)
  async verdictReason(@Root() position: ConsultationPosition, @Ctx() { em, viewer }: GraphQLContext) {
    const response = await position.response.load({ dataloader: true });
    return (await seesVerdicts(em, viewer, response!.invitation.id))
      ? (position.verdictReason ?? null)
      : null;
  }
}
