import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { fromGlobalId } from './fixtures.js';
import { MEETING_CHANGED, type SwarmViewer } from './swarm.js';

/**
 * What signed-in viewers subscribe to: the live agenda plus one field that depends on who asks
 * (`viewerCanChair`), as a chair's or coordinator's screen would.
 */
export const MEETING_CHANGED_SIGNED_IN = MEETING_CHANGED.replace(
  'id version status',
  'id version status viewerCanChair',
);

/** Kinds of signed-in viewers and their share of the audience. */
const KINDS = [
  ['councilMember', 0.4],
  ['partyContact', 0.3],
  ['partyMember', 0.2],
  ['chair', 0.05],
  ['coordinator', 0.05],
] as const;
export type ViewerKind = (typeof KINDS)[number][0];

export interface Audience {
  viewers: SwarmViewer[];
  kinds: Record<ViewerKind, number>;
}

/**
 * Creates, with plain SQL on the server's tables (server/src/migrations), `count` signed-in viewers of the
 * meeting's forum: people holding council seats, contacts and members of the seeded parties, and sessions of
 * the meeting's chair and of the coordinator (several devices each). Sessions are written directly, as
 * sign-in would store them (a SHA-256 of the cookie's token), so no password hashing slows the setup.
 * Brittle by nature: it follows the migrations' column names.
 */
export async function createAudience(
  databaseUrl: string,
  meetingGlobalId: string,
  count: number,
): Promise<Audience> {
  const meetingId = fromGlobalId(meetingGlobalId);
  if (!meetingId) throw new Error(`cannot decode meeting id ${meetingGlobalId}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const meeting = await client.query<{ forum_id: string; chair_id: string | null }>(
      'SELECT forum_id, chair_id FROM meeting WHERE id = $1',
      [meetingId],
    );
    const forumId = meeting.rows[0]?.forum_id;
    if (!forumId) throw new Error(`meeting ${meetingId} not found`);
    const parties = (await client.query<{ id: string }>('SELECT id FROM party ORDER BY name')).rows;
    if (!parties.length) throw new Error('no parties in the seeded database');
    const coordinator = (
      await client.query<{ id: string }>(
        'SELECT id FROM person WHERE is_coordinator ORDER BY created_at LIMIT 1',
      )
    ).rows[0]?.id;
    if (!coordinator) throw new Error('no coordinator in the seeded database');

    const newPerson = async (name: string): Promise<string> => {
      const id = randomUUID();
      await client.query(
        `INSERT INTO person (id, name, email, password_hash, is_coordinator, created_at)
         VALUES ($1, $2, $3, '!bench: no password', false, now())`,
        [id, name, `bench-${id}@samverka.example`],
      );
      return id;
    };
    let chair = meeting.rows[0]?.chair_id ?? null;
    if (!chair) {
      chair = await newPerson('Benchens ordförande');
      await client.query('UPDATE meeting SET chair_id = $2 WHERE id = $1', [meetingId, chair]);
    }

    const kinds = Object.fromEntries(KINDS.map(([kind]) => [kind, 0])) as Record<ViewerKind, number>;
    let assigned = 0;
    for (const [index, [kind, share]] of KINDS.entries()) {
      kinds[kind] = index === KINDS.length - 1 ? count - assigned : Math.round(count * share);
      assigned += kinds[kind];
    }

    const viewers: SwarmViewer[] = [];
    const addSession = async (personId: string): Promise<void> => {
      const token = randomBytes(32).toString('base64url');
      await client.query(
        `INSERT INTO session (id, token_hash, person_id, created_at, expires_at)
         VALUES ($1, $2, $3, now(), now() + interval '1 day')`,
        [randomUUID(), createHash('sha256').update(token).digest('hex'), personId],
      );
      viewers.push({ cookie: `samverka_session=${token}`, query: MEETING_CHANGED_SIGNED_IN });
    };

    for (let i = 0; i < kinds.councilMember; i++) {
      const person = await newPerson(`Rådsledamot ${i + 1}`);
      await client.query(
        `INSERT INTO council_seat (id, forum_id, kind, holder_name, organisation, person_id, position)
         VALUES ($1, $2, $3, $4, 'Benchens förening', $5, $6)`,
        [
          randomUUID(),
          forumId,
          i % 4 === 0 ? 'POLITICIAN' : 'CIVIL_SOCIETY',
          `Rådsledamot ${i + 1}`,
          person,
          1000 + i,
        ],
      );
      await addSession(person);
    }
    for (const [kind, role] of [
      ['partyContact', 'CONTACT'],
      ['partyMember', 'MEMBER'],
    ] as const) {
      for (let i = 0; i < kinds[kind]; i++) {
        const person = await newPerson(`${role === 'CONTACT' ? 'Kontaktperson' : 'Medlem'} ${i + 1}`);
        await client.query(
          `INSERT INTO membership (id, person_id, party_id, role, status, created_at)
           VALUES ($1, $2, $3, $4, 'ACTIVE', now())`,
          [randomUUID(), person, parties[i % parties.length]?.id, role],
        );
        await addSession(person);
      }
    }
    for (let i = 0; i < kinds.chair; i++) await addSession(chair);
    for (let i = 0; i < kinds.coordinator; i++) await addSession(coordinator);
    await client.query('COMMIT');
    return { viewers, kinds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
