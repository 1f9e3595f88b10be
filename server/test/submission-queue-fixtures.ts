import { AgendaItemKind, MeetingStatus, PartyKind, SubmissionKind, SubmissionStatus } from '@samverka/domain';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { CNatetRepresentative } from '../src/parties/cnatet-representative.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { partyWithContact, registerPerson, uuidOf } from './accounts-fixtures.js';
import type { TestServer } from './helpers.js';

const DAY = 24 * 3600 * 1000;

export interface MatterSpec {
  /** The party's uuid. */
  party: string;
  status: SubmissionStatus;
  title?: string;
  /** Days since it entered its status (its last status step on the timeline). */
  daysAgo?: number;
  answerDueOn?: string | null;
  /** The department's uuid, for a referred matter. */
  referredTo?: string | null;
  /** The agenda item's uuid, for a scheduled matter. */
  agendaItem?: string | null;
}

/**
 * A matter in the given status, written directly (the workflow's mutations are another helper's), with the
 * timeline step that put it there, so the queue's "days waiting" has what it reads.
 */
export async function matterIn(server: TestServer, spec: MatterSpec): Promise<{ id: string; uuid: string }> {
  const em = server.orm.em.fork();
  const at = new Date(Date.now() - (spec.daysAgo ?? 0) * DAY);
  const submitted = spec.status !== SubmissionStatus.DRAFT;
  const submission = em.create(Submission, {
    party: spec.party,
    kind: SubmissionKind.OBSTACLE,
    title: spec.title ?? `Ärende ${spec.status}`,
    description: 'Beskrivning.',
    status: spec.status,
    createdAt: at,
    updatedAt: at,
    submittedAt: submitted ? at : null,
    answerDueOn: spec.answerDueOn ?? null,
    referredTo: spec.referredTo ?? null,
    agendaItem: spec.agendaItem ?? null,
  });
  if (submitted) {
    em.create(SubmissionEvent, {
      submission,
      action: null,
      toStatus: spec.status,
      actor: null,
      occurredAt: at,
    });
  }
  await em.flush();
  return { id: toGlobalId('Submission', submission.id), uuid: submission.id };
}

/** A party whose contact is signed in: its global id, uuid and the contact's cookie. */
export async function partyWithMember(server: TestServer, name = 'Föreningen Kön') {
  const contact = await partyWithContact(server, name);
  return { cookie: contact.cookie, partyId: contact.partyId, partyUuid: uuidOf(contact.partyId) };
}

/** A municipal department and its C-nätet representative, signed in. */
export async function departmentWithRepresentative(server: TestServer, name = 'Förvaltningen') {
  const person = await registerPerson(server);
  const em = server.orm.em.fork();
  const department = em.create(Party, {
    name: `${name} ${Date.now()}`,
    kind: PartyKind.MUNICIPAL_DEPARTMENT,
  });
  em.create(CNatetRepresentative, { department, person: person.personId });
  await em.flush();
  return { cookie: person.cookie, departmentUuid: department.id };
}

/** An agenda item of a Samverkansrådet meeting starting in `days` days. */
export async function councilAgendaItem(server: TestServer, days: number): Promise<string> {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const startsAt = new Date(Date.now() + days * DAY);
  const meeting = em.create(Meeting, {
    forum,
    title: `Samverkansrådet om ${days} dagar`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
    status: MeetingStatus.AGENDA_PUBLISHED,
  });
  const item = em.create(AgendaItem, {
    meeting,
    position: 1,
    title: 'Anmälda ärenden',
    kind: AgendaItemKind.DISCUSSION,
    plannedMinutes: 10,
  });
  await em.flush();
  return item.id;
}
