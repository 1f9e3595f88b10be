import { AgendaItemKind, AgendaItemStatus, MeetingStatus } from '@samverka/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../src/accounts/person.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { MeetingAdjuster } from '../src/meetings/meeting-adjuster.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import type { TestServer } from './helpers.js';

export const MINUTES_FIELDS = `status version openingNote closingNote viewerActions pdfUrl sentAt approvedAt publishedAt
  meeting { id title forumName chairName adjusterNames location }
  attendance { present { name } absent { name } changes { name arrived paragraph } }
  paragraphs { number title deferred decision minute }
  approvals { name role approvedAt correctionNote correctionRequestedAt }`;

export const MINUTES_QUERY = `query($id: ID!) { minutes(meetingId: $id) { ${MINUTES_FIELDS} } }`;

/** A mutation on the minutes with its input type, answering the minutes and the errors. */
export function minutesMutation(name: string, inputType: string) {
  return `mutation($input: ${inputType}!) { ${name}(input: $input) { minutes { ${MINUTES_FIELDS} } errors { field code message max } } }`;
}

export const DRAFT = minutesMutation('draftMinutes', 'DraftMinutesInput');
export const EDIT = minutesMutation('editMinutes', 'EditMinutesInput');
export const SEND = minutesMutation('sendMinutesForApproval', 'MinutesStepInput');
export const APPROVE = minutesMutation('approveMinutes', 'MinutesStepInput');
export const CORRECT = minutesMutation('requestMinutesCorrection', 'RequestMinutesCorrectionInput');
export const PUBLISH = minutesMutation('publishMinutes', 'MinutesStepInput');

export async function personId(em: EntityManager, who: keyof typeof DEMO_PEOPLE): Promise<string> {
  return (await em.findOneOrFail(Person, { email: DEMO_PEOPLE[who].email })).id;
}

/**
 * A closed meeting of Samverkansrådet chaired by the demo chair, with three items (one deferred) whose
 * outcomes were recorded, and the given adjusters (person uuids, in order). Returns its global id.
 */
export async function closedMeeting(server: TestServer, adjusters: string[] = []): Promise<string> {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const startsAt = new Date('2026-11-20T16:00:00Z');
  const meeting = em.create(Meeting, {
    forum,
    title: 'Samverkansrådets möte',
    startsAt,
    endsAt: new Date('2026-11-20T18:00:00Z'),
    startedAt: startsAt,
    closedAt: new Date('2026-11-20T17:40:00Z'),
    location: 'Rådhuset, Drottninggatan 9',
    status: MeetingStatus.CLOSED,
    chair: await personId(em, 'chair'),
  });
  const items = [
    { title: 'Mötets öppnande', decision: 'Mötet öppnades.', minute: null, status: AgendaItemStatus.DONE },
    {
      title: 'Rutin för uteslutning av aktör',
      decision: 'Rådet antar rutinen för uteslutning med ändringen i punkt 3.',
      minute: 'Frågan om överklagande utreds vidare.',
      status: AgendaItemStatus.DONE,
    },
    {
      title: 'Nätverk utan organisationsnummer',
      decision: null,
      minute: null,
      status: AgendaItemStatus.DEFERRED,
    },
  ];
  items.forEach((item, i) =>
    em.create(AgendaItem, {
      meeting,
      position: i + 1,
      kind: AgendaItemKind.DECISION,
      plannedMinutes: 10,
      ...item,
    }),
  );
  adjusters.forEach((person, i) => em.create(MeetingAdjuster, { meeting, person, position: i + 1 }));
  await em.flush();
  return toGlobalId('Meeting', meeting.id);
}

/** Row counts and contents of the minutes' tables, to assert that a refused step wrote nothing. */
export async function minutesTables(server: TestServer) {
  const connection = server.orm.em.fork().getConnection();
  return {
    minutes: await connection.execute(`select * from minutes order by id`),
    paragraphs: await connection.execute(`select * from minutes_paragraph order by id`),
    approvals: await connection.execute(`select * from minutes_approval order by id`),
    jobs: await connection.execute(
      `select count(*)::int as n from pgboss.job where name = 'minutes.approval-request-mail'`,
    ),
  };
}
