import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { Forum } from '../forums/forum.entity.js';
import { Person } from '../accounts/person.entity.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { ForumConvener } from './forum-convener.entity.js';

/** The coordinator's frame: signed in, the coordinator, the forum locked so assignments take turns. */
async function convenerEdit(
  em: EntityManager,
  viewer: Viewer | null,
  forumId: string | null,
  apply: (forum: Forum, tx: EntityManager) => Promise<void>,
): Promise<Forum> {
  if (!viewer) throw unauthenticated();
  if (!meetingPolicy.coordinate(viewer)) throw forbidden();
  const id = await em.transactional(async (tx) => {
    const forum = forumId ? await tx.findOne(Forum, forumId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!forum) throw userError('forumId', 'Forumet finns inte.', UserErrorCode.NOT_FOUND);
    await apply(forum, tx);
    await tx.flush();
    return forum.id;
  });
  return (await em.fork().findOne(Forum, id))!;
}

/**
 * The coordinator gives an account the convener role of a forum: from the person's next request on, they
 * prepare and run the forum's meetings.
 */
export function assignForumConvener(
  em: EntityManager,
  viewer: Viewer | null,
  input: { forumId: string | null; personEmail: string },
) {
  return convenerEdit(em, viewer, input.forumId, async (forum, tx) => {
    const person = await tx.findOne(Person, { email: input.personEmail.trim().toLowerCase() });
    if (!person) {
      throw userError('personEmail', 'Ingen har ett konto med den e-postadressen.', UserErrorCode.NOT_FOUND);
    }
    if (await tx.count(ForumConvener, { forum: forum.id, person: person.id })) {
      throw userError(
        'personEmail',
        'Personen är redan sammankallande för forumet.',
        UserErrorCode.DUPLICATE,
      );
    }
    tx.create(ForumConvener, { forum, person });
  });
}

/** The coordinator takes the convener role of a forum back. */
export function removeForumConvener(
  em: EntityManager,
  viewer: Viewer | null,
  input: { forumId: string | null; personId: string },
) {
  return convenerEdit(em, viewer, input.forumId, async (forum, tx) => {
    const removed = /^[0-9a-f-]{36}$/.test(input.personId)
      ? await tx.nativeDelete(ForumConvener, { forum: forum.id, person: input.personId })
      : 0;
    if (!removed) {
      throw userError('personId', 'Personen är inte sammankallande för forumet.', UserErrorCode.NOT_FOUND);
    }
  });
}

/** A forum's conveners, for the coordinator only; null for everyone else. */
export async function forumConveners(
  em: EntityManager,
  viewer: Viewer | null,
  forumId: string,
): Promise<Person[] | null> {
  if (!meetingPolicy.coordinate(viewer)) return null;
  const roles = await em.find(
    ForumConvener,
    { forum: forumId },
    { populate: ['person'], orderBy: { assignedAt: 'asc' } },
  );
  return roles.map((role) => role.person.getEntity());
}

/** Whether the viewer may prepare the forum's meetings, so the client offers "New meeting". */
export function viewerManagesForum(viewer: Viewer | null, forumId: string): boolean {
  return meetingPolicy.manage(viewer, { forumId });
}
