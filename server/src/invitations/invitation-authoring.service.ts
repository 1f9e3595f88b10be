import { ref } from '@mikro-orm/core';
import { chosenDocuments } from '../documents/document-choice.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_CONSULTATION_SERIES,
  DEFAULT_REGISTRATION_PATTERN,
  INVITATION_LIMITS,
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  NotificationKind,
  OccasionMode,
  PartyKind,
  PrincipleKey,
  ProcessStage,
  UserErrorCode,
  endOfStockholmDay,
  formatRegistrationNumber,
  isCalendarDate,
  normaliseText,
  stockholmDate,
  stockholmYear,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { Config } from '../config.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Document } from '../documents/document.entity.js';
import { DocumentAttachment } from '../documents/document-attachment.entity.js';
import { Invitation } from './invitation.entity.js';
import { InvitationInvitee } from './invitation-invitee.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { OccasionParticipant } from './occasion-participant.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';
import { invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';
import { takeInvitationStep, type InvitationStepInput } from './invitation-step-frame.js';

/** What the steps need besides the input: the outbox, the register's pattern, and (in tests) the time. */
export interface AuthoringContext {
  outbox?: Outbox;
  registration?: Config['registration'];
  now?: Date;
}

export interface OccasionContentInput {
  /** The occasion kept (uuid); null for a new one, '' for an id that was no occasion's. */
  id: string | null;
  startsAt: string;
  endsAt: string;
  mode: string;
  link?: string | null;
  place?: string | null;
  accessibility?: string | null;
  capacity?: number | null;
  registrationClosesOn: string;
}

export interface ProposalContentInput {
  id: string | null;
  title: string;
  description?: string | null;
}

/** An invitation's content as the form sends it; ids already uuids (null or '' when not of the right type). */
export interface InvitationContentInput {
  kind: string;
  title: string;
  process: string;
  stage: string;
  plannedDecisionOn: string | null;
  decidingBody: string | null;
  inputWanted: string;
  principles: readonly string[];
  areas: readonly string[];
  audience: string;
  partyKinds: readonly string[];
  namedPartyIds: readonly (string | null)[];
  contactName: string;
  contactDetails: string;
  documentIds: readonly (string | null)[];
  occasions: readonly OccasionContentInput[];
  proposals: readonly ProposalContentInput[];
  responseDeadline: string | null;
  registrationSeries: string | null;
}

export interface CreateInvitationDraftInput extends InvitationContentInput {
  partyId: string | null;
}

interface CheckedOccasion {
  id: string | null;
  startsAt: Date;
  endsAt: Date;
  mode: OccasionMode;
  link: string | null;
  place: string | null;
  accessibility: string | null;
  capacity: number | null;
  registrationClosesOn: string;
}

interface CheckedContent {
  kind: InvitationKind;
  title: string;
  process: string;
  stage: ProcessStage;
  plannedDecisionOn: string | null;
  decidingBody: string | null;
  inputWanted: string;
  principles: PrincipleKey[];
  areas: string[];
  audience: InvitationAudience;
  partyKinds: PartyKind[];
  namedPartyIds: string[];
  contactName: string;
  contactDetails: string;
  documents: Document[];
  occasions: CheckedOccasion[];
  proposals: { id: string | null; title: string; description: string | null }[];
  responseDeadline: string | null;
  registrationSeries: string | null;
}

/** An invitation being edited, with what it has now; null for a new draft. */
interface Existing {
  invitation: Invitation;
  occasions: InvitationOccasion[];
  proposals: ConsultationProposal[];
}

const valuesOf = (e: object) => Object.values(e) as string[];
const SERIES = /^[\p{L}\p{N} .-]{1,20}$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LINK = /^https?:\/\/[^\s]+$/;

/** Trims a text and checks it; null (with the problem noted) when missing, too long, or empty but optional. */
function checkedText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  max: number,
  missing: string | null,
): string | null {
  const text = normaliseText(value);
  if (!text) {
    if (missing) problems.add(field, missing, UserErrorCode.REQUIRED);
    return null;
  }
  if (text.length > max) {
    problems.tooLong(field, max);
    return null;
  }
  return text;
}

function checkedInstant(problems: InputProblems, field: string, value: string): Date | null {
  const at = INSTANT.test(value ?? '') ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) {
    problems.add(field, 'Ange datum och klockslag.', UserErrorCode.REQUIRED);
    return null;
  }
  return at;
}

function checkedChoice<T extends string>(
  problems: InputProblems,
  field: string,
  value: string,
  values: object,
  message: string,
): T | null {
  if (valuesOf(values).includes(value)) return value as T;
  problems.add(field, message, UserErrorCode.INVALID);
  return null;
}

/** A list of enumeration values: known, and each once. */
function checkedChoices<T extends string>(
  problems: InputProblems,
  field: string,
  list: readonly string[],
  values: object,
  unknown: string,
): T[] {
  if (list.some((value) => !valuesOf(values).includes(value))) {
    problems.add(field, unknown, UserErrorCode.INVALID);
  } else if (new Set(list).size !== list.length) {
    problems.add(field, 'Varje val kan göras en gång.', UserErrorCode.DUPLICATE);
  }
  return [...list] as T[];
}

/**
 * Checks every field at once, so the form shows all problems together. Dates are checked against now only
 * where they are new or changed: an occasion already held may stay on a published invitation.
 */
async function checkContent(
  tx: EntityManager,
  viewer: Viewer,
  partyId: string,
  input: InvitationContentInput,
  existing: Existing | null,
  now: Date,
): Promise<CheckedContent> {
  const problems = new InputProblems();
  const today = stockholmDate(now);
  const published = !!existing && existing.invitation.status !== InvitationStatus.DRAFT;
  const kind = checkedChoice<InvitationKind>(
    problems,
    'kind',
    input.kind,
    InvitationKind,
    'Välj dialog eller remiss.',
  );
  if (kind && published && kind !== existing.invitation.kind) {
    problems.add('kind', 'En publicerad inbjudan byter inte slag.', UserErrorCode.INVALID);
  }
  const L = INVITATION_LIMITS;
  const title = checkedText(problems, 'title', input.title, L.title, 'Ge inbjudan en rubrik.');
  const process = checkedText(
    problems,
    'process',
    input.process,
    L.process,
    'Ange vilken process det gäller.',
  );
  const stage = checkedChoice<ProcessStage>(
    problems,
    'stage',
    input.stage,
    ProcessStage,
    'Välj processens skede.',
  );
  const decidingBody = checkedText(problems, 'decidingBody', input.decidingBody, L.decidingBody, null);
  const inputWanted = checkedText(
    problems,
    'inputWanted',
    input.inputWanted,
    L.text,
    'Beskriv vilka synpunkter ni vill ha.',
  );
  const contactName = checkedText(
    problems,
    'contactName',
    input.contactName,
    L.shortText,
    'Ange en kontaktperson.',
  );
  const contactDetails = checkedText(
    problems,
    'contactDetails',
    input.contactDetails,
    L.shortText,
    'Ange e-post eller telefon till kontaktpersonen.',
  );
  if (contactName && contactName.length > 200) problems.tooLong('contactName', 200);
  if (contactDetails && contactDetails.length > 200) problems.tooLong('contactDetails', 200);

  let plannedDecisionOn: string | null = null;
  if (input.plannedDecisionOn) {
    if (!isCalendarDate(input.plannedDecisionOn)) {
      problems.add('plannedDecisionOn', 'Ange ett datum.', UserErrorCode.INVALID);
    } else if (
      input.plannedDecisionOn < today &&
      input.plannedDecisionOn !== existing?.invitation.plannedDecisionOn
    ) {
      problems.add('plannedDecisionOn', 'Datumet har redan passerat.', UserErrorCode.INVALID);
    } else {
      plannedDecisionOn = input.plannedDecisionOn;
    }
  }

  const principles = checkedChoices<PrincipleKey>(
    problems,
    'principles',
    input.principles,
    PrincipleKey,
    'Okänd princip.',
  );
  const areas = [...new Set(input.areas.map((area) => area.trim().toLowerCase()).filter(Boolean))];
  if (areas.length > L.areas) problems.tooLong('areas', L.areas, `Högst ${L.areas} intresseområden.`);
  areas.forEach((area) => {
    if (area.length > L.area) problems.tooLong('areas', L.area);
  });

  const audience = checkedChoice<InvitationAudience>(
    problems,
    'audience',
    input.audience,
    InvitationAudience,
    'Välj vilka som bjuds in.',
  );
  let partyKinds: PartyKind[] = [];
  let namedPartyIds: string[] = [];
  if (audience === InvitationAudience.PARTY_KINDS) {
    partyKinds = checkedChoices<PartyKind>(
      problems,
      'partyKinds',
      input.partyKinds,
      PartyKind,
      'Okänt slag av part.',
    );
    if (!partyKinds.length)
      problems.add('partyKinds', 'Välj minst ett slag av part.', UserErrorCode.REQUIRED);
  } else if (audience === InvitationAudience.AREAS_OF_INTEREST && !areas.length) {
    problems.add('areas', 'Ange minst ett intresseområde.', UserErrorCode.REQUIRED);
  } else if (audience === InvitationAudience.NAMED_PARTIES) {
    namedPartyIds = await checkNamedParties(tx, problems, input.namedPartyIds, partyId);
  }

  const documents = await chosenDocuments(
    tx,
    viewer,
    input.documentIds,
    'invitation',
    existing?.invitation.id ?? null,
    problems,
  );

  let occasions: CheckedOccasion[] = [];
  let proposals: CheckedContent['proposals'] = [];
  let responseDeadline: string | null = null;
  let registrationSeries: string | null = null;
  if (kind === InvitationKind.DIALOGUE) {
    occasions = await checkOccasions(tx, problems, input.occasions, existing, plannedDecisionOn, now);
    if (input.proposals.length)
      problems.add('proposals', 'Förslag hör till remisser.', UserErrorCode.INVALID);
    if (input.responseDeadline) {
      problems.add('responseDeadline', 'Sista svarsdag hör till remisser.', UserErrorCode.INVALID);
    }
  } else if (kind === InvitationKind.CONSULTATION) {
    if (input.occasions.length)
      problems.add('occasions', 'En remiss har inga tillfällen.', UserErrorCode.INVALID);
    proposals = await checkProposals(tx, problems, input.proposals, existing);
    if (!input.responseDeadline) {
      problems.add('responseDeadline', 'Ange sista svarsdag.', UserErrorCode.REQUIRED);
    } else if (!isCalendarDate(input.responseDeadline)) {
      problems.add('responseDeadline', 'Ange ett datum.', UserErrorCode.INVALID);
    } else if (
      input.responseDeadline < today &&
      input.responseDeadline !== existing?.invitation.responseDeadline
    ) {
      problems.add('responseDeadline', 'Datumet har redan passerat.', UserErrorCode.INVALID);
    } else if (plannedDecisionOn && input.responseDeadline > plannedDecisionOn) {
      problems.add(
        'responseDeadline',
        'Sista svarsdag kan inte ligga efter det planerade beslutet.',
        UserErrorCode.INVALID,
      );
    } else {
      responseDeadline = input.responseDeadline;
    }
    registrationSeries = normaliseText(input.registrationSeries) ?? DEFAULT_CONSULTATION_SERIES;
    if (!SERIES.test(registrationSeries)) {
      problems.add(
        'registrationSeries',
        'Serien består av högst 20 bokstäver eller siffror.',
        UserErrorCode.INVALID,
      );
    } else if (published && registrationSeries !== existing.invitation.registrationSeries) {
      problems.add('registrationSeries', 'Diarienumret är redan tilldelat.', UserErrorCode.INVALID);
    }
  }
  problems.throwIfAny();
  return {
    kind: kind!,
    title: title!,
    process: process!,
    stage: stage!,
    plannedDecisionOn,
    decidingBody,
    inputWanted: inputWanted!,
    principles,
    areas,
    audience: audience!,
    partyKinds,
    namedPartyIds,
    contactName: contactName!,
    contactDetails: contactDetails!,
    documents,
    occasions,
    proposals,
    responseDeadline,
    registrationSeries,
  };
}

async function checkNamedParties(
  tx: EntityManager,
  problems: InputProblems,
  ids: readonly (string | null)[],
  partyId: string,
): Promise<string[]> {
  if (!ids.length) {
    problems.add('namedPartyIds', 'Välj minst en part.', UserErrorCode.REQUIRED);
    return [];
  }
  const wanted = ids.filter((id): id is string => !!id);
  const found = wanted.length ? await tx.find(Party, { id: { $in: wanted } }) : [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!id || !found.some((party) => party.id === id)) {
      problems.add(`namedPartyIds.${index}`, 'Parten finns inte.', UserErrorCode.NOT_FOUND);
    } else if (seen.has(id)) {
      problems.add(`namedPartyIds.${index}`, 'Parten är redan vald.', UserErrorCode.DUPLICATE);
    } else if (id === partyId) {
      problems.add(`namedPartyIds.${index}`, 'Den egna parten bjuds inte in.', UserErrorCode.INVALID);
    }
    if (id) seen.add(id);
  });
  return [...seen];
}

async function checkOccasions(
  tx: EntityManager,
  problems: InputProblems,
  input: readonly OccasionContentInput[],
  existing: Existing | null,
  plannedDecisionOn: string | null,
  now: Date,
): Promise<CheckedOccasion[]> {
  if (!input.length) {
    problems.add('occasions', 'Lägg till minst ett tillfälle.', UserErrorCode.REQUIRED);
    return [];
  }
  if (input.length > INVITATION_LIMITS.occasions) {
    problems.tooLong(
      'occasions',
      INVITATION_LIMITS.occasions,
      `Högst ${INVITATION_LIMITS.occasions} tillfällen.`,
    );
    return [];
  }
  const published = !!existing && existing.invitation.status !== InvitationStatus.DRAFT;
  const today = stockholmDate(now);
  const kept = new Set<string>();
  const checked = input.map((occasion, index): CheckedOccasion => {
    const at = (field: string) => `occasions.${index}.${field}`;
    const before = occasion.id !== null ? existing?.occasions.find((o) => o.id === occasion.id) : undefined;
    if (occasion.id !== null) {
      if (!before) problems.add(at('id'), 'Tillfället finns inte.', UserErrorCode.NOT_FOUND);
      else if (kept.has(before.id))
        problems.add(at('id'), 'Tillfället finns två gånger.', UserErrorCode.DUPLICATE);
      else kept.add(before.id);
    }
    const startsAt = checkedInstant(problems, at('startsAt'), occasion.startsAt);
    const endsAt = checkedInstant(problems, at('endsAt'), occasion.endsAt);
    const moved = !before || startsAt?.getTime() !== before.startsAt.getTime();
    if (startsAt && moved && startsAt <= now) {
      problems.add(at('startsAt'), 'Tidpunkten har redan passerat.', UserErrorCode.INVALID);
    } else if (startsAt && plannedDecisionOn && stockholmDate(startsAt) > plannedDecisionOn) {
      problems.add(at('startsAt'), 'Tillfället ligger efter det planerade beslutet.', UserErrorCode.INVALID);
    }
    if (startsAt && endsAt && endsAt <= startsAt) {
      problems.add(at('endsAt'), 'Tillfället slutar innan det börjar.', UserErrorCode.INVALID);
    }
    const mode = checkedChoice<OccasionMode>(
      problems,
      at('mode'),
      occasion.mode,
      OccasionMode,
      'Välj digitalt eller på plats.',
    );
    const link = checkedText(problems, at('link'), occasion.link, 500, null);
    const place = checkedText(problems, at('place'), occasion.place, 300, null);
    const accessibility = checkedText(
      problems,
      at('accessibility'),
      occasion.accessibility,
      INVITATION_LIMITS.text,
      null,
    );
    if (mode === OccasionMode.DIGITAL && !link) {
      problems.add(at('link'), 'Ange länken till det digitala mötet.', UserErrorCode.REQUIRED);
    } else if (link && !LINK.test(link)) {
      problems.add(at('link'), 'Länken börjar med https://.', UserErrorCode.INVALID);
    }
    if (mode === OccasionMode.IN_PERSON && !place) {
      problems.add(at('place'), 'Ange platsen.', UserErrorCode.REQUIRED);
    }
    const capacity = occasion.capacity ?? null;
    if (capacity !== null && (capacity < 1 || capacity > INVITATION_LIMITS.capacity)) {
      problems.add(
        at('capacity'),
        `Antalet platser är 1–${INVITATION_LIMITS.capacity}.`,
        UserErrorCode.INVALID,
      );
    } else if (published && before && capacity !== (before.capacity ?? null)) {
      problems.add(
        at('capacity'),
        'Ändra antalet platser för ett publicerat tillfälle med Ändra antal platser, så att väntelistan flyttas upp.',
        UserErrorCode.INVALID,
      );
    }
    const closesOn = occasion.registrationClosesOn;
    if (!isCalendarDate(closesOn)) {
      problems.add(at('registrationClosesOn'), 'Ange sista anmälningsdag.', UserErrorCode.REQUIRED);
    } else if (closesOn < today && closesOn !== before?.registrationClosesOn) {
      problems.add(at('registrationClosesOn'), 'Datumet har redan passerat.', UserErrorCode.INVALID);
    } else if (startsAt && endOfStockholmDay(closesOn) > startsAt) {
      problems.add(
        at('registrationClosesOn'),
        'Sista anmälningsdag ska vara före dagen för tillfället.',
        UserErrorCode.INVALID,
      );
    }
    return {
      id: before?.id ?? null,
      startsAt: startsAt!,
      endsAt: endsAt!,
      mode: mode!,
      link: mode === OccasionMode.DIGITAL ? link : null,
      place: mode === OccasionMode.IN_PERSON ? place : null,
      accessibility,
      capacity,
      registrationClosesOn: closesOn,
    };
  });
  const removed = existing?.occasions.filter((occasion) => !kept.has(occasion.id)) ?? [];
  if (
    removed.length &&
    (await tx.count(OccasionParticipant, { occasion: { $in: removed.map((o) => o.id) } }))
  ) {
    problems.add(
      'occasions',
      'Ett tillfälle med anmälda deltagare kan inte tas bort; avanmäl dem eller ställ in inbjudan.',
      UserErrorCode.INVALID,
    );
  }
  return checked;
}

async function checkProposals(
  tx: EntityManager,
  problems: InputProblems,
  input: readonly ProposalContentInput[],
  existing: Existing | null,
): Promise<CheckedContent['proposals']> {
  if (!input.length) {
    problems.add('proposals', 'Lägg till minst ett förslag att svara på.', UserErrorCode.REQUIRED);
    return [];
  }
  if (input.length > INVITATION_LIMITS.proposals) {
    problems.tooLong(
      'proposals',
      INVITATION_LIMITS.proposals,
      `Högst ${INVITATION_LIMITS.proposals} förslag.`,
    );
    return [];
  }
  const kept = new Set<string>();
  const checked = input.map((proposal, index) => {
    const at = (field: string) => `proposals.${index}.${field}`;
    if (proposal.id !== null) {
      const before = existing?.proposals.find((p) => p.id === proposal.id);
      if (!before) problems.add(at('id'), 'Förslaget finns inte.', UserErrorCode.NOT_FOUND);
      else if (kept.has(before.id))
        problems.add(at('id'), 'Förslaget finns två gånger.', UserErrorCode.DUPLICATE);
      else kept.add(before.id);
    }
    return {
      id: proposal.id || null,
      title: checkedText(problems, at('title'), proposal.title, 300, 'Beskriv förslaget kort.')!,
      description: checkedText(
        problems,
        at('description'),
        proposal.description,
        INVITATION_LIMITS.text,
        null,
      ),
    };
  });
  const removed = existing?.proposals.filter((proposal) => !kept.has(proposal.id)) ?? [];
  if (
    removed.length &&
    (await tx.count(ConsultationPosition, { proposal: { $in: removed.map((p) => p.id) } }))
  ) {
    problems.add(
      'proposals',
      'Ett förslag som remissvar redan tagit ställning till kan inte tas bort.',
      UserErrorCode.INVALID,
    );
  }
  return checked;
}

/** Whether an occasion kept moved in time, place or link: those registered for it are told. */
const hasMoved = (before: InvitationOccasion, after: CheckedOccasion) =>
  before.startsAt.getTime() !== after.startsAt.getTime() ||
  before.endsAt.getTime() !== after.endsAt.getTime() ||
  before.mode !== after.mode ||
  (before.link ?? null) !== after.link ||
  (before.place ?? null) !== after.place;

/** When the feedback's clock starts: the last occasion's end, or the end of the deadline day in Stockholm. */
function concludesAtOf(content: CheckedContent): Date | null {
  if (content.kind === InvitationKind.CONSULTATION) {
    return content.responseDeadline ? endOfStockholmDay(content.responseDeadline) : null;
  }
  const ends = content.occasions.map((occasion) => occasion.endsAt.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/**
 * Puts the content in place: named parties, occasions, proposals and documents exactly those given. Returns
 * whether a kept occasion moved (time, place or link), which matters once the invitation is out.
 */
async function applyContent(
  tx: EntityManager,
  invitation: Invitation,
  content: CheckedContent,
  existing: Existing | null,
): Promise<{ occasionsMoved: boolean }> {
  Object.assign(invitation, {
    kind: content.kind,
    title: content.title,
    process: content.process,
    stage: content.stage,
    plannedDecisionOn: content.plannedDecisionOn,
    decidingBody: content.decidingBody,
    inputWanted: content.inputWanted,
    principles: content.principles,
    areas: content.areas,
    audience: content.audience,
    partyKinds: content.partyKinds,
    contactName: content.contactName,
    contactDetails: content.contactDetails,
    responseDeadline: content.responseDeadline,
    registrationSeries: content.registrationSeries,
    concludesAt: concludesAtOf(content),
  });

  const invitees = existing ? await tx.find(InvitationInvitee, { invitation: invitation.id }) : [];
  for (const invitee of invitees) if (!content.namedPartyIds.includes(invitee.party.id)) tx.remove(invitee);
  for (const partyId of content.namedPartyIds) {
    if (!invitees.some((invitee) => invitee.party.id === partyId)) {
      tx.create(InvitationInvitee, { invitation, party: tx.getReference(Party, partyId) });
    }
  }

  let occasionsMoved = false;
  for (const before of existing?.occasions ?? []) {
    const after = content.occasions.find((occasion) => occasion.id === before.id);
    if (!after) {
      tx.remove(before);
      continue;
    }
    occasionsMoved ||= hasMoved(before, after);
    const { id: _, ...fields } = after;
    Object.assign(before, fields);
  }
  for (const { id, ...fields } of content.occasions) {
    if (!id) tx.create(InvitationOccasion, { invitation, ...fields });
  }

  // Positions are unique per consultation: the kept ones step aside first so a reordering never collides.
  const proposals = existing?.proposals ?? [];
  for (const before of proposals) {
    if (content.proposals.some((proposal) => proposal.id === before.id)) before.position = -before.position;
    else tx.remove(before);
  }
  await tx.flush();
  content.proposals.forEach(({ id, title, description }, index) => {
    const before = id ? proposals.find((proposal) => proposal.id === id) : undefined;
    if (before) Object.assign(before, { title, description, position: index + 1 });
    else {
      // The proposal's globalId is a getter, not a column; persisting a constructed one says so to the compiler.
      const proposal = Object.assign(new ConsultationProposal(), { title, description, position: index + 1 });
      proposal.invitation = ref(invitation);
      tx.persist(proposal);
    }
  });

  const attached = existing ? await tx.find(DocumentAttachment, { invitation: invitation.id }) : [];
  const keep = new Set(content.documents.map((d) => d.id));
  const dropped = attached.filter((a) => !keep.has(a.document.id));
  for (const attachment of dropped) tx.remove(attachment);
  const now = Date.now();
  content.documents
    .filter((document) => !attached.some((a) => a.document.id === document.id))
    .forEach((document, index) => {
      tx.create(DocumentAttachment, { document, invitation, attachedAt: new Date(now + index) });
    });
  await tx.flush();
  for (const { document } of dropped) {
    if (!(await tx.count(DocumentAttachment, { document: document.id }))) {
      await tx.nativeDelete(Document, { id: document.id });
    }
  }
  return { occasionsMoved };
}

/** A member of a joined party starts an invitation as a draft on its behalf; only the party sees drafts. */
export async function createInvitationDraft(
  em: EntityManager,
  viewer: Viewer | null,
  input: CreateInvitationDraftInput,
  context: AuthoringContext = {},
): Promise<Invitation> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const facts = await viewerInvitationFacts(tx, viewer);
    if (!input.partyId || !facts.parties.has(input.partyId)) throw forbidden();
    if (!invitationPolicy.inviteFor(facts, input.partyId)) {
      throw userError(
        'partyId',
        'Parten behöver ha anslutit sig till överenskommelsen för att bjuda in.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const content = await checkContent(tx, viewer, input.partyId, input, null, context.now ?? new Date());
    const invitation = tx.create(Invitation, {
      party: tx.getReference(Party, input.partyId),
      kind: content.kind,
      title: content.title,
      process: content.process,
      stage: content.stage,
      inputWanted: content.inputWanted,
      contactName: content.contactName,
      contactDetails: content.contactDetails,
      createdBy: tx.getReference(Person, viewer.id),
    });
    await applyContent(tx, invitation, content, null);
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action: InvitationAction.EDIT,
      actorId: viewer.id,
    });
    return invitation;
  });
}

async function existingOf(tx: EntityManager, invitation: Invitation): Promise<Existing> {
  const [occasions, proposals] = await Promise.all([
    tx.find(InvitationOccasion, { invitation: invitation.id }, { orderBy: { startsAt: 'asc' } }),
    tx.find(ConsultationProposal, { invitation: invitation.id }, { orderBy: { position: 'asc' } }),
  ]);
  return { invitation, occasions, proposals };
}

/**
 * The inviting party edits its draft, or its published invitation. Once out, seats change only through
 * changeOccasionCapacity (the waiting list moves with them), and an occasion that moves tells those registered.
 */
export function updateInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput & InvitationContentInput,
  context: AuthoringContext = {},
) {
  return takeInvitationStep(
    em,
    viewer,
    input,
    InvitationAction.EDIT,
    context,
    async ({ tx, viewer: v, invitation, now }) => {
      const existing = await existingOf(tx, invitation);
      const content = await checkContent(tx, v, invitation.party.id, input, existing, now);
      const { occasionsMoved } = await applyContent(tx, invitation, content, existing);
      if (occasionsMoved && invitation.status !== InvitationStatus.DRAFT) {
        return {
          then: { action: InvitationAction.MANAGE_OCCASIONS, notify: NotificationKind.INVITATION_CANCELLED },
        };
      }
    },
  );
}

/**
 * The inviting party publishes its draft: dates checked against now once more, and a consultation takes the
 * next number of its series (the counter row stays locked until commit, so concurrent ones take turns).
 */
export function publishInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput,
  context: AuthoringContext = {},
) {
  return takeInvitationStep(
    em,
    viewer,
    input,
    InvitationAction.PUBLISH,
    context,
    async ({ tx, invitation, now }) => {
      const problems = new InputProblems();
      const today = stockholmDate(now);
      if (invitation.kind === InvitationKind.DIALOGUE) {
        const occasions = await tx.find(
          InvitationOccasion,
          { invitation: invitation.id },
          { orderBy: { startsAt: 'asc' } },
        );
        if (!occasions.length)
          problems.add('occasions', 'Lägg till minst ett tillfälle.', UserErrorCode.REQUIRED);
        occasions.forEach((occasion, index) => {
          if (occasion.startsAt <= now) {
            problems.add(
              `occasions.${index}.startsAt`,
              'Tidpunkten har redan passerat.',
              UserErrorCode.INVALID,
            );
          } else if (occasion.registrationClosesOn < today) {
            problems.add(
              `occasions.${index}.registrationClosesOn`,
              'Datumet har redan passerat.',
              UserErrorCode.INVALID,
            );
          }
        });
      } else if (!invitation.responseDeadline || invitation.responseDeadline < today) {
        problems.add('responseDeadline', 'Sista svarsdag har redan passerat.', UserErrorCode.INVALID);
      }
      if (invitation.plannedDecisionOn && invitation.plannedDecisionOn < today) {
        problems.add('plannedDecisionOn', 'Datumet har redan passerat.', UserErrorCode.INVALID);
      }
      problems.throwIfAny();
      invitation.publishedAt = now;
      if (invitation.kind === InvitationKind.CONSULTATION) {
        const series = invitation.registrationSeries ?? DEFAULT_CONSULTATION_SERIES;
        const pattern = context.registration?.pattern ?? DEFAULT_REGISTRATION_PATTERN;
        const year = stockholmYear(now);
        const row = await tx
          .getConnection()
          .execute<{ last: number }>(
            'insert into registration_counter (series, year, last) values (?, ?, 1) ' +
              'on conflict (series, year) do update set last = registration_counter.last + 1 returning last',
            [series, year],
            'get',
            tx.getTransactionContext(),
          );
        invitation.registrationSeries = series;
        invitation.registrationYear = year;
        invitation.registrationSequence = row.last;
        invitation.registrationNumber = formatRegistrationNumber(pattern, series, row.last, year);
      }
      return { notify: NotificationKind.INVITATION_NEW };
    },
  );
}

/** The inviting party or the coordinator calls it off with a reason; the parties registered are told. */
export function cancelInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput & { reason: string },
  context: AuthoringContext = {},
) {
  return takeInvitationStep(
    em,
    viewer,
    input,
    InvitationAction.CANCEL,
    context,
    async ({ invitation, now }) => {
      const problems = new InputProblems();
      const reason = checkedText(
        problems,
        'reason',
        input.reason,
        INVITATION_LIMITS.text,
        'Ange varför inbjudan ställs in.',
      );
      problems.throwIfAny();
      invitation.cancelReason = reason;
      invitation.closedAt = now;
      return { text: reason, notify: NotificationKind.INVITATION_CANCELLED };
    },
  );
}

/** The inviting party closes registration before the last day. */
export function closeInvitationRegistration(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput,
  context: AuthoringContext = {},
) {
  return takeInvitationStep(em, viewer, input, InvitationAction.CLOSE_REGISTRATION, context, async () => {});
}

/** The inviting party marks the dialogue held; the feedback is due from then. */
export function markInvitationHeld(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput,
  context: AuthoringContext = {},
) {
  return takeInvitationStep(em, viewer, input, InvitationAction.MARK_HELD, context, async () => {});
}

/** The inviting party or the coordinator closes an invitation whose feedback is published. */
export function closeInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: InvitationStepInput,
  context: AuthoringContext = {},
) {
  return takeInvitationStep(
    em,
    viewer,
    input,
    InvitationAction.CLOSE,
    context,
    async ({ invitation, now }) => {
      invitation.closedAt = now;
    },
  );
}

/** Every area of interest a party chose or a published invitation named, sorted: the form's suggestions. */
export async function knownAreasOfInterest(em: EntityManager): Promise<string[]> {
  const rows = await em.getConnection().execute<{ area: string }[]>(
    `select area from (
       select unnest(areas_of_interest) as area from party
       union select unnest(areas) from invitation where status <> 'DRAFT'
     ) known order by area`,
  );
  return rows.map((row) => row.area);
}
