import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps, type Ref } from '@mikro-orm/core';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { MinutesStatus } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type { StoredAttendance } from './minutes-attendance.js';

/** The minutes (protokoll) of a closed meeting: drafted from what was recorded, approved, then published. */
@Entity({ tableName: 'minutes' })
export class Minutes {
  [OptionalProps]?: 'status' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  @Unique()
  meeting!: Ref<Meeting>;

  @Enum({ items: () => MinutesStatus, nativeEnumName: 'minutes_status' })
  status: MinutesStatus = MinutesStatus.DRAFT;

  /** Bumped by every correction of the texts: an approval names the version its approver read. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'text', nullable: true })
  openingNote?: string | null;

  @Property({ type: 'text', nullable: true })
  closingNote?: string | null;

  /** The attendance recorded during the meeting, as it was when the minutes were drafted. */
  @Property({ type: 'json' })
  attendance!: StoredAttendance;

  @Property({ type: 'datetime' })
  draftedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @OneToMany(() => MinutesParagraph, (paragraph) => paragraph.minutes, { orderBy: { number: 'asc' } })
  paragraphs = new Collection<MinutesParagraph>(this);

  @OneToMany(() => MinutesApproval, (approval) => approval.minutes, { orderBy: { position: 'asc' } })
  approvals = new Collection<MinutesApproval>(this);
}

/** One paragraph (§) of the minutes: an agenda item with its decision and minute as the minutes word them. */
@Entity({ tableName: 'minutes_paragraph' })
@Unique({ properties: ['minutes', 'number'] })
export class MinutesParagraph {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Minutes, { ref: true, deleteRule: 'cascade' })
  minutes!: Ref<Minutes>;

  /** § 1, § 2, …: the agenda's order. */
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'string', length: 300 })
  title!: string;

  /** The item was deferred (bordlagd) rather than dealt with. */
  @Property({ type: 'boolean' })
  deferred!: boolean;

  @Property({ type: 'text', nullable: true })
  decision?: string | null;

  @Property({ type: 'text', nullable: true })
  minute?: string | null;
}

/** Whose approval the minutes need, named when they are sent: the chair and every adjuster. */
export enum ApproverRole {
  CHAIR = 'CHAIR',
  ADJUSTER = 'ADJUSTER',
}

/** One approver of the minutes, with when they approved (justerade) or asked for a correction. */
@Entity({ tableName: 'minutes_approval' })
@Unique({ properties: ['minutes', 'person'] })
export class MinutesApproval {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Minutes, { ref: true, deleteRule: 'cascade' })
  minutes!: Ref<Minutes>;

  /** Null once the person has deleted their account; the record keeps "Borttagen person". */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  @Index()
  person?: Ref<Person> | null;

  /** The approver's name as the minutes print it. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => ApproverRole, nativeEnumName: 'approver_role' })
  role!: ApproverRole;

  /** 0 the chair, then the adjusters in their order. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  correctionRequestedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  correctionNote?: string | null;
}
