import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_AGENDA_ITEMS, UserErrorCode, moveInOrder } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { Forum } from '../forums/forum.entity.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { StandardAgendaItem } from './standard-agenda-item.entity.js';
import { agendaItemFields, type AgendaItemFieldsInput } from './planning-input.js';
import { renumber } from './positions.js';

interface LockedForum {
  forum: Forum;
  items: StandardAgendaItem[];
}

/**
 * The frame of every edit of a forum's standard agenda: lock the forum's row (so edits at once take turns and
 * positions stay 1..n), check that the viewer manages the forum's meetings, apply, in one transaction.
 */
async function standardAgendaEdit(
  em: EntityManager,
  viewer: Viewer | null,
  forumId: string | null,
  apply: (locked: LockedForum, tx: EntityManager) => Promise<void>,
): Promise<Forum> {
  if (!viewer) throw unauthenticated();
  const id = await em.transactional(async (tx) => {
    const forum = forumId ? await tx.findOne(Forum, forumId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!forum) throw userError('forumId', 'Forumet finns inte.', UserErrorCode.NOT_FOUND);
    if (!meetingPolicy.manage(viewer, { forumId: forum.id })) throw forbidden();
    const items = await tx.find(StandardAgendaItem, { forum: forum.id }, { orderBy: { position: 'asc' } });
    await apply({ forum, items }, tx);
    await tx.flush();
    return forum.id;
  });
  return (await em.fork().findOne(Forum, id))!;
}

/** The forum a standard agenda item belongs to, read before the forum is locked. */
async function forumOfItem(em: EntityManager, itemId: string | null): Promise<string> {
  const item = itemId ? await em.fork().findOne(StandardAgendaItem, itemId) : null;
  if (!item) {
    throw userError(
      'standardAgendaItemId',
      'Punkten finns inte på standarddagordningen.',
      UserErrorCode.NOT_FOUND,
    );
  }
  return item.forum.id;
}

function itemOf(items: StandardAgendaItem[], itemId: string | null): StandardAgendaItem {
  const item = items.find((candidate) => candidate.id === itemId);
  if (!item) {
    throw userError(
      'standardAgendaItemId',
      'Punkten finns inte på standarddagordningen.',
      UserErrorCode.NOT_FOUND,
    );
  }
  return item;
}

function positionError(count: number) {
  return userError(
    'position',
    count === 1 ? 'Platsen finns inte; välj 1.' : `Platsen finns inte; välj en plats från 1 till ${count}.`,
    UserErrorCode.INVALID,
  );
}

export function addStandardAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: AgendaItemFieldsInput & { forumId: string | null; position?: number | null },
) {
  return standardAgendaEdit(em, viewer, input.forumId, async ({ forum, items }, tx) => {
    const fields = await agendaItemFields(tx, input, false);
    if (items.length >= MAX_AGENDA_ITEMS) {
      throw userError(
        '',
        `En dagordning har högst ${MAX_AGENDA_ITEMS} punkter.`,
        UserErrorCode.LIMIT_REACHED,
      );
    }
    const position = input.position ?? items.length + 1;
    if (!Number.isInteger(position) || position < 1 || position > items.length + 1) {
      throw positionError(items.length + 1);
    }
    const { activity: _none, ...standardFields } = fields;
    const item = tx.create(StandardAgendaItem, { forum, position: 0, ...standardFields });
    const order = [...items];
    order.splice(position - 1, 0, item);
    await renumber(tx, order);
  });
}

export async function updateStandardAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: AgendaItemFieldsInput & { standardAgendaItemId: string | null },
) {
  if (!viewer) throw unauthenticated();
  const forumId = await forumOfItem(em, input.standardAgendaItemId);
  return standardAgendaEdit(em, viewer, forumId, async ({ items }, tx) => {
    const item = itemOf(items, input.standardAgendaItemId);
    const { activity: _none, ...fields } = await agendaItemFields(tx, input, false);
    tx.assign(item, fields);
  });
}

export async function removeStandardAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: { standardAgendaItemId: string | null },
) {
  if (!viewer) throw unauthenticated();
  const forumId = await forumOfItem(em, input.standardAgendaItemId);
  return standardAgendaEdit(em, viewer, forumId, async ({ items }, tx) => {
    const item = itemOf(items, input.standardAgendaItemId);
    tx.remove(item);
    await renumber(
      tx,
      items.filter((other) => other !== item),
    );
  });
}

export async function moveStandardAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: { standardAgendaItemId: string | null; position: number },
) {
  if (!viewer) throw unauthenticated();
  const forumId = await forumOfItem(em, input.standardAgendaItemId);
  return standardAgendaEdit(em, viewer, forumId, async ({ items }, tx) => {
    const item = itemOf(items, input.standardAgendaItemId);
    const order = moveInOrder(items, items.indexOf(item) + 1, input.position);
    if (!order) throw positionError(items.length);
    await renumber(tx, order);
  });
}

/** A forum's standard agenda, in order: public, as the agendas made from it are. */
export function standardAgendaOf(em: EntityManager, forumId: string): Promise<StandardAgendaItem[]> {
  return em.find(StandardAgendaItem, { forum: forumId }, { orderBy: { position: 'asc' } });
}
