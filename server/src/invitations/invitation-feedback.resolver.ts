import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id, int, text } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { Invitation } from './invitation.entity.js';
import { publishInvitationFeedback } from './invitation-feedback.service.js';

const PublishInvitationFeedbackInput = Input(
  'PublishInvitationFeedbackInput',
  'What came of the dialogue or consultation: how the input was used and what was decided.',
  {
    invitationId: id('The invitation or consultation.'),
    expectedVersion: int('The version seen; a newer one refuses the step.'),
    text: text('The feedback (återkoppling), at most 10 000 characters.'),
  },
);
type PublishInvitationFeedbackInput = InstanceType<typeof PublishInvitationFeedbackInput>;

const InvitationFeedbackPayload = Payload(
  'InvitationFeedbackPayload',
  'Result of publishing feedback on an invitation.',
  {
    invitation: field<Invitation | null>(
      () => Invitation,
      'The invitation with its feedback; null when refused.',
      { nullable: true },
    ),
  },
  'Why the feedback was refused.',
);

/** The inviter's feedback on what came of a dialogue or consultation. */
@Resolver(() => Invitation)
export class InvitationFeedbackResolver {
  @Mutation(() => InvitationFeedbackPayload, {
    description:
      'The inviting party publishes, or updates, what came of the dialogue once it has been held or the ' +
      'deadline has passed; everyone who took part is notified.',
  })
  publishInvitationFeedback(
    @Arg('input', () => PublishInvitationFeedbackInput) input: PublishInvitationFeedbackInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      publishInvitationFeedback(
        em,
        viewer,
        {
          invitationId: idOfType(input.invitationId, 'Invitation'),
          expectedVersion: input.expectedVersion,
          text: input.text,
        },
        { outbox },
      ),
    );
  }
}
