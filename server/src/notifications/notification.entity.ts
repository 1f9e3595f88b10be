import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { NotificationKind } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';

/**
 * An in-app notice to one person of a step in something they follow. What it says is rendered from `kind`
 * and `params` in the reader's language, so it is stored once whatever the language. Whether and when it is
 * also mailed follows the person's choice for its kind (notification-preference.entity.ts).
 */
@ObjectType({ description: 'An in-app notice to the viewer of a step in something they follow.' })
@Entity({ tableName: 'notification' })
@Index({ properties: ['person', 'createdAt'] })
@Index({
  name: 'notification_unmailed_index',
  expression:
    'create index "notification_unmailed_index" on "notification" ("person_id", "kind") where "mailed_at" is null',
})
@Index({
  name: 'notification_unread_index',
  expression:
    'create index "notification_unread_index" on "notification" ("person_id") where "read_at" is null',
})
export class Notification {
  [OptionalProps]?: 'createdAt' | 'params';

  @Field(() => ID, { description: 'Id of the notification; pass it to markNotificationRead.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Field(() => NotificationKind, { description: 'What kind of step it tells of; with params, what it says.' })
  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind!: NotificationKind;

  /** The matter it is about; later features add their subjects beside it. */
  @ManyToOne(() => Submission, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  submission?: Ref<Submission> | null;

  /** The invitation or consultation it is about. */
  @ManyToOne(() => Invitation, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  invitation?: Ref<Invitation> | null;

  /** What the text needs besides the subject (the new status, the step), JSON. */
  @Property({ type: 'json' })
  params: Record<string, string> = {};

  @Field(() => Date, { description: 'When the step happened.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the viewer read it; null while unread.' })
  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;

  /** When it went out by mail, at once or in a digest; null while a digest is still to include it. */
  @Property({ type: 'datetime', nullable: true })
  mailedAt?: Date | null;
}
