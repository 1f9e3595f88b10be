import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { payloadOf, payloadWith } from '../graphql/payload.js';
import { Invitation } from './invitation.entity.js';
import {
  ConsultationCompilationPayload,
  JudgeConsultationResponseInput,
  JudgeConsultationResponsePayload,
  PublishConsultationCompilationInput,
} from './consultation.input.js';
import { responseIdOf, type ResponseChange } from './consultation.types.js';
import {
  judgeConsultationResponse,
  publishConsultationCompilation,
} from './consultation-compilation.service.js';

/** The compilation (remissammanställning): the inviter answers each response and publishes it. */
@Resolver(() => Invitation)
export class ConsultationCompilationResolver {
  @Mutation(() => JudgeConsultationResponsePayload, {
    description:
      'The inviter answers a response, as a whole or point by point: adopted, partly adopted or not, with a ' +
      'reason; once the deadline has passed, and also after the compilation is published.',
  })
  judgeConsultationResponse(
    @Arg('input', () => JudgeConsultationResponseInput) input: JudgeConsultationResponseInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<ResponseChange>({ response: null, invitation: null }, () =>
      judgeConsultationResponse(
        em,
        viewer,
        {
          responseId: responseIdOf(input.responseId),
          expectedVersion: input.expectedVersion,
          verdict: input.verdict ?? null,
          verdictReason: input.verdictReason ?? null,
          positions: input.positions.map((position) => ({
            proposalId: idOfType(position.proposalId, 'ConsultationProposal'),
            verdict: position.verdict,
            verdictReason: position.verdictReason ?? null,
          })),
        },
        { outbox },
      ),
    );
  }

  @Mutation(() => ConsultationCompilationPayload, {
    description:
      'The inviter publishes the compilation once every response is answered; every responding party is told.',
  })
  publishConsultationCompilation(
    @Arg('input', () => PublishConsultationCompilationInput) input: PublishConsultationCompilationInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      publishConsultationCompilation(
        em,
        viewer,
        {
          invitationId: idOfType(input.invitationId, 'Invitation'),
          expectedVersion: input.expectedVersion,
          summary: input.summary,
        },
        { outbox },
      ),
    );
  }
}
