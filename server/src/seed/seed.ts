import type { EntityManager } from '@mikro-orm/postgresql';
import { AgendaItemStatus, MeetingStatus } from '@samverka/domain';
import { Agreement } from '../agreement/agreement.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { ActivityPlan } from '../activity-plan/activity-plan.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { hashPassword } from '../accounts/password.js';
import { seedStandardAgenda } from '../meeting-planning/standard-agenda.seed.js';
import { ACTIVITY_PLAN_2024, AGREEMENT_2024, FORUMS } from './agreement-text.js';
import {
  COUNCIL_SEATS,
  DEMO_PASSWORD,
  DEMO_PARTY_CONTACTS,
  DEMO_PEOPLE,
  PAST_AGENDA,
  UPCOMING_AGENDA,
  type DemoAgendaItem,
} from './demo-data.js';

const DAY = 24 * 3600 * 1000;

/** A day `days` from now at 17:00 Stockholm time (16:00 UTC in winter; close enough for a demo). */
function eveningIn(days: number): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(16, 0, 0, 0);
  return date;
}

function addAgenda(
  em: EntityManager,
  meeting: Meeting,
  items: DemoAgendaItem[],
  activities: Map<number, Activity>,
  done: boolean,
) {
  items.forEach((item, i) =>
    em.create(AgendaItem, {
      meeting,
      position: i + 1,
      title: item.title,
      kind: item.kind,
      presenter: item.presenter ?? null,
      plannedMinutes: item.plannedMinutes,
      activity: item.activity ? activities.get(item.activity) : null,
      status: done ? AgendaItemStatus.DONE : AgendaItemStatus.PENDING,
      decision: item.decision ?? null,
      minute: item.minute ?? null,
      elapsedSeconds: done ? item.plannedMinutes * 60 : 0,
    }),
  );
}

/** Seeds the agreement, forums, activity plan, Samverkansrådet and demo accounts once; later runs do nothing. */
export async function seedDemoData(em: EntityManager): Promise<boolean> {
  if (await em.count(Agreement, { registrationNumber: AGREEMENT_2024.registrationNumber })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    tx.create(Agreement, AGREEMENT_2024);
    const people = Object.fromEntries(
      Object.entries(DEMO_PEOPLE).map(([key, person]) => [
        key,
        tx.create(Person, { ...person, passwordHash }),
      ]),
    ) as Record<keyof typeof DEMO_PEOPLE, Person>;
    for (const contact of Object.values(DEMO_PARTY_CONTACTS)) tx.create(Person, { ...contact, passwordHash });
    const forums = FORUMS.map((forum, i) => tx.create(Forum, { ...forum, position: i + 1 }));
    const council = forums[0]!;
    seedStandardAgenda(tx, council);
    COUNCIL_SEATS.forEach((seat, i) =>
      tx.create(CouncilSeat, {
        forum: council,
        kind: seat.kind,
        holderName: seat.holderName,
        organisation: seat.organisation,
        person: seat.person ? people[seat.person] : null,
        position: i + 1,
      }),
    );
    const plan = tx.create(ActivityPlan, {
      title: ACTIVITY_PLAN_2024.title,
      startYear: ACTIVITY_PLAN_2024.startYear,
      endYear: ACTIVITY_PLAN_2024.endYear,
    });
    const activities = new Map(
      ACTIVITY_PLAN_2024.activities.map((activity) => [
        activity.number,
        tx.create(Activity, { ...activity, plan }),
      ]),
    );
    const past = tx.create(Meeting, {
      forum: council,
      title: 'Samverkansrådets möte',
      startsAt: eveningIn(-28),
      endsAt: new Date(eveningIn(-28).getTime() + 2 * 60 * 60 * 1000),
      startedAt: eveningIn(-28),
      closedAt: new Date(eveningIn(-28).getTime() + 55 * 60 * 1000),
      location: 'Föreningarnas Hus, Slottsgatan 13 A',
      status: MeetingStatus.CLOSED,
      chair: people.chair,
      summary:
        'Rådet fick en lägesrapport om kartläggningen av civilsamhällets förutsättningar och ställde sig bakom utkastet till karta över forum för samverkan.',
    });
    addAgenda(tx, past, PAST_AGENDA, activities, true);
    const upcoming = tx.create(Meeting, {
      forum: council,
      title: 'Samverkansrådets möte',
      startsAt: eveningIn(14),
      endsAt: new Date(eveningIn(14).getTime() + 2 * 60 * 60 * 1000),
      location: 'Rådhuset, Drottninggatan 9',
      status: MeetingStatus.AGENDA_PUBLISHED,
      chair: people.chair,
    });
    addAgenda(tx, upcoming, UPCOMING_AGENDA, activities, false);
    const draft = tx.create(Meeting, {
      forum: council,
      title: 'Samverkansrådets möte – uppföljning av aktivitetsplanen',
      startsAt: eveningIn(56),
      endsAt: new Date(eveningIn(56).getTime() + 2 * 60 * 60 * 1000),
      location: 'Vivalla Folkets hus, Poesigatan 10',
      status: MeetingStatus.DRAFT,
      chair: people.chair,
    });
    addAgenda(tx, draft, UPCOMING_AGENDA.slice(0, 3), activities, false);
  });
  return true;
}
