import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CompilationVerdict,
  DEFAULT_CONSULTATION_SERIES,
  DEFAULT_REGISTRATION_PATTERN,
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationReplyKind,
  InvitationStatus,
  OccasionMode,
  ParticipantStatus,
  PartyKind,
  PrincipleKey,
  ProcessStage,
  ProposalStance,
  formatRegistrationNumber,
  stockholmDate,
  stockholmYear,
} from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';
import { InvitationInvitee } from './invitation-invitee.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { OccasionParticipant } from './occasion-participant.entity.js';
import { InvitationReply } from './invitation-reply.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';
import { InvitationEvent } from './invitation-event.entity.js';

const DAY = 24 * 3600 * 1000;
const KFF = 'Kultur- och fritidsförvaltningen';
const SOC = 'Socialförvaltningen';
const FR = 'Örebro Föreningsråd';
const VIVALLA = 'Vivalla Kvinnoförening';
const BILDNING = 'Studieförbundet Bildning Örebro';

/** The end of a date in Stockholm (the next day's midnight there), as a "last day" counts. */
export function endOfStockholmDay(date: string): Date {
  const nextMidnightUtc = Date.parse(`${date}T00:00:00Z`) + DAY;
  // Stockholm is an hour or two ahead of UTC: its midnight comes that many hours before UTC's.
  const hoursAhead = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(nextMidnightUtc)),
  );
  return new Date(nextMidnightUtc - hoursAhead * 3600 * 1000);
}

/** An occasion `days` from now (negative: past), from 17:00 to 19:00 UTC. */
interface DemoOccasion {
  inDays: number;
  mode: OccasionMode;
  capacity?: number;
  /** Registration closes this many days before the occasion. */
  closesBefore: number;
  participants?: { party: string; name: string; needs?: string; waiting?: boolean }[];
}

interface DemoInvitation {
  party: string;
  kind: InvitationKind;
  title: string;
  process: string;
  stage: ProcessStage;
  decisionInDays?: number;
  decidingBody?: string;
  inputWanted: string;
  principles: PrincipleKey[];
  areas: string[];
  audience: InvitationAudience;
  partyKinds?: PartyKind[];
  named?: string[];
  contactName: string;
  contactDetails: string;
  status: InvitationStatus;
  /** Days ago it was published (none: a draft). */
  publishedDaysAgo?: number;
  occasions?: DemoOccasion[];
  replies?: { party: string; kind: InvitationReplyKind; text: string }[];
  deadlineInDays?: number;
  proposals?: string[];
  responses?: {
    party: string;
    text: string;
    stances: ProposalStance[];
    verdict?: CompilationVerdict;
    verdictReason?: string;
    withheld?: boolean;
    /** The demo account that wrote it. */
    author?: string;
  }[];
  compilation?: { daysAgo: number; summary: string };
  feedback?: { daysAgo: number; text: string };
  closedDaysAgo?: number;
  cancelled?: { daysAgo: number; reason: string };
}

const INVITATIONS: DemoInvitation[] = [
  {
    party: KFF,
    kind: InvitationKind.DIALOGUE,
    title: 'Dialog om ny idrotts- och fritidsplan 2027',
    process: 'Idrotts- och fritidsplan för Örebro kommun 2027–2030',
    stage: ProcessStage.IDEA,
    decisionInDays: 210,
    decidingBody: 'Kultur- och fritidsnämnden',
    inputWanted:
      'Vi börjar arbetet med en ny idrotts- och fritidsplan och vill höra föreningarna innan vi skriver något. ' +
      'Vilka behov av lokaler och anläggningar ser ni, och hur når vi barn och unga som inte är med i någon förening?',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.LONG_TERM],
    areas: ['idrott', 'barn och unga', 'kultur', 'föreningsliv'],
    audience: InvitationAudience.AREAS_OF_INTEREST,
    contactName: 'Anders Nilsson',
    contactDetails: 'forvaltning@samverka.example',
    status: InvitationStatus.PUBLISHED,
    publishedDaysAgo: 4,
    occasions: [
      {
        inDays: 14,
        mode: OccasionMode.IN_PERSON,
        capacity: 30,
        closesBefore: 3,
        participants: [
          { party: BILDNING, name: 'Johan Ek' },
          { party: BILDNING, name: 'Lisa Öberg', needs: 'Vegetarisk mat' },
          { party: FR, name: 'Erik Holm', needs: 'Hörslinga' },
        ],
      },
      { inDays: 21, mode: OccasionMode.DIGITAL, closesBefore: 1 },
    ],
    replies: [
      {
        party: FR,
        kind: InvitationReplyKind.INPUT,
        text: 'Föreningarna efterfrågar fler tider i skolornas idrottshallar på helger, och en enklare bokning.',
      },
    ],
  },
  {
    party: SOC,
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: riktlinjer för idéburet offentligt partnerskap (IOP)',
    process: 'Riktlinjer för idéburet offentligt partnerskap',
    stage: ProcessStage.PROPOSAL,
    decisionInDays: 90,
    decidingBody: 'Kommunstyrelsen',
    inputWanted:
      'Förslaget till riktlinjer beskriver när kommunen ingår IOP med en idéburen organisation och hur ' +
      'partnerskapet följs upp. Vi vill ha era synpunkter på de tre förslagen.',
    principles: [PrincipleKey.INDEPENDENCE, PrincipleKey.LONG_TERM],
    areas: ['social välfärd', 'föreningsliv'],
    audience: InvitationAudience.ALL_PARTIES,
    contactName: 'Per Lindqvist',
    contactDetails: '019-21 10 00',
    status: InvitationStatus.PUBLISHED,
    publishedDaysAgo: 3,
    // Shorter than the minimum: flagged to the coordinator.
    deadlineInDays: 25,
    proposals: [
      'IOP används när verksamheten bygger på organisationens eget initiativ',
      'Partnerskapen följs upp gemensamt en gång om året',
      'En gemensam mall för avtal om IOP',
    ],
  },
  {
    party: KFF,
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: nya regler för föreningsbidrag',
    process: 'Regler för föreningsbidrag från 2027',
    stage: ProcessStage.PROPOSAL,
    decisionInDays: -20,
    decidingBody: 'Kultur- och fritidsnämnden',
    inputWanted:
      'Förslaget slår ihop verksamhetsbidrag och lokalbidrag och inför ett nytt bidrag för nystartade föreningar.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.OPENNESS],
    areas: ['föreningsliv'],
    audience: InvitationAudience.ALL_PARTIES,
    contactName: 'Anders Nilsson',
    contactDetails: 'forvaltning@samverka.example',
    status: InvitationStatus.FEEDBACK_PUBLISHED,
    publishedDaysAgo: 130,
    deadlineInDays: -70,
    proposals: ['Verksamhetsbidrag och lokalbidrag slås ihop', 'Ett startbidrag för nya föreningar'],
    responses: [
      {
        party: FR,
        text: 'Föreningsrådet tillstyrker startbidraget men avstyrker att lokalbidraget slås ihop.',
        stances: [ProposalStance.OPPOSES, ProposalStance.SUPPORTS],
        verdict: CompilationVerdict.ADOPTED,
        verdictReason: 'Lokalbidraget behålls som eget bidrag, och startbidraget införs som föreslaget.',
      },
      {
        party: VIVALLA,
        text: 'Vi vill att bidraget också ska kunna sökas av nätverk utan organisationsnummer.',
        stances: [ProposalStance.NO_VIEW, ProposalStance.SUPPORTS],
        verdict: CompilationVerdict.NOT_ADOPTED,
        verdictReason:
          'Bidrag betalas bara till juridiska personer. Nätverk kan i stället söka via en förening som står bakom dem.',
      },
    ],
    compilation: {
      daysAgo: 50,
      summary:
        'Två svar kom in. Lokalbidraget behålls, startbidraget införs; nätverk hänvisas till en förening.',
    },
    feedback: {
      daysAgo: 45,
      text: 'Nämnden beslutade om de nya reglerna med de ändringar remissvaren ledde till. De gäller från januari.',
    },
  },
  {
    party: FR,
    kind: InvitationKind.DIALOGUE,
    title: 'Föreningarnas Hus framtid – samtal med förvaltningarna',
    process: 'Föreningsrådets verksamhetsplan för Föreningarnas Hus',
    stage: ProcessStage.INVESTIGATION,
    decisionInDays: 60,
    decidingBody: 'Föreningsrådets årsmöte',
    inputWanted:
      'Föreningsrådet bjuder in kommunens förvaltningar att samtala om hur Föreningarnas Hus kan bli en ' +
      'tillgänglig mötesplats för fler föreningar, och vad kommunen kan bidra med.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.DIVERSITY],
    areas: ['föreningsliv'],
    audience: InvitationAudience.PARTY_KINDS,
    partyKinds: [PartyKind.MUNICIPAL_DEPARTMENT, PartyKind.MUNICIPAL_BOARD],
    contactName: 'Erik Holm',
    contactDetails: 'ordforande@samverka.example',
    status: InvitationStatus.HELD,
    publishedDaysAgo: 80,
    // Held 45 days ago and no feedback yet: overdue.
    occasions: [
      {
        inDays: -45,
        mode: OccasionMode.IN_PERSON,
        capacity: 12,
        closesBefore: 5,
        participants: [
          { party: KFF, name: 'Anders Nilsson' },
          { party: SOC, name: 'Per Lindqvist', needs: 'Glutenfritt' },
        ],
      },
    ],
  },
  {
    party: KFF,
    kind: InvitationKind.DIALOGUE,
    title: 'Sommarlovsaktiviteter 2026',
    process: 'Sommarlovsprogram för barn och unga',
    stage: ProcessStage.FOLLOW_UP,
    decisionInDays: -90,
    decidingBody: 'Kultur- och fritidsförvaltningen',
    inputWanted:
      'Hur gick sommarlovet? Vi vill höra vad som fungerade och vad vi bör göra annorlunda nästa år.',
    principles: [PrincipleKey.QUALITY],
    areas: ['barn och unga'],
    audience: InvitationAudience.NAMED_PARTIES,
    named: [BILDNING, VIVALLA],
    contactName: 'Anders Nilsson',
    contactDetails: 'forvaltning@samverka.example',
    status: InvitationStatus.CLOSED,
    publishedDaysAgo: 140,
    occasions: [
      {
        inDays: -110,
        mode: OccasionMode.DIGITAL,
        closesBefore: 2,
        participants: [{ party: VIVALLA, name: 'Leila Haddad' }],
      },
    ],
    replies: [
      {
        party: BILDNING,
        kind: InvitationReplyKind.INPUT,
        text: 'Cirklarna i parkerna nådde många, men informationen kom ut för sent.',
      },
    ],
    feedback: {
      daysAgo: 95,
      text: 'Programmet för nästa sommar publiceras i april, och föreningarna får anmäla aktiviteter från mars.',
    },
    closedDaysAgo: 90,
  },
  {
    party: BILDNING,
    kind: InvitationKind.DIALOGUE,
    title: 'Folkbildningens roll i det lokala demokratiarbetet',
    process: 'Studieförbundets plan för demokratiarbete 2027',
    stage: ProcessStage.IDEA,
    decisionInDays: 120,
    decidingBody: 'Studieförbundets styrelse',
    inputWanted:
      'Vi vill höra kommunen och andra föreningar om hur vi tillsammans når unga förstagångsväljare.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.INDEPENDENCE],
    areas: ['demokrati', 'folkbildning'],
    audience: InvitationAudience.ALL_PARTIES,
    contactName: 'Eva Lund',
    contactDetails: 'studieforbund@samverka.example',
    status: InvitationStatus.REGISTRATION_CLOSED,
    publishedDaysAgo: 20,
    occasions: [
      {
        inDays: 3,
        mode: OccasionMode.IN_PERSON,
        capacity: 2,
        closesBefore: 1,
        participants: [
          { party: FR, name: 'Erik Holm' },
          { party: KFF, name: 'Anders Nilsson' },
          { party: VIVALLA, name: 'Leila Haddad', waiting: true },
        ],
      },
    ],
  },
  {
    party: SOC,
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: handlingsplan mot ofrivillig ensamhet bland äldre',
    process: 'Handlingsplan mot ofrivillig ensamhet',
    stage: ProcessStage.PROPOSAL,
    decisionInDays: 40,
    decidingBody: 'Vård- och omsorgsnämnden',
    inputWanted: 'Vilka av förslagen kan föreningarna bidra till, och vad saknas?',
    principles: [PrincipleKey.QUALITY, PrincipleKey.DIVERSITY],
    areas: ['social välfärd'],
    audience: InvitationAudience.ALL_PARTIES,
    contactName: 'Per Lindqvist',
    contactDetails: '019-21 10 00',
    status: InvitationStatus.DEADLINE_PASSED,
    publishedDaysAgo: 60,
    deadlineInDays: -5,
    proposals: ['Träffpunkter i varje stadsdel', 'Besöksvänner genom föreningarna'],
    responses: [
      {
        party: FR,
        text: 'Föreningarna kan ordna besöksvänner om kommunen står för utbildningen.',
        stances: [ProposalStance.SUPPORTS, ProposalStance.SUPPORTS],
      },
    ],
  },
  {
    party: KFF,
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: kulturstrategi för Örebro 2027–2030',
    process: 'Kulturstrategi för Örebro kommun 2027–2030',
    stage: ProcessStage.PROPOSAL,
    decisionInDays: 45,
    decidingBody: 'Kultur- och fritidsnämnden',
    inputWanted:
      'Förslaget till kulturstrategi pekar ut var kommunen ska satsa de närmaste åren. Vi vill veta vad ni ' +
      'tycker om de två förslagen och vad som saknas.',
    principles: [PrincipleKey.DIALOGUE, PrincipleKey.DIVERSITY],
    areas: ['kultur', 'integration', 'folkbildning'],
    audience: InvitationAudience.ALL_PARTIES,
    contactName: 'Anders Nilsson',
    contactDetails: 'forvaltning@samverka.example',
    // The deadline passed yesterday and the responses wait for the compilation.
    status: InvitationStatus.DEADLINE_PASSED,
    publishedDaysAgo: 50,
    deadlineInDays: -1,
    proposals: ['Kulturhus i varje stadsdel', 'Avgiftsfri kulturskola för alla barn'],
    responses: [
      {
        party: VIVALLA,
        text: 'Ett kulturhus i Vivalla skulle bli en mötesplats för kvinnor som i dag saknar en.',
        stances: [ProposalStance.SUPPORTS, ProposalStance.SUPPORTS],
        author: 'forening@samverka.example',
      },
      {
        party: BILDNING,
        text: 'Studieförbunden har redan lokaler i stadsdelarna; bygg på dem i stället för nya hus.',
        stances: [ProposalStance.OPPOSES, ProposalStance.SUPPORTS],
        author: 'studieforbund@samverka.example',
      },
    ],
  },
  {
    party: BILDNING,
    kind: InvitationKind.DIALOGUE,
    title: 'Kulturnatt i Vivalla – planeringsmöte',
    process: 'Kulturnatt 2026',
    stage: ProcessStage.PROPOSAL,
    inputWanted: 'Ett planeringsmöte för kulturnatten med kommunen och föreningarna i Vivalla.',
    principles: [PrincipleKey.DIVERSITY],
    areas: ['kultur'],
    audience: InvitationAudience.AREAS_OF_INTEREST,
    contactName: 'Eva Lund',
    contactDetails: 'studieforbund@samverka.example',
    status: InvitationStatus.CANCELLED,
    publishedDaysAgo: 30,
    occasions: [{ inDays: 10, mode: OccasionMode.IN_PERSON, capacity: 25, closesBefore: 2 }],
    cancelled: {
      daysAgo: 7,
      reason: 'Kulturnatten flyttas till våren; vi bjuder in på nytt när datumet är bestämt.',
    },
  },
  {
    party: VIVALLA,
    kind: InvitationKind.DIALOGUE,
    title: 'Språkcafé för nyanlända föräldrar – samtal med förvaltningarna',
    process: 'Föreningens språkcafé hösten 2027',
    stage: ProcessStage.IDEA,
    inputWanted: 'Hur kan skolan och socialtjänsten hänvisa föräldrar till språkcaféet?',
    principles: [PrincipleKey.DIALOGUE],
    areas: ['integration'],
    audience: InvitationAudience.PARTY_KINDS,
    partyKinds: [PartyKind.MUNICIPAL_DEPARTMENT],
    contactName: 'Maja Berg',
    contactDetails: 'forening@samverka.example',
    status: InvitationStatus.DRAFT,
    occasions: [{ inDays: 40, mode: OccasionMode.DIGITAL, closesBefore: 3 }],
  },
];

/**
 * Seeds the demo invitations once, after the parties: both sides inviting, every status, occasions with
 * seats and a waiting list, input, consultations with responses (one compiled, one awaiting its compilation),
 * feedback in time and one overdue. Their history entries record the steps, with no one as actor.
 */
export async function seedDemoInvitations(em: EntityManager): Promise<boolean> {
  if (await em.count(Invitation, {})) return false;
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const dateIn = (days: number) => stockholmDate(at(days));
  let wrote = false;
  await em.transactional(async (tx) => {
    const names = [...new Set(INVITATIONS.flatMap(partyNamesOf))];
    const parties = await tx.find(Party, { name: { $in: names } });
    if (parties.length < names.length) return;
    const party = (name: string) => parties.find((p) => p.name === name)!;
    // The demo contact whose address an invitation gives started it, when that person has an account.
    const contacts = await tx.find(Person, {
      email: [
        ...new Set([
          ...INVITATIONS.map((demo) => demo.contactDetails).filter((c) => c.includes('@')),
          ...INVITATIONS.flatMap((demo) => (demo.responses ?? []).flatMap((r) => r.author ?? [])),
        ]),
      ],
    });
    const lastByYear = new Map<number, number>();

    for (const demo of INVITATIONS) {
      const publishedAt = demo.publishedDaysAgo === undefined ? null : at(-demo.publishedDaysAgo);
      const created = at(-(demo.publishedDaysAgo ?? 1) - 2);
      const occasionEnds = (demo.occasions ?? []).map((o) => at(o.inDays).getTime() + 2 * 3600 * 1000);
      const deadline = demo.deadlineInDays === undefined ? null : dateIn(demo.deadlineInDays);
      const concludesAt = deadline
        ? endOfStockholmDay(deadline)
        : occasionEnds.length
          ? new Date(Math.max(...occasionEnds))
          : null;
      const invitation = tx.create(Invitation, {
        party: party(demo.party),
        kind: demo.kind,
        title: demo.title,
        process: demo.process,
        stage: demo.stage,
        plannedDecisionOn: demo.decisionInDays === undefined ? null : dateIn(demo.decisionInDays),
        decidingBody: demo.decidingBody ?? null,
        inputWanted: demo.inputWanted,
        principles: demo.principles,
        areas: demo.areas,
        audience: demo.audience,
        partyKinds: demo.partyKinds ?? [],
        contactName: demo.contactName,
        contactDetails: demo.contactDetails,
        status: demo.status,
        responseDeadline: deadline,
        createdBy: contacts.find((person) => person.email === demo.contactDetails) ?? null,
        createdAt: created,
        updatedAt: publishedAt ?? created,
        publishedAt,
        concludesAt,
        feedback: demo.feedback?.text ?? null,
        feedbackPublishedAt: demo.feedback ? at(-demo.feedback.daysAgo) : null,
        compilationSummary: demo.compilation?.summary ?? null,
        compilationPublishedAt: demo.compilation ? at(-demo.compilation.daysAgo) : null,
        cancelReason: demo.cancelled?.reason ?? null,
        closedAt:
          demo.closedDaysAgo !== undefined
            ? at(-demo.closedDaysAgo)
            : demo.cancelled
              ? at(-demo.cancelled.daysAgo)
              : null,
      });
      if (publishedAt && demo.kind === InvitationKind.CONSULTATION) {
        const year = stockholmYear(publishedAt);
        const number = (lastByYear.get(year) ?? 0) + 1;
        lastByYear.set(year, number);
        Object.assign(invitation, {
          registrationSeries: DEFAULT_CONSULTATION_SERIES,
          registrationYear: year,
          registrationSequence: number,
          registrationNumber: formatRegistrationNumber(
            DEFAULT_REGISTRATION_PATTERN,
            DEFAULT_CONSULTATION_SERIES,
            number,
            year,
          ),
        });
      }
      for (const name of demo.named ?? []) tx.create(InvitationInvitee, { invitation, party: party(name) });

      const steps: {
        daysAgo: number;
        action: InvitationAction;
        from?: InvitationStatus;
        to?: InvitationStatus;
        party?: string;
        text?: string;
      }[] = [];
      if (publishedAt) {
        steps.push({
          daysAgo: demo.publishedDaysAgo!,
          action: InvitationAction.PUBLISH,
          from: InvitationStatus.DRAFT,
          to: InvitationStatus.PUBLISHED,
        });
      }

      for (const demoOccasion of demo.occasions ?? []) {
        const startsAt = at(demoOccasion.inDays);
        const occasion = tx.create(InvitationOccasion, {
          invitation,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
          mode: demoOccasion.mode,
          link: demoOccasion.mode === OccasionMode.DIGITAL ? 'https://moten.orebro.example/dialog' : null,
          place:
            demoOccasion.mode === OccasionMode.IN_PERSON ? 'Föreningarnas Hus, Slottsgatan 1, Örebro' : null,
          accessibility:
            demoOccasion.mode === OccasionMode.IN_PERSON
              ? 'Entré i gatuplan med automatisk dörröppnare, hiss och hörslinga i stora salen.'
              : null,
          capacity: demoOccasion.capacity ?? null,
          registrationClosesOn: dateIn(demoOccasion.inDays - demoOccasion.closesBefore),
        });
        (demoOccasion.participants ?? []).forEach((participant, i) => {
          const registeredDaysAgo = (demo.publishedDaysAgo ?? 0) - 1 - i;
          tx.create(OccasionParticipant, {
            occasion,
            party: party(participant.party),
            name: participant.name,
            needs: participant.needs ?? null,
            status: participant.waiting ? ParticipantStatus.WAITING : ParticipantStatus.REGISTERED,
            sequence: i + 1,
            registeredAt: at(-registeredDaysAgo),
          });
          steps.push({
            daysAgo: registeredDaysAgo,
            action: InvitationAction.REGISTER,
            party: participant.party,
          });
        });
      }
      (demo.replies ?? []).forEach((reply, i) => {
        const daysAgo = (demo.publishedDaysAgo ?? 0) - 2 - i;
        tx.create(InvitationReply, {
          invitation,
          party: party(reply.party),
          kind: reply.kind,
          text: reply.text,
          createdAt: at(-daysAgo),
        });
        steps.push({ daysAgo, action: InvitationAction.REPLY, party: reply.party, text: reply.text });
      });

      // Made and persisted by hand: the entity's globalId getter is not among its optional properties.
      const proposals = (demo.proposals ?? []).map((title, i) => {
        const proposal = Object.assign(new ConsultationProposal(), {
          invitation: ref(invitation),
          position: i + 1,
          title,
        });
        tx.persist(proposal);
        return proposal;
      });
      (demo.responses ?? []).forEach((demoResponse, i) => {
        const daysAgo = (demo.publishedDaysAgo ?? 0) - 5 - i;
        const response = tx.create(ConsultationResponse, {
          invitation,
          party: party(demoResponse.party),
          text: demoResponse.text,
          withheld: demoResponse.withheld ?? false,
          author: contacts.find((person) => person.email === demoResponse.author) ?? null,
          submittedAt: at(-daysAgo),
          updatedAt: at(-daysAgo),
          verdict: demoResponse.verdict ?? null,
          verdictReason: demoResponse.verdictReason ?? null,
        });
        proposals.forEach((proposal, p) =>
          tx.create(ConsultationPosition, { response, proposal, stance: demoResponse.stances[p]! }),
        );
        steps.push({ daysAgo, action: InvitationAction.RESPOND, party: demoResponse.party });
      });

      const last = (demo.occasions ?? []).reduce((max, o) => Math.max(max, o.inDays), -Infinity);
      if (demo.status === InvitationStatus.REGISTRATION_CLOSED) {
        // The inviter closed it a day ago, before the last day: the seats were taken.
        steps.push({
          daysAgo: 1,
          action: InvitationAction.CLOSE_REGISTRATION,
          from: InvitationStatus.PUBLISHED,
          to: InvitationStatus.REGISTRATION_CLOSED,
        });
      }
      if (demo.kind === InvitationKind.DIALOGUE && publishedAt && last < 0 && !demo.cancelled) {
        steps.push({
          daysAgo: -last,
          action: InvitationAction.MARK_HELD,
          from: InvitationStatus.PUBLISHED,
          to: InvitationStatus.HELD,
        });
      }
      if (demo.deadlineInDays !== undefined && demo.deadlineInDays < 0) {
        steps.push({
          daysAgo: -demo.deadlineInDays - 1,
          action: InvitationAction.PASS_DEADLINE,
          from: InvitationStatus.PUBLISHED,
          to: InvitationStatus.DEADLINE_PASSED,
        });
      }
      if (demo.compilation) {
        steps.push({
          daysAgo: demo.compilation.daysAgo,
          action: InvitationAction.COMPILE,
          text: demo.compilation.summary,
        });
      }
      if (demo.feedback) {
        const from =
          demo.kind === InvitationKind.CONSULTATION
            ? InvitationStatus.DEADLINE_PASSED
            : InvitationStatus.HELD;
        steps.push({
          daysAgo: demo.feedback.daysAgo,
          action: InvitationAction.PUBLISH_FEEDBACK,
          from,
          to: InvitationStatus.FEEDBACK_PUBLISHED,
          text: demo.feedback.text,
        });
      }
      if (demo.closedDaysAgo !== undefined) {
        steps.push({
          daysAgo: demo.closedDaysAgo,
          action: InvitationAction.CLOSE,
          from: InvitationStatus.FEEDBACK_PUBLISHED,
          to: InvitationStatus.CLOSED,
        });
      }
      if (demo.cancelled) {
        steps.push({
          daysAgo: demo.cancelled.daysAgo,
          action: InvitationAction.CANCEL,
          from: InvitationStatus.PUBLISHED,
          to: InvitationStatus.CANCELLED,
          text: demo.cancelled.reason,
        });
      }
      for (const step of steps) {
        tx.create(InvitationEvent, {
          invitation,
          action: step.action,
          fromStatus: step.from ?? null,
          toStatus: step.to ?? null,
          actor: null,
          party: step.party ? party(step.party) : null,
          text: step.text ?? null,
          occurredAt: at(-step.daysAgo),
        });
      }
    }
    await tx.flush();
    for (const [year, last] of lastByYear) {
      await tx.getConnection().execute(
        `insert into registration_counter (series, year, last) values (?, ?, ?)
           on conflict (series, year) do update set last = greatest(registration_counter.last, excluded.last)`,
        [DEFAULT_CONSULTATION_SERIES, year, last],
        'run',
        tx.getTransactionContext(),
      );
    }
    wrote = true;
  });
  return wrote;
}

function partyNamesOf(demo: DemoInvitation): string[] {
  return [
    demo.party,
    ...(demo.named ?? []),
    ...(demo.occasions ?? []).flatMap((o) => (o.participants ?? []).map((p) => p.party)),
    ...(demo.replies ?? []).map((r) => r.party),
    ...(demo.responses ?? []).map((r) => r.party),
  ];
}
