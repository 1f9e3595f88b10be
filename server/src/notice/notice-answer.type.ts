import { Field, Int, ObjectType } from 'type-graphql';
import { NoticeAnswerChoice } from './notice-answer.entity.js';
import type { NoticeAnswerRow } from './notice-answers.queries.js';

@ObjectType({ description: "One person's answer to a meeting's notice, or that they have not answered yet." })
export class NoticeAnswerEntry {
  @Field(() => String, { description: 'Who it is.' })
  name!: string;

  @Field(() => NoticeAnswerChoice, {
    nullable: true,
    description: 'Their answer; null when not answered yet.',
  })
  choice!: NoticeAnswerChoice | null;

  @Field(() => String, { nullable: true, description: 'Their note to the chair.' })
  comment!: string | null;

  @Field(() => Date, { nullable: true, description: 'When they last answered.' })
  answeredAt!: Date | null;

  static of(row: NoticeAnswerRow): NoticeAnswerEntry {
    return Object.assign(new NoticeAnswerEntry(), {
      name: row.name,
      choice: row.choice,
      comment: row.comment,
      answeredAt: row.answeredAt,
    });
  }
}

@ObjectType({ description: 'Who has answered the notice what, and who has not answered yet.' })
export class NoticeAnswers {
  @Field(() => Int, { description: 'How many come.' })
  comingCount!: number;

  @Field(() => Int, { description: 'How many do not come.' })
  notComingCount!: number;

  @Field(() => Int, { description: 'How many have not answered yet.' })
  notAnsweredCount!: number;

  @Field(() => [NoticeAnswerEntry], {
    description: 'Everyone the notice went to or who answered it, by name.',
  })
  entries!: NoticeAnswerEntry[];

  static of(rows: NoticeAnswerRow[]): NoticeAnswers {
    const count = (choice: NoticeAnswerChoice | null) => rows.filter((row) => row.choice === choice).length;
    return Object.assign(new NoticeAnswers(), {
      comingCount: count(NoticeAnswerChoice.COMING),
      notComingCount: count(NoticeAnswerChoice.NOT_COMING),
      notAnsweredCount: count(null),
      entries: rows.map((row) => NoticeAnswerEntry.of(row)),
    });
  }
}
