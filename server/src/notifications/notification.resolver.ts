import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { Language, NotificationDelivery, NotificationKind } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { Input, Payload, field, id, int } from '../graphql/generated-types.js';
import { payloadOf } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { LIVE_CURSOR } from '../live/live-cursor.js';
import { ViewerType } from '../accounts/viewer.type.js';
import { Submission } from '../submissions/submission.entity.js';
import { Notification } from './notification.entity.js';
import * as notifications from './notification.service.js';

@ObjectType({ description: 'One value a notification text needs (the step taken, the new status).' })
export class NotificationParam {
  @Field(() => String, { description: 'Its name, e.g. "action", "status" or "source".' })
  name!: string;

  @Field(() => String, { description: 'Its value, e.g. "REGISTER".' })
  value!: string;
}

@ObjectType({ description: 'How one kind of notification reaches the viewer by mail.' })
export class NotificationPreferenceEntry {
  @Field(() => NotificationKind, { description: 'The kind of notification.' })
  kind!: NotificationKind;

  @Field(() => NotificationDelivery, { description: 'At once, in a daily or weekly digest, or not by mail.' })
  delivery!: NotificationDelivery;
}

/** The viewer's notifications changed: a new one arrived or some were read. */
@ObjectType({ description: "The viewer's notifications changed; the unread count is as it is now." })
export class NotificationsEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description: 'NOTIFICATIONS_CHANGED; RESYNC when the events after your cursor could not all be replayed.',
  })
  kind!: string;
}

const NotificationConnection = Connection(Notification, 'Notification');

const MarkNotificationReadInput = Input('MarkNotificationReadInput', 'One of the viewer’s notifications.', {
  notificationId: id('The notification.'),
});
type MarkNotificationReadInput = InstanceType<typeof MarkNotificationReadInput>;

const MarkNotificationReadPayload = Payload(
  'MarkNotificationReadPayload',
  'Result of marking a notification read.',
  {
    notification: field<Notification | null>(() => Notification, 'The notification; null when refused.', {
      nullable: true,
    }),
    unreadNotificationCount: int('How many of the viewer’s notifications are unread now.'),
  },
  'Why it was refused (NOT_FOUND for a notification that is not the viewer’s).',
);

const MarkAllNotificationsReadPayload = Payload(
  'MarkAllNotificationsReadPayload',
  'Result of marking every notification read.',
  {
    markedCount: int('How many were unread and are now read.'),
    unreadNotificationCount: int('How many of the viewer’s notifications are unread now (0).'),
  },
  'Always empty; present for a uniform payload.',
);

const SetNotificationPreferenceInput = Input(
  'SetNotificationPreferenceInput',
  'How one kind of notification is to reach the viewer by mail.',
  {
    kind: field<NotificationKind>(() => NotificationKind, 'The kind of notification.'),
    delivery: field<NotificationDelivery>(
      () => NotificationDelivery,
      'At once, in the daily or the weekly digest, or not by mail (in-app only).',
    ),
  },
);
type SetNotificationPreferenceInput = InstanceType<typeof SetNotificationPreferenceInput>;

const SetNotificationPreferencePayload = Payload(
  'SetNotificationPreferencePayload',
  'Result of choosing how a kind of notification is mailed.',
  {
    preference: field<NotificationPreferenceEntry | null>(
      () => NotificationPreferenceEntry,
      'The choice as stored; null when refused.',
      { nullable: true },
    ),
  },
  'Always empty; present for a uniform payload.',
);

const SetLanguageInput = Input('SetLanguageInput', 'The language of the viewer’s mails and notifications.', {
  language: field<Language>(() => Language, 'Swedish or English.'),
});
type SetLanguageInput = InstanceType<typeof SetLanguageInput>;

const SetLanguagePayload = Payload(
  'SetLanguagePayload',
  'Result of choosing a language.',
  {
    viewer: field<ViewerType | null>(() => ViewerType, 'The viewer, with the language chosen.', {
      nullable: true,
    }),
  },
  'Always empty; present for a uniform payload.',
);

/** The viewer's notification centre: the list, the unread count, preferences and language. */
@Resolver(() => ViewerType)
export class NotificationViewerResolver {
  @FieldResolver(() => NotificationConnection, { description: 'The viewer’s notifications, newest first.' })
  async notifications(
    @Root() viewer: ViewerType,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'Only the unread ones.' })
    unreadOnly: boolean | null,
    @Ctx() { em }: GraphQLContext,
  ) {
    const window = pageWindow(first, after);
    const [items, total] = await notifications.personNotifications(em, viewer.id, window, !!unreadOnly);
    return toConnection(items, total, window.offset);
  }

  @FieldResolver(() => Int, { description: 'How many of the viewer’s notifications are unread.' })
  unreadNotificationCount(@Root() viewer: ViewerType, @Ctx() { em }: GraphQLContext): Promise<number> {
    return notifications.unreadNotificationCount(em, viewer.id);
  }

  @FieldResolver(() => [NotificationPreferenceEntry], {
    description:
      'How each kind of notification reaches the viewer by mail; a kind never chosen is mailed at once.',
  })
  notificationPreferences(@Root() viewer: ViewerType, @Ctx() { em }: GraphQLContext) {
    return notifications.notificationPreferences(em, viewer.id);
  }

  @FieldResolver(() => String, {
    description:
      'Cursor of the latest change to the viewer’s notifications; subscribe to notificationsChanged after it.',
  })
  @Extensions(LIVE_CURSOR)
  notificationsCursor(@Root() viewer: ViewerType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return notifications.notificationsCursor(ctx, viewer.id);
  }

  @FieldResolver(() => Language, { description: 'The language of the viewer’s mails and notifications.' })
  language(@Root() viewer: ViewerType, @Ctx() { em }: GraphQLContext): Promise<Language> {
    return notifications.personLanguage(em, viewer.id);
  }

  @Mutation(() => MarkNotificationReadPayload, {
    description: 'Marks one of the viewer’s notifications read.',
  })
  markNotificationRead(
    @Arg('input', () => MarkNotificationReadInput) input: MarkNotificationReadInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadOf({ notification: null as Notification | null, unreadNotificationCount: 0 }, async () => {
      const notification = await notifications.markNotificationRead(em, viewer, input.notificationId);
      return {
        notification,
        unreadNotificationCount: await notifications.unreadNotificationCount(em, viewer!.id),
      };
    });
  }

  @Mutation(() => MarkAllNotificationsReadPayload, {
    description: 'Marks every notification of the viewer read.',
  })
  markAllNotificationsRead(@Ctx() { em, viewer }: GraphQLContext) {
    return payloadOf({ markedCount: 0, unreadNotificationCount: 0 }, async () => ({
      markedCount: await notifications.markAllNotificationsRead(em, viewer),
      unreadNotificationCount: 0,
    }));
  }

  @Mutation(() => SetNotificationPreferencePayload, {
    description: 'Chooses how one kind of notification reaches the viewer by mail.',
  })
  setNotificationPreference(
    @Arg('input', () => SetNotificationPreferenceInput) input: SetNotificationPreferenceInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadOf({ preference: null as NotificationPreferenceEntry | null }, async () => ({
      preference: await notifications.setNotificationPreference(em, viewer, input.kind, input.delivery),
    }));
  }

  @Mutation(() => SetLanguagePayload, {
    description:
      'Chooses the language of the viewer’s mails and notifications (the client calls it on a switch).',
  })
  setLanguage(
    @Arg('input', () => SetLanguageInput) input: SetLanguageInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadOf({ viewer: null as ViewerType | null }, async () => ({
      viewer: await notifications.setLanguage(em, viewer, input.language),
    }));
  }

  @Subscription(() => NotificationsEvent, {
    description: 'The viewer’s notifications changed (a new one, or some read): refetch the unread count.',
    subscribe: () => {
      throw new Error('notificationsChanged is served by the live hub');
    },
  })
  notificationsChanged(
    @Root() event: NotificationsEvent,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): NotificationsEvent {
    return event;
  }
}

/** What a notification is about and says. */
@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => Submission, {
    nullable: true,
    description: 'The matter it is about; its title is null when the viewer may no longer read it.',
  })
  submission(@Root() notification: Notification): Promise<Submission | null> {
    return notification.submission
      ? notification.submission.load({ dataloader: true })
      : Promise.resolve(null);
  }

  @FieldResolver(() => [NotificationParam], { description: 'What its text needs besides the subject.' })
  params(@Root() notification: Notification): NotificationParam[] {
    return Object.entries(notification.params).map(([name, value]) => ({ name, value: String(value) }));
  }
}

/** The unread count of a live event, for the person watching. */
@Resolver(() => NotificationsEvent)
export class NotificationsEventResolver {
  @FieldResolver(() => Int, { description: 'How many of the viewer’s notifications are unread now.' })
  @Extensions(PERSON_DEPENDENT)
  unreadNotificationCount(@Ctx() { em, viewer }: GraphQLContext): Promise<number> {
    return notifications.viewerUnreadCount(em, viewer);
  }
}
