import {
  Arg,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id, text } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { payloadOf } from '../graphql/payload.js';
import { LIVE_CURSOR } from '../live/live-cursor.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Submission } from './submission.entity.js';
import * as matter from './submission-matter.service.js';
import * as queries from './submission-matter.queries.js';
import {
  SubmissionChangedEvent,
  SubmissionMessageEntry,
  SubmissionTimelineEntry,
} from './submission-matter.types.js';

const SubmissionTextInput = (name: string, description: string, body: string) =>
  Input(name, description, {
    submissionId: id("The matter's global id."),
    body: text(`${body} 1 to 5000 characters.`),
  });

const PostSubmissionMessageInput = SubmissionTextInput(
  'PostSubmissionMessageInput',
  "A message in a matter's conversation.",
  'The message.',
);
type PostSubmissionMessageInput = InstanceType<typeof PostSubmissionMessageInput>;

const AddSubmissionNoteInput = SubmissionTextInput(
  'AddSubmissionNoteInput',
  'An internal note on a matter, for the coordinator and the council.',
  'The note.',
);
type AddSubmissionNoteInput = InstanceType<typeof AddSubmissionNoteInput>;

const CommentOnSubmissionInput = SubmissionTextInput(
  'CommentOnSubmissionInput',
  "A public comment on a matter's timeline.",
  'The comment.',
);
type CommentOnSubmissionInput = InstanceType<typeof CommentOnSubmissionInput>;

const FollowSubmissionInput = Input(
  'FollowSubmissionInput',
  'Names the matter to follow or stop following.',
  {
    submissionId: id("The matter's global id."),
  },
);
type FollowSubmissionInput = InstanceType<typeof FollowSubmissionInput>;

const SubmissionMessagePayload = Payload(
  'SubmissionMessagePayload',
  'Result of writing a message or an internal note.',
  {
    message: field<SubmissionMessageEntry | null>(
      () => SubmissionMessageEntry,
      'The message written; null when refused.',
      {
        nullable: true,
      },
    ),
    submission: field<Submission | null>(() => Submission, 'The matter; null when refused.', {
      nullable: true,
    }),
  },
  'Why the message was refused.',
);

const SubmissionCommentPayload = Payload(
  'SubmissionCommentPayload',
  'Result of a public comment.',
  {
    submission: field<Submission | null>(
      () => Submission,
      'The matter with the comment on its timeline; null when refused.',
      {
        nullable: true,
      },
    ),
  },
  'Why the comment was refused.',
);

const SubmissionFollowPayload = Payload(
  'SubmissionFollowPayload',
  'Result of following or unfollowing a matter.',
  {
    submission: field<Submission | null>(() => Submission, 'The matter; null when refused.', {
      nullable: true,
    }),
  },
  'Why it was refused.',
);

type MessageResult = { message: SubmissionMessageEntry | null; submission: Submission | null };
type MatterResult = { submission: Submission | null };

const matterId = (globalId: string) => idOfType(globalId, 'Submission');

/** The matter's page: timeline, conversation, internal notes, following, and its live changes. */
@Resolver(() => Submission)
export class SubmissionMatterResolver {
  @FieldResolver(() => [SubmissionTimelineEntry], {
    description:
      'Every step, the scheduling, the answer and public comments, oldest first. Of a restricted matter the viewer may not read, without who, for whom or what was written.',
  })
  @Extensions(PERSON_DEPENDENT)
  timeline(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.submissionTimeline(em, viewer, submission);
  }

  @FieldResolver(() => [SubmissionMessageEntry], {
    nullable: true,
    description:
      'The conversation between the submitting party and the coordinator or handler, oldest first; null for others.',
  })
  @Extensions(PERSON_DEPENDENT)
  conversation(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.submissionConversation(em, viewer, submission);
  }

  @FieldResolver(() => [SubmissionMessageEntry], {
    nullable: true,
    description: 'Internal notes, oldest first: for the coordinator and the council; null for others.',
  })
  @Extensions(PERSON_DEPENDENT)
  internalNotes(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.submissionInternalNotes(em, viewer, submission);
  }

  @FieldResolver(() => Boolean, {
    description:
      "The viewer may comment publicly on the matter's timeline now: the coordinator and the handler.",
  })
  @Extensions(PERSON_DEPENDENT)
  viewerCanComment(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.viewerMayComment(em, viewer, submission);
  }

  @FieldResolver(() => Boolean, {
    description: "The viewer follows the matter (the submitting party's people do unless they stopped).",
  })
  @Extensions(PERSON_DEPENDENT)
  viewerFollows(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.viewerFollowsSubmission(em, viewer, submission);
  }

  @FieldResolver(() => Int, { description: 'How many people follow the matter.' })
  followerCount(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return queries.submissionFollowerCount(em, viewer, submission);
  }

  @FieldResolver(() => String, {
    description:
      "Cursor of the matter's latest change: subscribe to submissionChanged with after: liveCursor to miss nothing since.",
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() submission: Submission, @Ctx() ctx: GraphQLContext) {
    return queries.submissionLiveCursor(ctx, submission);
  }

  @Mutation(() => SubmissionMessagePayload, {
    description: "The submitting party, the coordinator or the handler writes in the matter's conversation.",
  })
  postSubmissionMessage(
    @Arg('input', () => PostSubmissionMessageInput) input: PostSubmissionMessageInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<MessageResult>({ message: null, submission: null }, () => {
      return matter.postSubmissionMessage(em, outbox, viewer, {
        submissionId: matterId(input.submissionId),
        body: input.body,
      });
    });
  }

  @Mutation(() => SubmissionMessagePayload, {
    description: 'The coordinator or a council member adds an internal note to a matter.',
  })
  addSubmissionNote(
    @Arg('input', () => AddSubmissionNoteInput) input: AddSubmissionNoteInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<MessageResult>({ message: null, submission: null }, () => {
      return matter.addSubmissionNote(em, outbox, viewer, {
        submissionId: matterId(input.submissionId),
        body: input.body,
      });
    });
  }

  @Mutation(() => SubmissionCommentPayload, {
    description: "The coordinator or the handler comments publicly on a matter's timeline.",
  })
  commentOnSubmission(
    @Arg('input', () => CommentOnSubmissionInput) input: CommentOnSubmissionInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<MatterResult>({ submission: null }, async () => ({
      submission: await matter.commentOnSubmission(em, outbox, viewer, {
        submissionId: matterId(input.submissionId),
        body: input.body,
      }),
    }));
  }

  @Mutation(() => SubmissionFollowPayload, {
    description: 'Follow a matter whose content the viewer may read, to be told of each step. Idempotent.',
  })
  followSubmission(
    @Arg('input', () => FollowSubmissionInput) input: FollowSubmissionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadOf<MatterResult>({ submission: null }, async () => ({
      submission: await matter.setFollowing(em, viewer, matterId(input.submissionId), true),
    }));
  }

  @Mutation(() => SubmissionFollowPayload, {
    description: "Stop following a matter; the submitting party's people may too. Idempotent.",
  })
  unfollowSubmission(
    @Arg('input', () => FollowSubmissionInput) input: FollowSubmissionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadOf<MatterResult>({ submission: null }, async () => ({
      submission: await matter.setFollowing(em, viewer, matterId(input.submissionId), false),
    }));
  }

  @Subscription(() => SubmissionChangedEvent, {
    description: 'Changes of one matter for its page: steps, comments, messages and notes.',
    subscribe: () => {
      throw new Error('submissionChanged is served by the live hub');
    },
  })
  submissionChanged(
    @Root() event: SubmissionChangedEvent,
    @Arg('submissionId', () => ID, { description: "The matter's global id." }) _submissionId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): SubmissionChangedEvent {
    return event;
  }
}
