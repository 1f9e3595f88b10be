import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubmissionAction } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Submission } from './submission.entity.js';
import { findVisibleSubmission, readableContent, viewerSubmissionActions } from './submission.queries.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Extensions } from 'type-graphql';

/** A matter and the fields whose visibility the submission policy decides. */
@Resolver(() => Submission)
export class SubmissionResolver {
  @Query(() => Submission, {
    nullable: true,
    description: 'A matter raised with Samverkansrådet; null when absent or a draft of another party.',
  })
  async submission(
    @Arg('id', () => ID, { description: "The matter's global id." }) id: string,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<Submission | null> {
    const uuid = idOfType(id, 'Submission');
    return uuid ? findVisibleSubmission(em, viewer, uuid) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'The viewer may read the content; false for a restricted matter, of which only the number and status are public.',
  })
  @Extensions(PERSON_DEPENDENT)
  async viewerCanSeeContent(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return !!(await readableContent(em, viewer, submission));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The title; null when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async title(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.title ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the matter is about; null when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async description(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.description ?? null;
  }

  @FieldResolver(() => Party, {
    nullable: true,
    description: 'The party that raised it; null when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async party(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    if (!(await readableContent(em, viewer, submission))) return null;
    return em.findOne(Party, submission.party.id);
  }

  @FieldResolver(() => [SubmissionAction], { description: 'The workflow steps the viewer may take now.' })
  @Extensions(PERSON_DEPENDENT)
  async viewerActions(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return viewerSubmissionActions(em, viewer, submission);
  }
}
