import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ACCESSION_CLOSED,
  ACCESSION_TRANSITIONS,
  AccessionAction,
  AccessionStatus,
  ExclusionCaseAction,
  ExclusionCaseStatus,
  TEXT_LIMITS,
  UserErrorCode,
  canTakeAccessionAction,
  canTakeExclusionCaseAction,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import { COORDINATOR_QUEUE_TOPIC, partyTopic, publishLiveEvent } from '../live/publish.js';
import { Person } from '../accounts/person.entity.js';
import { latestAccession, lockedParty, partyFacts } from '../parties/party-facts.js';
import { partyPolicy } from '../parties/party.policy.js';
import { Accession } from './accession.entity.js';
import { ExclusionCase } from './exclusion-case.entity.js';

export interface AccessionRequestInput {
  partyId: string | null;
  affirmsDemocraticOrganisation: boolean;
  affirmsValues: boolean;
  affirmsPrinciples: boolean;
  affirmsCommitments: boolean;
}

const AFFIRMATIONS = {
  affirmsDemocraticOrganisation: 'Intyga att organisationen är demokratiskt uppbyggd.',
  affirmsValues: 'Ställ er bakom överenskommelsens värdegrund.',
  affirmsPrinciples: 'Ställ er bakom de sex principerna.',
  affirmsCommitments: 'Ställ er bakom de sex åtagandena.',
} as const;

/** Tells the party's people and the coordinator's queue, in the writing transaction. */
async function announce(tx: EntityManager, partyId: string, kind: string) {
  await publishLiveEvent(tx, { topic: partyTopic(partyId), kind, subjectId: partyId });
  await publishLiveEvent(tx, { topic: COORDINATOR_QUEUE_TOPIC, kind, subjectId: partyId });
}

/** A contact asks for the party to join, affirming each part of the agreement explicitly. */
export async function requestAccession(
  em: EntityManager,
  viewer: Viewer | null,
  input: AccessionRequestInput,
) {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const party = await lockedParty(tx, input.partyId);
    if (!partyPolicy.actFor(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    const problems = new InputProblems();
    for (const [field, message] of Object.entries(AFFIRMATIONS)) {
      if (input[field as keyof typeof AFFIRMATIONS] !== true)
        problems.add(field, message, UserErrorCode.NOT_AFFIRMED);
    }
    problems.throwIfAny();
    const latest = await latestAccession(tx, party.id);
    if (latest && !ACCESSION_CLOSED.includes(latest.status)) {
      throw userError(
        'partyId',
        latest.status === AccessionStatus.APPROVED
          ? 'Parten är redan ansluten.'
          : latest.status === AccessionStatus.EXCLUDED
            ? 'Parten är utesluten.'
            : 'Parten har redan en ansökan som väntar på beslut.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const accession = tx.create(Accession, {
      party,
      requestedBy: tx.getReference(Person, viewer.id),
      affirmsDemocraticOrganisation: true,
      affirmsValues: true,
      affirmsPrinciples: true,
      affirmsCommitments: true,
    });
    await tx.flush();
    await announce(tx, party.id, 'ACCESSION_REQUESTED');
    return accession;
  });
}

export interface AccessionDecisionInput {
  accessionId: string | null;
  expectedVersion: number;
  reason?: string | null;
}

/** The frame of every decision on an accession: lock, who, version, workflow, change, version, event. */
async function decide(
  em: EntityManager,
  viewer: Viewer | null,
  input: AccessionDecisionInput,
  action: AccessionAction,
  allowed: (viewer: Viewer, accession: Accession, tx: EntityManager) => Promise<boolean>,
  apply?: (accession: Accession) => void,
): Promise<Accession> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const found = input.accessionId ? await tx.findOne(Accession, input.accessionId) : null;
    if (!found) throw userError('accessionId', 'Ansökan finns inte.', UserErrorCode.NOT_FOUND);
    await lockedParty(tx, found.party.id);
    const accession = await tx.findOneOrFail(Accession, found.id, { refresh: true });
    if (!(await allowed(viewer, accession, tx))) throw forbidden();
    if (accession.version !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        'Ansökan har just ändrats av någon annan. Visa det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (!canTakeAccessionAction(accession.status, action)) {
      throw userError('', 'Det går inte med ansökan i det här läget.', UserErrorCode.INVALID_TRANSITION);
    }
    apply?.(accession);
    accession.status = ACCESSION_TRANSITIONS[action].to;
    accession.decidedAt = new Date();
    accession.decidedBy = tx.getReference(Person, viewer.id, { wrapped: true });
    accession.version++;
    await tx.flush();
    await announce(tx, accession.party.id, `ACCESSION_${accession.status}`);
    return accession;
  });
}

const byCoordinator = async (viewer: Viewer) => partyPolicy.coordinator(viewer);

export function approveAccession(em: EntityManager, viewer: Viewer | null, input: AccessionDecisionInput) {
  return decide(em, viewer, input, AccessionAction.APPROVE, byCoordinator);
}

export function rejectAccession(em: EntityManager, viewer: Viewer | null, input: AccessionDecisionInput) {
  const reason = normaliseText(input.reason);
  return decide(em, viewer, input, AccessionAction.REJECT, byCoordinator, (accession) => {
    if (!reason) throw userError('reason', 'Ange skälet till beslutet.', UserErrorCode.REQUIRED);
    if (reason.length > TEXT_LIMITS.reason) {
      throw userError('reason', `Högst ${TEXT_LIMITS.reason} tecken.`, UserErrorCode.TOO_LONG);
    }
    accession.reason = reason;
  });
}

/** A contact withdraws the party's request or its accession. */
export function withdrawAccession(em: EntityManager, viewer: Viewer | null, input: AccessionDecisionInput) {
  return decide(em, viewer, input, AccessionAction.WITHDRAW, async (v, accession, tx) =>
    partyPolicy.actFor(v, await partyFacts(tx, v, accession.party.getEntity())),
  );
}

/** The coordinator opens an exclusion case with documented grounds against a joined party. */
export async function openExclusionCase(
  em: EntityManager,
  viewer: Viewer | null,
  input: { partyId: string | null; grounds: string },
) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const party = await lockedParty(tx, input.partyId);
    const grounds = normaliseText(input.grounds);
    if (!grounds) throw userError('grounds', 'Dokumentera grunderna för ärendet.', UserErrorCode.REQUIRED);
    if (grounds.length > TEXT_LIMITS.grounds) {
      throw userError('grounds', `Högst ${TEXT_LIMITS.grounds} tecken.`, UserErrorCode.TOO_LONG);
    }
    const latest = await latestAccession(tx, party.id);
    if (latest?.status !== AccessionStatus.APPROVED) {
      throw userError('partyId', 'Bara en ansluten part kan uteslutas.', UserErrorCode.INVALID_TRANSITION);
    }
    const open = await tx.count(ExclusionCase, {
      party: party.id,
      status: { $in: [ExclusionCaseStatus.OPEN, ExclusionCaseStatus.PARTY_RESPONDED] },
    });
    if (open)
      throw userError('partyId', 'Parten har redan ett öppet ärende.', UserErrorCode.INVALID_TRANSITION);
    const exclusionCase = tx.create(ExclusionCase, {
      party,
      grounds,
      openedBy: tx.getReference(Person, viewer.id),
    });
    await tx.flush();
    await announce(tx, party.id, 'EXCLUSION_CASE_OPENED');
    return exclusionCase;
  });
}

async function lockedCase(tx: EntityManager, caseId: string | null) {
  const found = caseId ? await tx.findOne(ExclusionCase, caseId) : null;
  if (!found) throw userError('exclusionCaseId', 'Ärendet finns inte.', UserErrorCode.NOT_FOUND);
  const party = await lockedParty(tx, found.party.id);
  const exclusionCase = await tx.findOneOrFail(ExclusionCase, found.id, { refresh: true });
  return { party, exclusionCase };
}

/** Checked after authorization, so that nobody learns a case's version without the right to act on it. */
function checkCaseVersion(exclusionCase: ExclusionCase, expectedVersion: number) {
  if (exclusionCase.version !== expectedVersion) {
    throw userError(
      'expectedVersion',
      'Ärendet har just ändrats. Visa det senaste läget.',
      UserErrorCode.STALE_VERSION,
    );
  }
}

/** The party's contact answers the grounds; it may answer again until the decision. */
export async function respondToExclusionCase(
  em: EntityManager,
  viewer: Viewer | null,
  input: { exclusionCaseId: string | null; expectedVersion: number; response: string },
) {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const { party, exclusionCase } = await lockedCase(tx, input.exclusionCaseId);
    if (!partyPolicy.respondFor(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    checkCaseVersion(exclusionCase, input.expectedVersion);
    if (!canTakeExclusionCaseAction(exclusionCase.status, ExclusionCaseAction.RESPOND)) {
      throw userError('', 'Ärendet är avgjort.', UserErrorCode.INVALID_TRANSITION);
    }
    const response = normaliseText(input.response);
    if (!response) throw userError('response', 'Skriv ert svar.', UserErrorCode.REQUIRED);
    if (response.length > TEXT_LIMITS.response) {
      throw userError('response', `Högst ${TEXT_LIMITS.response} tecken.`, UserErrorCode.TOO_LONG);
    }
    exclusionCase.partyResponse = response;
    exclusionCase.respondedAt = new Date();
    exclusionCase.status = ExclusionCaseStatus.PARTY_RESPONDED;
    exclusionCase.version++;
    await tx.flush();
    await announce(tx, party.id, 'EXCLUSION_CASE_RESPONDED');
    return exclusionCase;
  });
}

/** The coordinator records Samverkansrådet's decision; exclusion ends the party's accession. */
export async function recordExclusionDecision(
  em: EntityManager,
  viewer: Viewer | null,
  input: { exclusionCaseId: string | null; expectedVersion: number; excluded: boolean; decision: string },
) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const { party, exclusionCase } = await lockedCase(tx, input.exclusionCaseId);
    checkCaseVersion(exclusionCase, input.expectedVersion);
    if (!canTakeExclusionCaseAction(exclusionCase.status, ExclusionCaseAction.DECIDE)) {
      throw userError('', 'Ärendet är redan avgjort.', UserErrorCode.INVALID_TRANSITION);
    }
    const decision = normaliseText(input.decision);
    if (!decision) throw userError('decision', 'Skriv in Samverkansrådets beslut.', UserErrorCode.REQUIRED);
    if (decision.length > TEXT_LIMITS.reason) {
      throw userError('decision', `Högst ${TEXT_LIMITS.reason} tecken.`, UserErrorCode.TOO_LONG);
    }
    exclusionCase.councilDecision = decision;
    exclusionCase.decidedAt = new Date();
    exclusionCase.status = input.excluded ? ExclusionCaseStatus.EXCLUDED : ExclusionCaseStatus.NOT_EXCLUDED;
    exclusionCase.version++;
    if (input.excluded) {
      const accession = await latestAccession(tx, party.id);
      if (!accession || !canTakeAccessionAction(accession.status, AccessionAction.EXCLUDE)) {
        throw userError('', 'Parten är inte ansluten.', UserErrorCode.INVALID_TRANSITION);
      }
      accession.status = AccessionStatus.EXCLUDED;
      accession.decidedAt = exclusionCase.decidedAt;
      accession.decidedBy = tx.getReference(Person, viewer.id, { wrapped: true });
      accession.reason = decision;
      accession.version++;
    }
    await tx.flush();
    await announce(tx, party.id, input.excluded ? 'ACCESSION_EXCLUDED' : 'EXCLUSION_CASE_CLOSED');
    return exclusionCase;
  });
}
