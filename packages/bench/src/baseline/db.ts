import type pg from 'pg';

/** Tables of the bare baseline, beside (not inside) Samverka's schema in the same database. */
export const DDL = `
CREATE TABLE IF NOT EXISTS baseline_forum (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS baseline_meeting (
  id text PRIMARY KEY,
  forum_id text NOT NULL REFERENCES baseline_forum (id),
  title text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  current_item_id text
);
CREATE TABLE IF NOT EXISTS baseline_agenda_item (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES baseline_meeting (id),
  position integer NOT NULL,
  title text NOT NULL,
  kind text NOT NULL,
  presenter text,
  planned_minutes integer NOT NULL,
  status text NOT NULL DEFAULT 'PENDING',
  elapsed_seconds integer NOT NULL DEFAULT 0,
  timer_started_at timestamptz
);
CREATE INDEX IF NOT EXISTS baseline_agenda_item_meeting ON baseline_agenda_item (meeting_id, position);
CREATE TABLE IF NOT EXISTS baseline_event (
  seq bigserial PRIMARY KEY,
  meeting_id text NOT NULL,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS baseline_event_meeting ON baseline_event (meeting_id, seq);
`;

export const CHANNEL = 'baseline_meeting_changed';
export const MEETING_ID = 'baseline-meeting-1';

export interface SeedItem {
  title: string;
  kind: string;
  presenter: string | null;
  plannedMinutes: number;
}

export interface Seed {
  forumName: string;
  meetingTitle: string;
  agenda: SeedItem[];
}

export function syntheticSeed(items = 8): Seed {
  return {
    forumName: 'Samverkansrådet',
    meetingTitle: 'Samverkansrådets möte',
    agenda: Array.from({ length: items }, (_, i) => ({
      title: `Punkt ${i + 1}: ärende om samverkan mellan föreningslivet och kommunen`,
      kind: i === 0 ? 'FORMALITY' : i % 3 === 0 ? 'DECISION' : 'DISCUSSION',
      presenter: i % 2 ? 'Samordnaren' : null,
      plannedMinutes: 10 + i,
    })),
  };
}

/** Recreates the baseline tables with one in-progress meeting whose agenda is `seed`. */
export async function createAndSeed(client: pg.ClientBase, seed: Seed): Promise<void> {
  await client.query(
    'DROP TABLE IF EXISTS baseline_event, baseline_agenda_item, baseline_meeting, baseline_forum',
  );
  await client.query(DDL);
  await client.query('BEGIN');
  await client.query(`INSERT INTO baseline_forum (id, name) VALUES ('baseline-forum-1', $1)`, [
    seed.forumName,
  ]);
  await client.query(
    `INSERT INTO baseline_meeting (id, forum_id, title, status) VALUES ($1, 'baseline-forum-1', $2, 'IN_PROGRESS')`,
    [MEETING_ID, seed.meetingTitle],
  );
  for (const [i, item] of seed.agenda.entries()) {
    await client.query(
      `INSERT INTO baseline_agenda_item (id, meeting_id, position, title, kind, presenter, planned_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `baseline-item-${i + 1}`,
        MEETING_ID,
        i + 1,
        item.title,
        item.kind,
        item.presenter,
        item.plannedMinutes,
      ],
    );
  }
  await client.query('COMMIT');
}

export interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  kind: string;
  presenter: string | null;
  plannedMinutes: number;
  status: string;
  elapsedSeconds: number;
  timerStartedAt: string | null;
}

export interface MeetingSnapshot {
  id: string;
  title: string;
  status: string;
  version: number;
  forum: { name: string };
  currentItem: AgendaItemRow | null;
  agenda: AgendaItemRow[];
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** The meeting with forum and agenda: two hand-written statements. */
export async function loadMeeting(query: Query, id: string): Promise<MeetingSnapshot | null> {
  const meeting = await query(
    `SELECT m.id, m.title, m.status, m.version, m.current_item_id, f.name AS forum_name
       FROM baseline_meeting m JOIN baseline_forum f ON f.id = m.forum_id WHERE m.id = $1`,
    [id],
  );
  const row = meeting.rows[0] as
    | {
        id: string;
        title: string;
        status: string;
        version: number;
        current_item_id: string | null;
        forum_name: string;
      }
    | undefined;
  if (!row) return null;
  const items = await query(
    `SELECT id, position, title, kind, presenter, planned_minutes AS "plannedMinutes", status,
            elapsed_seconds AS "elapsedSeconds",
            to_char(timer_started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "timerStartedAt"
       FROM baseline_agenda_item WHERE meeting_id = $1 ORDER BY position`,
    [id],
  );
  const agenda = items.rows as AgendaItemRow[];
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    version: row.version,
    forum: { name: row.forum_name },
    currentItem: agenda.find((item) => item.id === row.current_item_id) ?? null,
    agenda,
  };
}

export const OCCURRED_AT = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface EventRow {
  seq: string;
  kind: string;
  occurredAt: string;
}

export interface ChairResult {
  version: number;
  seq: string;
  sentAt: number;
  committedAt: number;
}

/**
 * The baseline "chair": makes the item at `position` current in one transaction that bumps the
 * version, records the event and NOTIFYs (delivered on commit). Timed from BEGIN and from COMMIT's reply.
 */
export async function makeCurrent(client: pg.ClientBase, position: number): Promise<ChairResult> {
  const sentAt = performance.now();
  await client.query('BEGIN');
  try {
    await client.query(
      `UPDATE baseline_agenda_item
          SET status = CASE WHEN position = $2 THEN 'CURRENT' WHEN status = 'CURRENT' THEN 'DONE' ELSE status END,
              elapsed_seconds = elapsed_seconds + CASE WHEN timer_started_at IS NULL THEN 0
                ELSE extract(epoch FROM now() - timer_started_at)::int END,
              timer_started_at = CASE WHEN position = $2 THEN now() ELSE NULL END
        WHERE meeting_id = $1`,
      [MEETING_ID, position],
    );
    const meeting = await client.query(
      `UPDATE baseline_meeting
          SET version = version + 1,
              current_item_id = (SELECT id FROM baseline_agenda_item WHERE meeting_id = $1 AND position = $2)
        WHERE id = $1 RETURNING version`,
      [MEETING_ID, position],
    );
    const event = await client.query(
      `INSERT INTO baseline_event (meeting_id, kind) VALUES ($1, 'CURRENT_ITEM_CHANGED')
       RETURNING seq::text AS seq, kind, ${OCCURRED_AT} AS "occurredAt"`,
      [MEETING_ID],
    );
    const row = event.rows[0] as EventRow;
    const seq = row.seq;
    const version = (meeting.rows[0] as { version: number }).version;
    // The version rides along for the floor, which builds its message from the notification alone.
    await client.query('SELECT pg_notify($1, $2)', [
      CHANNEL,
      JSON.stringify({ ...row, meetingId: MEETING_ID, version }),
    ]);
    await client.query('COMMIT');
    return {
      version,
      seq,
      sentAt,
      committedAt: performance.now(),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
