import { Arg, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingView } from '../meetings/meeting-view.js';
import type { MeetingRoot } from '../meetings/meeting.queries.js';
import { NoticeAnswerChoice } from './notice-answer.entity.js';
import { NoticeAnswerEntry, NoticeAnswers } from './notice-answer.type.js';
import * as notices from './notice-answer.service.js';

const AnswerNoticeInput = Input('AnswerNoticeInput', "A member's answer to a meeting's notice.", {
  meetingId: id('The meeting.'),
  choice: field<NoticeAnswerChoice>(() => NoticeAnswerChoice, 'Whether she comes.'),
  comment: field<string | null>(() => String, 'A short note to the chair; blank clears it.', {
    nullable: true,
  }),
});
type AnswerNoticeInput = InstanceType<typeof AnswerNoticeInput>;

const AnswerNoticePayload = Payload(
  'AnswerNoticePayload',
  'Result of answering a notice.',
  {
    answer: field<NoticeAnswerEntry | null>(
      () => NoticeAnswerEntry,
      'The answer as saved; null when refused.',
      {
        nullable: true,
      },
    ),
  },
  'Why the answer was refused.',
);

function chairIdOf(meeting: MeetingRoot): string | null {
  return meeting instanceof MeetingView ? meeting.chairId : (meeting.chair?.id ?? null);
}

@Resolver(() => Meeting)
export class NoticeResolver {
  @Mutation(() => AnswerNoticePayload, {
    description: 'Answers whether the viewer comes to a meeting; may be changed until it starts.',
  })
  answerNotice(
    @Arg('input', () => AnswerNoticeInput) input: AnswerNoticeInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('answer', async () =>
      NoticeAnswerEntry.of(
        await notices.answerNotice(em, viewer, {
          meetingId: idOfType(input.meetingId, 'Meeting'),
          choice: input.choice,
          comment: input.comment,
        }),
      ),
    );
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the notice goes to the viewer (a member of the forum, the chair or an adjuster).',
  })
  @Extensions(PERSON_DEPENDENT)
  viewerInvited(@Root() meeting: MeetingRoot, @Ctx() { em, viewer }: GraphQLContext): Promise<boolean> {
    return notices.viewerInvited(em, viewer, meeting.id);
  }

  @FieldResolver(() => NoticeAnswerEntry, {
    nullable: true,
    description: "The viewer's own answer to the notice; null when not answered (or signed out).",
  })
  @Extensions(PERSON_DEPENDENT)
  async viewerNoticeAnswer(
    @Root() meeting: MeetingRoot,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<NoticeAnswerEntry | null> {
    const row = await notices.viewerNoticeAnswer(em, viewer, meeting.id);
    return row && NoticeAnswerEntry.of(row);
  }

  @FieldResolver(() => NoticeAnswers, {
    nullable: true,
    description:
      'Who has answered the notice what and who has not answered yet; null unless the viewer runs the meeting.',
  })
  @Extensions(PERSON_DEPENDENT)
  async noticeAnswers(
    @Root() meeting: MeetingRoot,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<NoticeAnswers | null> {
    const rows = await notices.noticeAnswersFor(em, viewer, {
      id: meeting.id,
      status: meeting.status,
      chairId: chairIdOf(meeting),
      forumId: meeting.forum.id,
    });
    return rows && NoticeAnswers.of(rows);
  }
}
