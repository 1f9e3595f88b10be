import { randomUUID } from 'node:crypto';
import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Unique } from '@mikro-orm/decorators/legacy';
import { NotificationDelivery, NotificationKind } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';

/** A person's choice of how a kind of notification reaches them by mail; without a row, at once. */
@Entity({ tableName: 'notification_preference' })
@Unique({ properties: ['person', 'kind'] })
export class NotificationPreference {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind!: NotificationKind;

  @Enum({ items: () => NotificationDelivery, nativeEnumName: 'notification_delivery' })
  delivery!: NotificationDelivery;
}
