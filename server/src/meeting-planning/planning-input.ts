import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgendaItemKind,
  MAX_ADJUSTERS,
  PLANNED_MINUTES,
  TEXT_LIMITS,
  UserErrorCode,
  isWebLink,
  normaliseText,
  type TextField,
} from '@samverka/domain';
import { InputProblems } from '../graphql/user-error.js';
import { Person } from '../accounts/person.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A meeting's details as the coordinator or convener writes them. */
export interface MeetingDetailsInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  accessibility?: string | null;
  digitalLink?: string | null;
  /** Person ids (as the viewer's id), not global ids: people are not nodes. */
  chairId: string;
  adjusterIds: string[];
}

export interface MeetingDetails {
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  accessibility: string | null;
  digitalLink: string | null;
  chair: Person;
  adjusters: Person[];
}

function text(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limit: TextField,
  required?: string,
): string | null {
  const normalised = normaliseText(value);
  if (!normalised && required) problems.add(field, required, UserErrorCode.REQUIRED);
  else if (normalised && normalised.length > TEXT_LIMITS[limit]) problems.tooLong(field, TEXT_LIMITS[limit]);
  return normalised;
}

/**
 * Checks every field of a meeting's details at once, so each error shows at its field. `previousStart` is the
 * start already planned: an unchanged start may lie in the past (a meeting late to be held is still edited).
 */
export async function meetingDetails(
  em: EntityManager,
  input: MeetingDetailsInput,
  now: Date,
  previousStart: Date | null = null,
): Promise<MeetingDetails> {
  const problems = new InputProblems();
  const title = text(problems, 'title', input.title, 'meetingTitle', 'Ge mötet en rubrik.');
  const location = text(problems, 'location', input.location, 'location');
  const accessibility = text(problems, 'accessibility', input.accessibility, 'accessibility');
  const digitalLink = text(problems, 'digitalLink', input.digitalLink, 'digitalLink');
  if (digitalLink && digitalLink.length <= TEXT_LIMITS.digitalLink && !isWebLink(digitalLink)) {
    problems.add('digitalLink', 'Länken ska börja med https:// eller http://.', UserErrorCode.INVALID);
  }
  if (!location && !digitalLink && !problems.any) {
    problems.add('location', 'Ange en plats eller en länk till mötet.', UserErrorCode.REQUIRED);
  }
  const startChanged = previousStart?.getTime() !== input.startsAt.getTime();
  if (startChanged && input.startsAt.getTime() < now.getTime()) {
    problems.add('startsAt', 'Mötet kan inte börja i det förflutna.', UserErrorCode.INVALID);
  }
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    problems.add('endsAt', 'Mötet måste sluta efter att det har börjat.', UserErrorCode.INVALID);
  }

  const chairId = UUID.test(input.chairId) ? input.chairId : null;
  const adjusterIds = input.adjusterIds.filter((id) => UUID.test(id));
  const people = await em.find(Person, { id: { $in: [chairId, ...adjusterIds].filter((id) => !!id) } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const chair = chairId ? byId.get(chairId) : undefined;
  if (!chair) problems.add('chairId', 'Välj en ordförande som har ett konto.', UserErrorCode.NOT_FOUND);
  if (input.adjusterIds.length === 0) {
    problems.add('adjusterIds', 'Välj en eller två justerare.', UserErrorCode.REQUIRED);
  } else if (input.adjusterIds.length > MAX_ADJUSTERS) {
    problems.add('adjusterIds', 'Ett möte har högst två justerare.', UserErrorCode.INVALID);
  } else if (input.adjusterIds.some((id) => !byId.has(id))) {
    problems.add('adjusterIds', 'Välj justerare som har ett konto.', UserErrorCode.NOT_FOUND);
  } else if (new Set(input.adjusterIds).size !== input.adjusterIds.length) {
    problems.add('adjusterIds', 'Samma person kan inte vara justerare två gånger.', UserErrorCode.INVALID);
  } else if (chairId && input.adjusterIds.includes(chairId)) {
    problems.add('adjusterIds', 'Ordföranden kan inte justera sitt eget protokoll.', UserErrorCode.INVALID);
  }
  problems.throwIfAny();
  return {
    title: title!,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location,
    accessibility,
    digitalLink,
    chair: chair!,
    adjusters: input.adjusterIds.map((id) => byId.get(id)!),
  };
}

/** An agenda item's (or standard agenda item's) fields as written. */
export interface AgendaItemFieldsInput {
  title: string;
  kind: AgendaItemKind;
  presenter?: string | null;
  plannedMinutes: number;
  description?: string | null;
  /** The activity's uuid; null when the given id was not an activity's. Omitted: none. */
  activityId?: string | null;
}

export interface AgendaItemFields {
  title: string;
  kind: AgendaItemKind;
  presenter: string | null;
  plannedMinutes: number;
  description: string | null;
  activity: Activity | null;
}

/** Checks an agenda item's fields at once; an activity given must be one of the plan's. */
export async function agendaItemFields(
  em: EntityManager,
  input: AgendaItemFieldsInput,
  withActivity: boolean,
): Promise<AgendaItemFields> {
  const problems = new InputProblems();
  const title = text(problems, 'title', input.title, 'agendaItemTitle', 'Ge punkten en rubrik.');
  const presenter = text(problems, 'presenter', input.presenter, 'presenter');
  const description = text(problems, 'description', input.description, 'description');
  if (
    !Number.isInteger(input.plannedMinutes) ||
    input.plannedMinutes < PLANNED_MINUTES.min ||
    input.plannedMinutes > PLANNED_MINUTES.max
  ) {
    problems.add(
      'plannedMinutes',
      `Planera mellan ${PLANNED_MINUTES.min} och ${PLANNED_MINUTES.max} minuter.`,
      UserErrorCode.INVALID,
    );
  }
  let activity: Activity | null = null;
  if (withActivity && input.activityId !== undefined) {
    activity = input.activityId ? await em.findOne(Activity, input.activityId) : null;
    if (!activity) {
      problems.add('activityId', 'Aktiviteten finns inte i aktivitetsplanen.', UserErrorCode.NOT_FOUND);
    }
  }
  problems.throwIfAny();
  return {
    title: title!,
    kind: input.kind,
    presenter,
    plannedMinutes: input.plannedMinutes,
    description,
    activity,
  };
}
