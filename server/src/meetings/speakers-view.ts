import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SpeakerStatus } from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import './floor-enums.js';

@ObjectType('Speaker', { description: "One line of an item's speakers' list (talarlista)." })
export class SpeakerView {
  readonly id!: string;

  @Field(() => String, { description: 'Name of the speaker.' })
  readonly name!: string;

  @Field(() => String, { nullable: true, description: 'The organisation or role they speak for.' })
  readonly organisation!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The speaker's person id (as viewer.id), so a client can tell its own request.",
  })
  readonly personId!: string | null;

  @Field(() => SpeakerStatus, { description: 'Waiting or speaking.' })
  readonly status!: SpeakerStatus;

  @Field(() => Date, { description: 'When they asked for the floor.' })
  readonly requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When they got the floor; null while waiting.' })
  readonly startedAt!: Date | null;

  constructor(fields: Omit<SpeakerView, 'globalId'>) {
    Object.assign(this, fields);
  }

  @Field(() => ID, { name: 'id', description: 'Global, opaque id.' })
  get globalId(): string {
    return toGlobalId('Speaker', this.id);
  }
}

@ObjectType('SpeakersList', {
  description: "The current item's speakers' list: who speaks now and who waits, in order.",
})
export class SpeakersListView {
  @Field(() => Int, { nullable: true, description: 'Seconds each speaker may speak; null for no limit.' })
  readonly timeLimitSeconds!: number | null;

  @Field(() => SpeakerView, { nullable: true, description: 'Who has the floor now.' })
  readonly speaking!: SpeakerView | null;

  @Field(() => [SpeakerView], { description: 'Who waits for the floor on the current item, first first.' })
  readonly queue!: SpeakerView[];

  constructor(fields: SpeakersListView) {
    Object.assign(this, fields);
  }
}

/**
 * The speakers' list of a meeting as one JSON value, a subquery of the meeting row `m`, so the read model
 * stays one statement: only while the meeting runs, the speech in progress and the current item's queue.
 */
export const SPEAKERS_JSON = `json_build_object(
  'timeLimitSeconds', m.speaking_time_limit_seconds,
  'lines', coalesce((select json_agg(json_build_object(
      'id', s.id, 'name', t.name, 'organisation', t.organisation, 'personId', t.person_id, 'status', s.status,
      'requestedAt', floor(extract(epoch from s.requested_at) * 1000),
      'startedAt', floor(extract(epoch from s.started_at) * 1000)) order by s.number)
    from speaker s join meeting_attendee t on t.id = s.attendee_id
    where s.meeting_id = m.id and m.status = 'IN_PROGRESS' and (s.status = 'SPEAKING' or (s.status = 'WAITING'
      and s.agenda_item_id = (select c.id from agenda_item c where c.meeting_id = m.id and c.status = 'CURRENT')))),
    '[]'))`;

export interface SpeakersRow {
  timeLimitSeconds: number | null;
  lines: {
    id: string;
    name: string;
    organisation: string | null;
    personId: string | null;
    status: SpeakerStatus;
    requestedAt: number;
    startedAt: number | null;
  }[];
}

export function speakersOf(row: SpeakersRow): SpeakersListView {
  const lines = row.lines.map(
    (line) =>
      new SpeakerView({
        ...line,
        requestedAt: new Date(line.requestedAt),
        startedAt: line.startedAt === null ? null : new Date(line.startedAt),
      }),
  );
  return new SpeakersListView({
    timeLimitSeconds: row.timeLimitSeconds,
    speaking: lines.find((line) => line.status === SpeakerStatus.SPEAKING) ?? null,
    queue: lines.filter((line) => line.status === SpeakerStatus.WAITING),
  });
}

/** The speakers' list of one meeting, for roots that are entities (live events, mutation results). One statement. */
export async function readSpeakers(em: EntityManager, meetingId: string): Promise<SpeakersListView> {
  const row = await em
    .getConnection()
    .execute<{ speakers: SpeakersRow }>(
      `select ${SPEAKERS_JSON} as speakers from meeting m where m.id = ?`,
      [meetingId],
      'get',
    );
  return speakersOf(row?.speakers ?? { timeLimitSeconds: null, lines: [] });
}
