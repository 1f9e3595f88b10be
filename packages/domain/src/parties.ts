/** Kinds of party that may join the agreement (seed 001, "Beskrivning av parterna" and "Anslutning"). */
export enum PartyKind {
  NON_PROFIT_ASSOCIATION = 'NON_PROFIT_ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  STUDY_ASSOCIATION = 'STUDY_ASSOCIATION',
  FAITH_COMMUNITY = 'FAITH_COMMUNITY',
  SOCIAL_ENTERPRISE = 'SOCIAL_ENTERPRISE',
  NETWORK = 'NETWORK',
  UMBRELLA_ORGANISATION = 'UMBRELLA_ORGANISATION',
  MUNICIPAL_BOARD = 'MUNICIPAL_BOARD',
  MUNICIPAL_DEPARTMENT = 'MUNICIPAL_DEPARTMENT',
  MUNICIPAL_COMPANY = 'MUNICIPAL_COMPANY',
}

export enum PartySector {
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  MUNICIPAL = 'MUNICIPAL',
}

const MUNICIPAL_KINDS: readonly PartyKind[] = [
  PartyKind.MUNICIPAL_BOARD,
  PartyKind.MUNICIPAL_DEPARTMENT,
  PartyKind.MUNICIPAL_COMPANY,
];

export function sectorOf(kind: PartyKind): PartySector {
  return MUNICIPAL_KINDS.includes(kind) ? PartySector.MUNICIPAL : PartySector.CIVIL_SOCIETY;
}

/** Networks may join without an organisationsnummer (activity 4 of the plan); every other kind needs one. */
export function requiresOrganisationNumber(kind: PartyKind): boolean {
  return kind !== PartyKind.NETWORK;
}

/**
 * Municipal boards and departments are organs of Örebro kommun and carry its organisationsnummer
 * (212000-1884), so they share it; for every other kind the number identifies one party.
 */
export function organisationNumberIsUnique(kind: PartyKind): boolean {
  return kind !== PartyKind.MUNICIPAL_BOARD && kind !== PartyKind.MUNICIPAL_DEPARTMENT;
}

export type OrganisationNumberCheck =
  { valid: true; normalised: string } | { valid: false; reason: 'FORMAT' | 'CHECK_DIGIT' };

/**
 * Checks a Swedish organisationsnummer: ten digits written NNNNNN-NNNN (the hyphen may be left out), the
 * last digit a Luhn check digit over the first nine.
 */
export function checkOrganisationNumber(value: string): OrganisationNumberCheck {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  if (!match) return { valid: false, reason: 'FORMAT' };
  const digits = `${match[1]}${match[2]}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  const check = (10 - (sum % 10)) % 10;
  if (check !== Number(digits[9])) return { valid: false, reason: 'CHECK_DIGIT' };
  return { valid: true, normalised: `${match[1]}-${match[2]}` };
}

/** A party's accession (anslutning) to the agreement. */
export enum AccessionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  EXCLUDED = 'EXCLUDED',
}

export enum AccessionAction {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  WITHDRAW = 'WITHDRAW',
  EXCLUDE = 'EXCLUDE',
}

/** The accession's status machine. A rejected, withdrawn or excluded party may ask again with a new accession. */
export const ACCESSION_TRANSITIONS: Readonly<
  Record<AccessionAction, { from: readonly AccessionStatus[]; to: AccessionStatus }>
> = {
  [AccessionAction.APPROVE]: { from: [AccessionStatus.REQUESTED], to: AccessionStatus.APPROVED },
  [AccessionAction.REJECT]: { from: [AccessionStatus.REQUESTED], to: AccessionStatus.REJECTED },
  [AccessionAction.WITHDRAW]: {
    from: [AccessionStatus.REQUESTED, AccessionStatus.APPROVED],
    to: AccessionStatus.WITHDRAWN,
  },
  [AccessionAction.EXCLUDE]: { from: [AccessionStatus.APPROVED], to: AccessionStatus.EXCLUDED },
};

export function canTakeAccessionAction(status: AccessionStatus, action: AccessionAction): boolean {
  return ACCESSION_TRANSITIONS[action].from.includes(status);
}

/** Statuses after which the party may ask to join again. */
export const ACCESSION_CLOSED: readonly AccessionStatus[] = [
  AccessionStatus.REJECTED,
  AccessionStatus.WITHDRAWN,
];

/** An exclusion case (uteslutning, activity 5 of the plan). */
export enum ExclusionCaseStatus {
  OPEN = 'OPEN',
  PARTY_RESPONDED = 'PARTY_RESPONDED',
  EXCLUDED = 'EXCLUDED',
  NOT_EXCLUDED = 'NOT_EXCLUDED',
}

export enum ExclusionCaseAction {
  RESPOND = 'RESPOND',
  DECIDE = 'DECIDE',
}

export const EXCLUSION_CASE_TRANSITIONS: Readonly<
  Record<ExclusionCaseAction, readonly ExclusionCaseStatus[]>
> = {
  [ExclusionCaseAction.RESPOND]: [ExclusionCaseStatus.OPEN, ExclusionCaseStatus.PARTY_RESPONDED],
  [ExclusionCaseAction.DECIDE]: [ExclusionCaseStatus.OPEN, ExclusionCaseStatus.PARTY_RESPONDED],
};

export function canTakeExclusionCaseAction(
  status: ExclusionCaseStatus,
  action: ExclusionCaseAction,
): boolean {
  return EXCLUSION_CASE_TRANSITIONS[action].includes(status);
}

/** A person's membership of a party. */
export enum MembershipRole {
  MEMBER = 'MEMBER',
  CONTACT = 'CONTACT',
}

export enum MembershipStatus {
  /** Asked to join; the party's contact decides. */
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
}
