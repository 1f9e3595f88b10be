import { Ctx, Extensions, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { DEFAULT_CONSULTATION_MIN_DAYS } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Invitation } from './invitation.entity.js';
import { invitationFollowUp } from './invitation-follow-up.queries.js';

@ObjectType('InvitationFollowUp', {
  description:
    'Invitations that need following up: feedback overdue and consultations with a short deadline.',
})
export class InvitationFollowUpType {
  @Field(() => Boolean, {
    description:
      "True for the coordinator, who follows up every party's invitations; false: the viewer's parties' only.",
  })
  wholeAgreement!: boolean;

  @Field(() => [Invitation], {
    description: 'Held or past their deadline, without feedback for more than 30 days; the oldest first.',
  })
  overdueFeedback!: Invitation[];

  @Field(() => [Invitation], {
    description:
      'Published consultations whose deadline is shorter than the configured minimum; the soonest first.',
  })
  shortDeadlines!: Invitation[];
}

/** The follow-up of invitations: the coordinator's, and each inviting party's own. */
@Resolver()
export class InvitationFollowUpResolver {
  @Query(() => InvitationFollowUpType, {
    nullable: true,
    description:
      "The coordinator's follow-up of every party's invitations; a member's of their own parties'. " +
      'Null when signed out.',
  })
  @Extensions(PERSON_DEPENDENT)
  invitationFollowUp(@Ctx() { em, viewer, invitations }: GraphQLContext) {
    return invitationFollowUp(em, viewer, {
      now: new Date(),
      minDays: invitations?.consultationMinDays ?? DEFAULT_CONSULTATION_MIN_DAYS,
    });
  }
}
