import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PartySector } from '@samverka/domain';

/** A share, or null when there is nothing to share out (no denominator). */
const share = (part: number, whole: number) => (whole ? part / whole : null);

@ObjectType({
  description:
    'How one side of the agreement invited the other to early dialogue in one year (of publication): the ' +
    'public indicators of commitments 2 and 3.',
})
export class InvitationIndicator {
  @Field(() => Int, { description: 'The year the invitations were published (Stockholm time).' })
  year!: number;

  @Field(() => PartySector, { description: 'The inviting side: civil society or municipal.' })
  sector!: PartySector;

  @Field(() => Int, { description: 'Invitations and consultations published, cancelled ones included.' })
  published!: number;

  @Field(() => Int, {
    description: 'Of those, the ones with a planned decision date (the lead times count these).',
  })
  withPlannedDecision!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median days from publication to the planned decision; null when none has a planned date.',
  })
  medianLeadDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average days from publication to the planned decision; null when none has a planned date.',
  })
  averageLeadDays!: number | null;

  @Field(() => Int, { description: 'Published invitations not cancelled: the answered share counts these.' })
  answerable!: number;

  @Field(() => Int, {
    description:
      'Of those, the ones at least one party answered: a registration not cancelled, input or a response.',
  })
  answered!: number;

  @Field(() => Float, { nullable: true, description: 'answered / answerable, 0–1; null when none.' })
  get answeredShare(): number | null {
    return share(this.answered, this.answerable);
  }

  @Field(() => Int, { description: 'Responses to the consultations whose deadline has passed.' })
  responses!: number;

  @Field(() => Int, {
    description: 'Of those, the ones judged (as a whole or on every point) in a published compilation.',
  })
  responsesJudged!: number;

  @Field(() => Float, { nullable: true, description: 'responsesJudged / responses, 0–1; null when none.' })
  get judgedResponseShare(): number | null {
    return share(this.responsesJudged, this.responses);
  }

  @Field(() => Int, {
    description:
      'Invitations whose feedback is due (30 days after the last occasion or the deadline) or already came.',
  })
  feedbackDue!: number;

  @Field(() => Int, { description: 'Of those, the ones with feedback within 30 days.' })
  feedbackInTime!: number;

  @Field(() => Float, { nullable: true, description: 'feedbackInTime / feedbackDue, 0–1; null when none.' })
  get feedbackInTimeShare(): number | null {
    return share(this.feedbackInTime, this.feedbackDue);
  }
}
