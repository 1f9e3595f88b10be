import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_NOTIFICATION_DELIVERY,
  Language,
  NotificationDelivery,
  NotificationKind,
  UserErrorCode,
} from '@samverka/domain';
import type { GraphQLContext, Viewer } from '../graphql/context.js';
import { unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { liveCursor } from '../live/live-cursor.js';
import { personTopic, publishLiveEvent } from '../live/publish.js';
import { Person } from '../accounts/person.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';
import { NOTIFICATIONS_CHANGED } from './notification-fanout.js';
import { notificationPolicy } from './notification.policy.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signedIn(viewer: Viewer | null): Viewer {
  if (!notificationPolicy.own(viewer)) throw unauthenticated();
  return viewer;
}

/*
 * The reads below take the person's id from the viewer type they are fields of: that type is only ever the
 * signed-in person themself (the viewer query, or the payload of their own sign-in).
 */

/** A person's notifications, newest first: the page and the total, two statements whatever the page. */
export async function personNotifications(
  em: EntityManager,
  personId: string,
  window: { limit: number; offset: number },
  unreadOnly: boolean,
): Promise<[Notification[], number]> {
  return em.findAndCount(
    Notification,
    { person: personId, ...(unreadOnly ? { readAt: null } : {}) },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
  );
}

/** How many of a person's notifications are unread (the partial unread index). */
export function unreadNotificationCount(em: EntityManager, personId: string): Promise<number> {
  return em.count(Notification, { person: personId, readAt: null });
}

/** The viewer's unread count; 0 signed out. */
export async function viewerUnreadCount(em: EntityManager, viewer: Viewer | null): Promise<number> {
  return viewer ? unreadNotificationCount(em, viewer.id) : 0;
}

/** Every kind with the person's choice for it; a kind they never chose is mailed at once. */
export async function notificationPreferences(
  em: EntityManager,
  personId: string,
): Promise<{ kind: NotificationKind; delivery: NotificationDelivery }[]> {
  const rows = await em.find(NotificationPreference, { person: personId });
  return Object.values(NotificationKind).map((kind) => ({
    kind,
    delivery: rows.find((row) => row.kind === kind)?.delivery ?? DEFAULT_NOTIFICATION_DELIVERY,
  }));
}

/** A person's language, for mails and notifications. */
export async function personLanguage(em: EntityManager, personId: string): Promise<Language> {
  return (await em.findOneOrFail(Person, personId)).language;
}

/** Tells the viewer's other tabs and devices that the unread count changed. */
function announce(tx: EntityManager, viewer: Viewer) {
  return publishLiveEvent(tx, {
    topic: personTopic(viewer.id),
    kind: NOTIFICATIONS_CHANGED,
    subjectId: null,
  });
}

/** Marks one of the viewer's notifications read; another person's is as absent as a missing one. */
export async function markNotificationRead(
  em: EntityManager,
  viewer: Viewer | null,
  notificationId: string | null,
): Promise<Notification> {
  const person = signedIn(viewer);
  return em.transactional(async (tx) => {
    const notification =
      notificationId && UUID.test(notificationId) ? await tx.findOne(Notification, notificationId) : null;
    if (!notification || !notificationPolicy.mark(person, { personId: notification.person.id })) {
      throw userError('notificationId', 'Aviseringen finns inte.', UserErrorCode.NOT_FOUND);
    }
    if (!notification.readAt) {
      notification.readAt = new Date();
      await tx.flush();
      await announce(tx, person);
    }
    return notification;
  });
}

/** Marks every unread notification of the viewer read, in one statement; returns how many. */
export async function markAllNotificationsRead(em: EntityManager, viewer: Viewer | null): Promise<number> {
  const person = signedIn(viewer);
  return em.transactional(async (tx) => {
    const marked = await tx.nativeUpdate(
      Notification,
      { person: person.id, readAt: null },
      { readAt: new Date() },
    );
    if (marked > 0) await announce(tx, person);
    return marked;
  });
}

/** Sets how the viewer gets mail of one kind. */
export async function setNotificationPreference(
  em: EntityManager,
  viewer: Viewer | null,
  kind: NotificationKind,
  delivery: NotificationDelivery,
): Promise<{ kind: NotificationKind; delivery: NotificationDelivery }> {
  const person = signedIn(viewer);
  // One statement, so two tabs choosing at once cannot both insert.
  await em.getConnection().execute(
    `insert into notification_preference (id, person_id, kind, delivery) values (gen_random_uuid(), ?, ?, ?)
       on conflict (person_id, kind) do update set delivery = excluded.delivery`,
    [person.id, kind, delivery],
  );
  return { kind, delivery };
}

/** Sets the language of the viewer's mails and notifications (the client's choice). */
export async function setLanguage(
  em: EntityManager,
  viewer: Viewer | null,
  language: Language,
): Promise<Pick<Viewer, 'id' | 'name' | 'email' | 'isCoordinator'>> {
  const person = signedIn(viewer);
  await em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(Person, person.id);
    row.language = language;
  });
  return { id: person.id, name: person.name, email: person.email, isCoordinator: person.isCoordinator };
}

/** The cursor of the viewer's notifications' latest change; subscribe after it to miss nothing since. */
export function notificationsCursor(ctx: GraphQLContext, personId: string): Promise<string> {
  return liveCursor(ctx, personTopic(personId));
}
