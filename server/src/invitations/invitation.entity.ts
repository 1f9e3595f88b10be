import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  PartyKind,
  PrincipleKey,
  ProcessStage,
} from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';

/**
 * A dialogue invitation or a consultation (remiss) a party posts early in a process of its own. Everything on
 * it is public once published; a draft is seen only by the inviting party's members (the queries decide).
 */
@ObjectType({
  description:
    'A dialogue invitation or a consultation (remiss) a party posts early in a process of its own.',
  implements: Node,
})
@Entity({ tableName: 'invitation' })
@Unique({ properties: ['registrationSeries', 'registrationYear', 'registrationSequence'] })
@Index({ properties: ['party', 'status'] })
@Index({ properties: ['status', 'publishedAt'] })
export class Invitation implements Node {
  [OptionalProps]?:
    | 'globalId'
    | 'status'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'principles'
    | 'areas'
    | 'partyKinds'
    | 'audience';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Invitation', this.id);
  }

  /** The inviting party, municipal or civil society. */
  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  party!: Ref<Party>;

  @Field(() => InvitationKind, { description: 'A dialogue invitation or a consultation (remiss).' })
  @Enum({ items: () => InvitationKind, nativeEnumName: 'invitation_kind' })
  kind!: InvitationKind;

  @Field(() => String, { description: 'What the invitation is about.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'The process it concerns, e.g. "Ny kultur- och fritidsplan 2027".' })
  @Property({ type: 'string', length: 300 })
  process!: string;

  @Field(() => ProcessStage, { description: 'How far the process has come now.' })
  @Enum({ items: () => ProcessStage, nativeEnumName: 'process_stage' })
  @Index()
  stage!: ProcessStage;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the process is planned to be decided.',
  })
  @Property({ type: 'date', nullable: true })
  plannedDecisionOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Who decides, e.g. "Kommunstyrelsen".' })
  @Property({ type: 'string', length: 200, nullable: true })
  decidingBody?: string | null;

  @Field(() => String, { description: 'The input the inviter wants, and what the invitation is about.' })
  @Property({ type: 'text' })
  inputWanted!: string;

  @Field(() => [PrincipleKey], { description: 'The principles of the agreement it concerns.' })
  @Enum({ items: () => PrincipleKey, array: true, columnType: 'text[]' })
  principles: PrincipleKey[] = [];

  @Field(() => [String], { description: 'The areas of interest it concerns, e.g. "idrott".' })
  @Property({ type: 'text[]' })
  areas: string[] = [];

  @Field(() => InvitationAudience, { description: 'Who is invited.' })
  @Enum({ items: () => InvitationAudience, nativeEnumName: 'invitation_audience' })
  audience: InvitationAudience = InvitationAudience.ALL_PARTIES;

  @Field(() => [PartyKind], { description: 'With audience PARTY_KINDS: the kinds of party invited.' })
  @Enum({ items: () => PartyKind, array: true, columnType: 'text[]' })
  partyKinds: PartyKind[] = [];

  @Field(() => String, { description: 'Who to ask: the contact person.' })
  @Property({ type: 'string', length: 200 })
  contactName!: string;

  @Field(() => String, { description: 'The contact person’s e-mail address or phone number.' })
  @Property({ type: 'string', length: 200 })
  contactDetails!: string;

  @Field(() => InvitationStatus, { description: 'Where the invitation is in its workflow.' })
  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status' })
  @Index()
  status: InvitationStatus = InvitationStatus.DRAFT;

  /** A consultation's last day for responses (Stockholm time, the whole day counts). */
  @Field(() => LocalDateResolver, { nullable: true, description: 'A consultation’s last day for responses.' })
  @Property({ type: 'date', nullable: true })
  @Index()
  responseDeadline?: string | null;

  /** A consultation's registration number, in the deciding body's series, e.g. "Ks 1216/2018". */
  @Field(() => String, {
    nullable: true,
    description: 'A consultation’s registration number (diarienummer), e.g. "Ks 1216/2018".',
  })
  @Property({ type: 'string', length: 60, nullable: true })
  registrationNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  registrationSeries?: string | null;

  @Property({ type: 'integer', nullable: true })
  registrationYear?: number | null;

  @Property({ type: 'integer', nullable: true })
  registrationSequence?: number | null;

  /** Who started the draft; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<Person> | null;

  @Field(() => Date, { description: 'When the draft was started.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the invitation last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  /**
   * The last occasion's end or the deadline's end: the feedback is due FEEDBACK_DUE_DAYS after it. Kept by
   * the lifecycle service whenever occasions or the deadline change, so the overdue filter is one index scan.
   */
  @Field(() => Date, { nullable: true, description: 'When the last occasion ends or the deadline passes.' })
  @Property({ type: 'datetime', nullable: true })
  @Index()
  concludesAt?: Date | null;

  /** What came of the dialogue: how the input was used and what was decided (återkoppling). */
  @Field(() => String, { nullable: true, description: 'What came of the dialogue (återkoppling).' })
  @Property({ type: 'text', nullable: true })
  feedback?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the feedback was published.' })
  @Property({ type: 'datetime', nullable: true })
  feedbackPublishedAt?: Date | null;

  /** The compilation's summary (remissammanställning), and when it was published. */
  @Field(() => String, { nullable: true, description: 'The summary of the consultation’s compilation.' })
  @Property({ type: 'text', nullable: true })
  compilationSummary?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the compilation was published.' })
  @Property({ type: 'datetime', nullable: true })
  compilationPublishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed or cancelled.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int, {
    description: 'Changes with every change; mutations that edit pass it back (optimistic locking).',
  })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
