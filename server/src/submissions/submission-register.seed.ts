import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgendaItemKind,
  DEFAULT_REGISTRATION_PATTERN,
  DEFAULT_REGISTRATION_SERIES,
  PrincipleKey,
  SubmissionAction,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
  formatRegistrationNumber,
} from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { DEMO_PEOPLE } from '../seed/demo-data.js';
import { Submission } from './submission.entity.js';
import { SubmissionEvent } from './submission-event.entity.js';
import { SubmissionCosignature } from './submission-cosignature.entity.js';

const DAY = 24 * 3600 * 1000;

/** What a timeline entry names beside the step. */
interface StepDetails {
  actor?: Person | null;
  party?: Party | string | null;
  text?: string;
  agendaItem?: AgendaItem;
}

/** One demo matter and the steps it went through, each `days` ago. */
interface DemoMatter {
  party: string;
  kind: SubmissionKind;
  title: string;
  description: string;
  principles: PrincipleKey[];
  commitments?: number[];
  /** Started by the demo member (of Vivalla Kvinnoförening). */
  byMember?: boolean;
  draftDaysAgo: number;
  submitted?: number;
  registered?: number;
  referredTo?: { party: string; days: number; dueInDays: number };
  /** Put on the upcoming meeting's item for submitted matters. */
  scheduled?: number;
  answered?: { days: number; text: string; inWriting: boolean };
  closed?: number;
  declined?: { days: number; reason: string };
  restricted?: number;
  cosignedBy?: { party: string; days: number }[];
}

const MATTERS: DemoMatter[] = [
  {
    party: 'Vivalla Kvinnoförening',
    kind: SubmissionKind.OBSTACLE,
    title: 'Kvällstider i Vivalla Folkets hus för föreningarnas lokaler',
    description:
      'Föreningarnas lokaler i Vivalla Folkets hus stänger klockan 18 på vardagar. Våra språkcaféer och ' +
      'läxhjälpen samlar kvinnor som arbetar dagtid, och de hinner inte komma. Vi ber rådet ta upp hur ' +
      'föreningarna kan få boka lokalerna på kvällstid utan att betala för vaktmästare själva.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.DIVERSITY],
    commitments: [3],
    byMember: true,
    draftDaysAgo: 9,
    submitted: 8,
    cosignedBy: [{ party: 'Studieförbundet Bildning Örebro', days: 6 }],
  },
  {
    party: 'Vivalla Kvinnoförening',
    kind: SubmissionKind.QUESTION,
    title: 'Hur når vi rätt handläggare när en bidragsansökan har fastnat?',
    description:
      'Föreningen har väntat på besked om verksamhetsbidrag sedan i våras. Kontaktvägen i e-tjänsten leder ' +
      'till en funktionsbrevlåda som inte svarar. Vi vill föra en dialog om en tydlig kontaktväg in i ' +
      'förvaltningen för föreningar som inte är vana vid kommunens system.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.OPENNESS],
    byMember: true,
    draftDaysAgo: 1,
  },
  {
    party: 'Örebro Föreningsråd',
    kind: SubmissionKind.QUESTION,
    title: 'Tidig dialog inför ändrade regler för föreningsbidrag',
    description:
      'Överenskommelsen lovar tidig dialog när kommunen förändrar villkor som berör civilsamhället. Vi ' +
      'vill veta när föreningarna bjuds in att lämna synpunkter på de nya reglerna för föreningsbidrag, ' +
      'innan förslaget går till nämnden.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.LONG_TERM],
    commitments: [1],
    draftDaysAgo: 120,
    submitted: 118,
    registered: 112,
    scheduled: 100,
    answered: {
      days: 90,
      inWriting: false,
      text:
        'Samverkansrådet beslutade att föreningarna bjuds in till två dialogmöten innan förslaget till nya ' +
        'regler remitteras. Kultur- och fritidsförvaltningen kallar till det första mötet.',
    },
    closed: 80,
    cosignedBy: [
      { party: 'Vivalla Kvinnoförening', days: 115 },
      { party: 'Studieförbundet Bildning Örebro', days: 114 },
    ],
  },
  {
    party: 'Studieförbundet Bildning Örebro',
    kind: SubmissionKind.OBSTACLE,
    title: 'Lokalhyran i skolornas matsalar har höjts kraftigt',
    description:
      'Studiecirklar som hålls i skolornas matsalar på kvällstid har fått en ny taxa som är tre gånger ' +
      'högre än tidigare. Flera cirklar har lagts ned. Vi ber rådet att se över hur lokaler kan upplåtas ' +
      'till ideella föreningar till självkostnadspris.',
    principles: [PrincipleKey.LONG_TERM, PrincipleKey.QUALITY],
    commitments: [3],
    draftDaysAgo: 75,
    submitted: 74,
    registered: 70,
    referredTo: { party: 'Kultur- och fritidsförvaltningen', days: 68, dueInDays: 30 },
    answered: {
      days: 40,
      inWriting: true,
      text:
        'Kultur- och fritidsförvaltningen har tillsammans med skolförvaltningen beslutat att ideella ' +
        'föreningar betalar den tidigare taxan för kvällsbokningar under resten av året, medan en ny ' +
        'lokalpolicy tas fram i dialog med föreningarna.',
    },
  },
  {
    party: 'Örebro Föreningsråd',
    kind: SubmissionKind.PROPOSAL,
    title: 'Gemensam kalender för dialogmöten mellan kommunen och föreningarna',
    description:
      'Inbjudningar till dialog sprids i dag via nyhetsbrev och mejl till enskilda föreningar. Vi föreslår ' +
      'en gemensam kalender där alla dialogmöten och remisser med sista svarsdag syns på ett ställe.',
    principles: [PrincipleKey.OPENNESS, PrincipleKey.DIALOGUE],
    commitments: [2],
    draftDaysAgo: 30,
    submitted: 29,
    registered: 25,
    scheduled: 10,
  },
  {
    party: 'Studieförbundet Bildning Örebro',
    kind: SubmissionKind.QUESTION,
    title: 'Uppföljning av kartläggningen av civilsamhällets förutsättningar',
    description:
      'Kartläggningen i aktivitetsplanen fick många svar från föreningarna. Vi undrar hur resultaten ska ' +
      'återkopplas till dem som svarade och vilka åtgärder rådet planerar utifrån dem.',
    principles: [PrincipleKey.QUALITY, PrincipleKey.OPENNESS],
    draftDaysAgo: 20,
    submitted: 19,
    registered: 15,
  },
  {
    party: 'Örebro Föreningsråd',
    kind: SubmissionKind.QUESTION,
    title: 'Mötesplatser för unga i norra Örebro under sommaren',
    description:
      'Flera fritidsgårdar i norr har stängt under sommaren. Föreningarna vill veta om kommunen kan ' +
      'upplåta lokaler så att föreningarna själva kan hålla öppet för unga i juli.',
    principles: [PrincipleKey.DIVERSITY, PrincipleKey.DIALOGUE],
    draftDaysAgo: 4,
    submitted: 3,
  },
  {
    party: 'Vivalla Kvinnoförening',
    kind: SubmissionKind.OBSTACLE,
    title: 'Enskild förenings tvist med hyresvärd',
    description:
      'Ärendet gäller en namngiven förenings hyresavtal och enskilda personers uppgifter. Föreningen har ' +
      'bett att det hanteras utan publicering.',
    principles: [PrincipleKey.INDEPENDENCE],
    draftDaysAgo: 50,
    submitted: 49,
    restricted: 47,
    registered: 46,
  },
  {
    party: 'Studieförbundet Bildning Örebro',
    kind: SubmissionKind.PROPOSAL,
    title: 'Kommunen bör ta över driften av studieförbundets kurser',
    description:
      'Vi föreslår att kommunen anställer cirkelledarna och driver kurserna i egen regi, så att ' +
      'studieförbundet slipper söka bidrag varje år.',
    principles: [PrincipleKey.INDEPENDENCE],
    draftDaysAgo: 60,
    submitted: 59,
    declined: {
      days: 55,
      reason:
        'Förslaget rör kommunens egen organisation och faller utanför överenskommelsen, som bygger på ' +
        'föreningarnas självständighet. Vi tar gärna upp bidragsfrågan som en fråga för dialog.',
    },
  },
  {
    party: 'Örebro Föreningsråd',
    kind: SubmissionKind.OBSTACLE,
    title: 'Föreningarnas Hus saknar tillgänglig entré',
    description:
      'Entrén till Föreningarnas Hus har en tung dörr utan automatisk öppnare, och hissen är ofta ur ' +
      'funktion. Föreningar för personer med funktionsnedsättning kan inte hålla sina möten där.',
    principles: [PrincipleKey.DIVERSITY, PrincipleKey.QUALITY],
    draftDaysAgo: 200,
    submitted: 198,
    registered: 190,
    referredTo: { party: 'Kultur- och fritidsförvaltningen', days: 185, dueInDays: 45 },
    answered: {
      days: 150,
      inWriting: true,
      text:
        'En automatisk dörröppnare har monterats och hissen har fått ett serviceavtal med åtgärd inom ett ' +
        'dygn. Förvaltningen följer upp med föreningarna efter tre månader.',
    },
    closed: 140,
  },
];

/**
 * Seeds the demo matters once, each with the timeline of the steps it went through, and the registration
 * counter after the numbers they took: the register, the feed and the answer times then have something to show.
 */
export async function seedDemoSubmissions(em: EntityManager): Promise<boolean> {
  if (await em.count(Submission, {})) return false;
  await em.transactional(async (tx) => {
    const parties = await tx.find(Party, { name: { $in: [...new Set(MATTERS.flatMap(partyNames))] } });
    if (!parties.length) return;
    const party = (name: string) => parties.find((p) => p.name === name);
    const [coordinator, member] = await Promise.all([
      tx.findOne(Person, { email: DEMO_PEOPLE.coordinator.email }),
      tx.findOne(Person, { email: DEMO_PEOPLE.member.email }),
    ]);
    const councilItem = await tx.findOne(
      AgendaItem,
      {
        kind: AgendaItemKind.INFORMATION,
        title: 'Anmälda frågor från föreningarna',
        meeting: { startsAt: { $gt: new Date() } },
      },
      { orderBy: { meeting: { startsAt: 'asc' } } },
    );
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    // Numbers as registering in date order would have given them: per year, oldest first, without gaps.
    const numbers = new Map<DemoMatter, number>();
    const lastByYear = new Map<number, number>();
    for (const matter of MATTERS.filter((m) => m.registered !== undefined).sort(
      (a, b) => b.registered! - a.registered!,
    )) {
      const year = ago(matter.registered!).getFullYear();
      const number = (lastByYear.get(year) ?? 0) + 1;
      lastByYear.set(year, number);
      numbers.set(matter, number);
    }

    for (const matter of MATTERS) {
      const own = party(matter.party);
      if (!own) continue;
      const submission = tx.create(Submission, {
        party: own,
        kind: matter.kind,
        title: matter.title,
        description: matter.description,
        principles: matter.principles,
        commitments: matter.commitments ?? [],
        createdBy: matter.byMember ? member : null,
        createdAt: ago(matter.draftDaysAgo),
      });
      const submitter = matter.byMember ? member : null;
      const step = (
        days: number,
        action: SubmissionAction,
        to: SubmissionStatus | null,
        extra: StepDetails = {},
      ) => {
        const fromStatus = submission.status;
        if (to) submission.status = to;
        submission.updatedAt = ago(days);
        tx.create(SubmissionEvent, {
          submission,
          action,
          fromStatus: to ? fromStatus : null,
          toStatus: to,
          actor: null,
          occurredAt: ago(days),
          ...extra,
        });
      };
      if (matter.submitted !== undefined) {
        submission.submittedAt = ago(matter.submitted);
        step(matter.submitted, SubmissionAction.SUBMIT, SubmissionStatus.SUBMITTED, { actor: submitter });
      }
      for (const cosign of matter.cosignedBy ?? []) {
        const supporter = party(cosign.party);
        if (!supporter) continue;
        tx.create(SubmissionCosignature, { submission, party: supporter, signedAt: ago(cosign.days) });
        step(cosign.days, SubmissionAction.COSIGN, null, { party: supporter });
      }
      if (matter.restricted !== undefined) {
        submission.publication = SubmissionPublication.RESTRICTED;
        step(matter.restricted, SubmissionAction.DECIDE_PUBLICATION, null, {
          actor: coordinator,
          text: 'Ärendet hanteras utan publicering eftersom det innehåller uppgifter om enskilda personer.',
        });
      }
      if (matter.registered !== undefined) {
        const registeredAt = ago(matter.registered);
        const registeredYear = registeredAt.getFullYear();
        const number = numbers.get(matter)!;
        Object.assign(submission, {
          registeredAt,
          registrationSeries: DEFAULT_REGISTRATION_SERIES,
          registrationYear: registeredYear,
          registrationSequence: number,
          registrationNumber: formatRegistrationNumber(
            DEFAULT_REGISTRATION_PATTERN,
            DEFAULT_REGISTRATION_SERIES,
            number,
            registeredYear,
          ),
        });
        step(matter.registered, SubmissionAction.REGISTER, SubmissionStatus.REGISTERED, {
          actor: coordinator,
        });
      }
      if (matter.referredTo) {
        const department = party(matter.referredTo.party);
        submission.referredTo = department ? ref(department) : null;
        submission.answerDueOn = ago(matter.referredTo.days - matter.referredTo.dueInDays)
          .toISOString()
          .slice(0, 10);
        step(matter.referredTo.days, SubmissionAction.REFER, SubmissionStatus.REFERRED, {
          actor: coordinator,
          party: department ?? null,
        });
      }
      if (matter.scheduled !== undefined) {
        // Matters still waiting go on the upcoming meeting's item for submitted matters; the demo's past
        // meeting has no item of its own for the one it answered, so that scheduling names no item.
        const item = matter.answered ? null : councilItem;
        if (item) submission.agendaItem = ref(item);
        step(matter.scheduled, SubmissionAction.SCHEDULE, SubmissionStatus.SCHEDULED, {
          actor: coordinator,
          ...(item ? { agendaItem: item } : {}),
        });
      }
      if (matter.answered) {
        const { days, text, inWriting } = matter.answered;
        submission.answer = text;
        submission.answeredAt = ago(days);
        step(
          days,
          inWriting ? SubmissionAction.ANSWER_IN_WRITING : SubmissionAction.RECORD_MEETING_ANSWER,
          SubmissionStatus.ANSWERED,
          { party: inWriting ? (submission.referredTo?.id ?? null) : null, text },
        );
      }
      if (matter.closed !== undefined) {
        submission.closedAt = ago(matter.closed);
        step(matter.closed, SubmissionAction.CLOSE, SubmissionStatus.CLOSED, { actor: coordinator });
      }
      if (matter.declined) {
        submission.closedAt = ago(matter.declined.days);
        submission.statusReason = matter.declined.reason;
        step(matter.declined.days, SubmissionAction.DECLINE, SubmissionStatus.DECLINED, {
          actor: coordinator,
          text: matter.declined.reason,
        });
      }
    }
    await tx.flush();
    for (const [year, last] of lastByYear) {
      await tx.getConnection().execute(
        `insert into registration_counter (series, year, last) values (?, ?, ?)
           on conflict (series, year) do update set last = greatest(registration_counter.last, excluded.last)`,
        [DEFAULT_REGISTRATION_SERIES, year, last],
        'run',
        tx.getTransactionContext(),
      );
    }
  });
  return true;
}

function partyNames(matter: DemoMatter): string[] {
  return [
    matter.party,
    ...(matter.referredTo ? [matter.referredTo.party] : []),
    ...(matter.cosignedBy ?? []).map((c) => c.party),
  ];
}
