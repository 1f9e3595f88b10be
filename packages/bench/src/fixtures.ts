import pg from 'pg';

/** Global ids as the server encodes them: base64url of "Type:uuid" (server/src/graphql/node.ts). */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string): string | null {
  const [, id] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  return id ?? null;
}

/**
 * Inserts, with plain SQL on the server's tables (server/src/migrations), two published meetings in
 * the same forum as `meetingId`, with 5 and 100 agenda items. Returns their global ids by label.
 * Brittle by nature: it follows the migration's column names.
 */
export async function createListFixtures(
  databaseUrl: string,
  meetingGlobalId: string,
): Promise<Record<string, string>> {
  const source = fromGlobalId(meetingGlobalId);
  if (!source) throw new Error(`cannot decode meeting id ${meetingGlobalId}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids: Record<string, string> = {};
    await client.query('BEGIN');
    for (const size of [5, 100]) {
      const meeting = await client.query(
        `INSERT INTO meeting (id, forum_id, title, starts_at, ends_at, location, status, version)
         SELECT gen_random_uuid(), forum_id, $2, now() + interval '30 days', now() + interval '30 days 2 hours', location, 'AGENDA_PUBLISHED', 1
           FROM meeting WHERE id = $1
         RETURNING id`,
        [source, `Benchmöte med ${size} punkter`],
      );
      const id = (meeting.rows[0] as { id: string } | undefined)?.id;
      if (!id) throw new Error(`source meeting ${source} not found`);
      await client.query(
        `INSERT INTO agenda_item (id, meeting_id, position, title, kind, presenter, planned_minutes)
         SELECT gen_random_uuid(), $1, n, 'Punkt ' || n || ': ärende om samverkan',
                (ARRAY['FORMALITY','INFORMATION','DISCUSSION','DECISION'])[1 + n % 4]::agenda_item_kind,
                CASE WHEN n % 2 = 0 THEN 'Samordnaren' END, 5 + n % 10
           FROM generate_series(1, $2::int) AS n`,
        [id, size],
      );
      ids[`agenda${size}`] = toGlobalId('Meeting', id);
    }
    await client.query('COMMIT');
    return ids;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
