import { randomUUID } from 'node:crypto';
import { ArrayType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PrincipleKey, SubmissionKind, SubmissionPublication, SubmissionStatus } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';

/**
 * A matter a party raises with Samverkansrådet (anmäld fråga, hinder, förslag), from draft to answer. Fields
 * whose visibility depends on the viewer (title, description, the party when restricted) are resolved by the
 * submission resolvers through the submission policy, never exposed straight from here.
 */
@ObjectType({
  description: 'A question, obstacle or proposal a party raises with Samverkansrådet.',
  implements: Node,
})
@Entity({ tableName: 'submission' })
@Unique({ properties: ['registrationSeries', 'registrationYear', 'registrationSequence'] })
@Index({ properties: ['party', 'status'] })
@Index({ properties: ['party', 'updatedAt'] })
@Index({ properties: ['referredTo', 'status'] })
export class Submission implements Node {
  [OptionalProps]?:
    | 'globalId'
    | 'status'
    | 'publication'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'principles'
    | 'commitments';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Submission', this.id);
  }

  /** The party on whose behalf the matter is raised. */
  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  party!: Ref<Party>;

  @Field(() => SubmissionKind, {
    description: 'Question for dialogue, obstacle to collaboration, or proposal.',
  })
  @Enum({ items: () => SubmissionKind, nativeEnumName: 'submission_kind' })
  kind!: SubmissionKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  /** The principles of the agreement the matter concerns. */
  @Enum({ items: () => PrincipleKey, array: true, columnType: 'text[]' })
  principles: PrincipleKey[] = [];

  /** The commitments of the agreement it concerns, by their position (1–6). */
  @Property({ type: new ArrayType((position) => Number(position)), columnType: 'int[]' })
  commitments: number[] = [];

  /** The activity of the activity plan it relates to, if any. */
  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'set null' })
  activity?: Ref<Activity> | null;

  @Field(() => SubmissionStatus, { description: 'Where the matter is in its workflow.' })
  @Enum({ items: () => SubmissionStatus, nativeEnumName: 'submission_status' })
  @Index()
  status: SubmissionStatus = SubmissionStatus.DRAFT;

  @Field(() => SubmissionPublication, {
    description: 'Whether the matter is public or handled without publication.',
  })
  @Enum({ items: () => SubmissionPublication, nativeEnumName: 'submission_publication' })
  publication: SubmissionPublication = SubmissionPublication.PUBLIC;

  /** Who started the draft; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<Person> | null;

  @Field(() => Date, { description: 'When the draft was started.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the matter last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the party first submitted it.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** The registration number (diarienummer) as laid out when registered, e.g. "SR 14/2026". */
  @Field(() => String, {
    nullable: true,
    description: 'The registration number (diarienummer), e.g. "SR 14/2026".',
  })
  @Property({ type: 'string', length: 60, nullable: true })
  registrationNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  registrationSeries?: string | null;

  @Property({ type: 'integer', nullable: true })
  registrationYear?: number | null;

  /** The running number within the series and year: gapless (registration-counter.entity.ts). */
  @Property({ type: 'integer', nullable: true })
  registrationSequence?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the coordinator registered it.' })
  @Property({ type: 'datetime', nullable: true })
  registeredAt?: Date | null;

  /** The department asked for a written answer, and by when. */
  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'set null' })
  referredTo?: Ref<Party> | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The date the referred department is to answer by.',
  })
  @Property({ type: 'date', nullable: true })
  answerDueOn?: string | null;

  /** The agenda item the matter is (or was last) scheduled on; its recorded decision becomes the answer. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'set null' })
  @Index()
  agendaItem?: Ref<AgendaItem> | null;

  /** The answer: the meeting's decision, or the department's written answer. */
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the matter was answered.' })
  @Property({ type: 'datetime', nullable: true })
  answeredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed, withdrawn or declined.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  /** The reason given with the current status (returned, declined, withdrawn). */
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Field(() => Int, {
    description: 'Changes with every change; mutations that edit pass it back (optimistic locking).',
  })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
