import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { AgendaItemKind, AgendaItemStatus, MeetingStatus } from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import { meetingTopic } from '../live/publish.js';
import { DocumentFile } from '../documents/document-file.type.js';

/*
 * The read model of the hot public meeting reads (the meeting and live pages). A meeting with its forum,
 * chair's name, agenda, the agenda's activities and the topic's live cursor is one statement of plain
 * rows: no query building, no hydration, no identity map, which cost about ten times the SQL itself.
 * A query asking anything beyond these fields takes the entity path instead (see `answersSelection`).
 */

export class ForumView {
  constructor(
    readonly id: string,
    readonly slug: string,
    readonly name: string,
  ) {}

  get globalId(): string {
    return toGlobalId('Forum', this.id);
  }
}

export class ActivityView {
  constructor(
    readonly id: string,
    readonly number: number,
    readonly title: string,
  ) {}

  get globalId(): string {
    return toGlobalId('Activity', this.id);
  }
}

export class AgendaItemView {
  readonly id!: string;
  readonly position!: number;
  readonly title!: string;
  readonly kind!: AgendaItemKind;
  readonly presenter!: string | null;
  readonly plannedMinutes!: number;
  readonly status!: AgendaItemStatus;
  readonly decision!: string | null;
  readonly minute!: string | null;
  readonly elapsedSeconds!: number;
  readonly timerStartedAt!: Date | null;
  readonly activity!: ActivityView | null;
  readonly documents!: DocumentFile[];

  constructor(fields: Omit<AgendaItemView, 'globalId'>) {
    Object.assign(this, fields);
  }

  get globalId(): string {
    return toGlobalId('AgendaItem', this.id);
  }
}

export class MeetingView {
  readonly id!: string;
  readonly title!: string;
  readonly startsAt!: Date;
  readonly location!: string | null;
  readonly status!: MeetingStatus;
  readonly version!: number;
  readonly startedAt!: Date | null;
  readonly closedAt!: Date | null;
  readonly timerPaused!: boolean;
  readonly summary!: string | null;
  readonly chairId!: string | null;
  readonly chairName!: string | null;
  readonly forum!: ForumView;
  readonly agenda!: AgendaItemView[];
  /** The topic's latest sequence, read in the same statement (one snapshot) as the meeting. */
  readonly liveCursor!: string;

  constructor(fields: Omit<MeetingView, 'globalId'>) {
    Object.assign(this, fields);
  }

  get globalId(): string {
    return toGlobalId('Meeting', this.id);
  }
}

/** The fields the read model answers, per type; `true` is a leaf. */
interface Selectable {
  [field: string]: true | Selectable;
}

const ACTIVITY: Selectable = { id: true, number: true, title: true };
const AGENDA_ITEM: Selectable = {
  id: true,
  position: true,
  title: true,
  kind: true,
  presenter: true,
  plannedMinutes: true,
  status: true,
  decision: true,
  minute: true,
  elapsedSeconds: true,
  timerStartedAt: true,
  activity: ACTIVITY,
  documents: { id: true, name: true, mediaType: true, size: true, uploadedAt: true, url: true },
};
const MEETING: Selectable = {
  id: true,
  title: true,
  startsAt: true,
  location: true,
  status: true,
  version: true,
  startedAt: true,
  closedAt: true,
  timerPaused: true,
  summary: true,
  chairName: true,
  viewerCanChair: true,
  liveCursor: true,
  forum: { id: true, slug: true, name: true },
  currentItem: AGENDA_ITEM,
  agenda: AGENDA_ITEM,
};

function within(
  selectionSet: SelectionSetNode | undefined,
  allowed: Selectable,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  if (!selectionSet) return true;
  return selectionSet.selections.every((selection) => {
    if (selection.kind === 'InlineFragment') return within(selection.selectionSet, allowed, fragments);
    if (selection.kind === 'FragmentSpread') {
      const fragment = fragments[selection.name.value];
      return !!fragment && within(fragment.selectionSet, allowed, fragments);
    }
    const name = selection.name.value;
    if (name === '__typename') return true;
    const next = allowed[name];
    if (!next) return false;
    return next === true ? !selection.selectionSet : within(selection.selectionSet, next, fragments);
  });
}

/** True when every field the query asks of the meeting is one the read model answers. */
export function answersSelection(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node: FieldNode) => within(node.selectionSet, MEETING, info.fragments));
}

// Timestamps travel as epoch milliseconds, so that rows and JSON give the same Date as the ORM does.
const MEETING_SQL = `select m.id, m.title, m.location, m.status, m.version, m.timer_paused, m.summary, m.chair_id,
  floor(extract(epoch from m.starts_at) * 1000)::float8 as starts_at,
  floor(extract(epoch from m.started_at) * 1000)::float8 as started_at,
  floor(extract(epoch from m.closed_at) * 1000)::float8 as closed_at,
  p.name as chair_name, f.id as forum_id, f.slug as forum_slug, f.name as forum_name,
  greatest(coalesce((select max(e.sequence) from live_event e where e.topic = ?), 0), (select pruned_through from live_event_horizon))::text as live_cursor,
  coalesce((select json_agg(json_build_object(
      'id', a.id, 'position', a.position, 'title', a.title, 'kind', a.kind, 'presenter', a.presenter,
      'plannedMinutes', a.planned_minutes, 'status', a.status, 'decision', a.decision, 'minute', a.minute,
      'elapsedSeconds', a.elapsed_seconds,
      'timerStartedAt', floor(extract(epoch from a.timer_started_at) * 1000),
      'activity', case when act.id is not null
        then json_build_object('id', act.id, 'number', act.number, 'title', act.title) end,
      'documents', (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name,
          'mediaType', d.media_type, 'size', d.size,
          'uploadedAt', floor(extract(epoch from d.created_at) * 1000)) order by da.attached_at, da.id), '[]')
        from document_attachment da join document d on d.id = da.document_id where da.agenda_item_id = a.id)
      ) order by a.position)
    from agenda_item a left join activity act on act.id = a.activity_id
    where a.meeting_id = m.id), '[]') as agenda
from meeting m
join forum f on f.id = m.forum_id
left join person p on p.id = m.chair_id
where m.id = ?`;

interface MeetingRow {
  id: string;
  title: string;
  location: string | null;
  status: MeetingStatus;
  version: number;
  timer_paused: boolean;
  summary: string | null;
  chair_id: string | null;
  starts_at: number;
  started_at: number | null;
  closed_at: number | null;
  chair_name: string | null;
  forum_id: string;
  forum_slug: string;
  forum_name: string;
  live_cursor: string;
  agenda: AgendaItemRow[];
}

interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  kind: AgendaItemKind;
  presenter: string | null;
  plannedMinutes: number;
  status: AgendaItemStatus;
  decision: string | null;
  minute: string | null;
  elapsedSeconds: number;
  timerStartedAt: number | null;
  activity: { id: string; number: number; title: string } | null;
  documents: { id: string; name: string; mediaType: string; size: number; uploadedAt: number }[];
}

const dateOf = (epochMs: number | null): Date | null => (epochMs === null ? null : new Date(epochMs));

/** A meeting as the read model has it, or null when there is none. One statement. */
export async function readMeetingView(em: EntityManager, meetingId: string): Promise<MeetingView | null> {
  const row: MeetingRow | undefined = await em
    .getConnection()
    .execute<MeetingRow>(MEETING_SQL, [meetingTopic(meetingId), meetingId], 'get');
  if (!row) return null;
  return new MeetingView({
    id: row.id,
    title: row.title,
    startsAt: new Date(row.starts_at),
    location: row.location,
    status: row.status,
    version: row.version,
    startedAt: dateOf(row.started_at),
    closedAt: dateOf(row.closed_at),
    timerPaused: row.timer_paused,
    summary: row.summary,
    chairId: row.chair_id,
    chairName: row.chair_name,
    forum: new ForumView(row.forum_id, row.forum_slug, row.forum_name),
    liveCursor: row.live_cursor,
    agenda: row.agenda.map(
      (item) =>
        new AgendaItemView({
          id: item.id,
          position: item.position,
          title: item.title,
          kind: item.kind,
          presenter: item.presenter,
          plannedMinutes: item.plannedMinutes,
          status: item.status,
          decision: item.decision,
          minute: item.minute,
          elapsedSeconds: item.elapsedSeconds,
          timerStartedAt: dateOf(item.timerStartedAt),
          activity:
            item.activity && new ActivityView(item.activity.id, item.activity.number, item.activity.title),
          documents: item.documents.map(
            (document) => new DocumentFile({ ...document, uploadedAt: new Date(document.uploadedAt) }),
          ),
        }),
    ),
  });
}
