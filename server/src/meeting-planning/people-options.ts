import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { badUserInput } from '../graphql/errors.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';

/** Someone who may be named chair or adjuster of a meeting. */
export interface PersonOption {
  id: string;
  name: string;
  /** The organisation of their seat in the forum, when they hold one. */
  organisation: string | null;
  /** True when they hold a current seat of the forum: its members come first. */
  forumMember: boolean;
}

const PEOPLE_SQL = `select p.id, p.name, s.organisation, (s.id is not null) as forum_member
from person p
left join lateral (
  select cs.id, cs.organisation from council_seat cs
  where cs.person_id = p.id and cs.forum_id = ? and cs.ended_at is null
  order by cs.position limit 1
) s on true
where (?::text is null or p.name ilike ? escape '\\' or p.email ilike ? escape '\\')
order by forum_member desc, p.name, p.id
limit ?`;

/**
 * The people a manager of the forum's meetings may pick as chair or adjusters: the forum's members (current
 * seats) first, then every other account, by name; filtered by a part of the name or e-mail address. One
 * statement. Only those who manage the forum's meetings may ask: it lists accounts.
 */
export async function personOptions(
  em: EntityManager,
  viewer: Viewer | null,
  forumId: string | null,
  search: string | null,
  first: number | null,
): Promise<PersonOption[]> {
  if (!viewer) throw unauthenticated();
  if (!forumId || !meetingPolicy.manage(viewer, { forumId })) throw forbidden();
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badUserInput('first must be 1 to 50.');
  const needle = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await em
    .getConnection()
    .execute<{ id: string; name: string; organisation: string | null; forum_member: boolean }[]>(PEOPLE_SQL, [
      forumId,
      needle,
      needle,
      needle,
      limit,
    ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    forumMember: row.forum_member,
  }));
}
