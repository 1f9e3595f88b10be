import { randomUUID } from 'node:crypto';
import {
  AccessionStatus,
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  MembershipRole,
  OccasionMode,
  PartyKind,
  ProcessStage,
  stockholmDate,
} from '@samverka/domain';
import { Accession } from '../src/accession/accession.entity.js';
import { Person } from '../src/accounts/person.entity.js';
import { Session } from '../src/accounts/session.entity.js';
import { SESSION_COOKIE, hashSessionToken, newSessionToken } from '../src/accounts/session-cookie.js';
import { toGlobalId } from '../src/graphql/node.js';
import { Membership } from '../src/parties/membership.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationInvitee } from '../src/invitations/invitation-invitee.entity.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import type { GraphQLResponse, TestServer } from './helpers.js';

/** Tables an answer may write: a refused one leaves them all as they were. */
export const ANSWER_TABLES = [
  'occasion_participant',
  'invitation_reply',
  'invitation_event',
  'live_event',
  'notification',
];

export interface Member {
  cookie: string;
  personId: string;
  /** The party's global id and uuid. */
  partyId: string;
  partyUuid: string;
}

let counter = 0;

/**
 * A party with one active member signed in, written straight to the tables (an accession approved when
 * `joined`): fast enough for the fifty parties of the concurrency test.
 */
export async function partyMember(
  server: TestServer,
  options: { name?: string; kind?: PartyKind; areas?: string[]; joined?: boolean; personId?: string } = {},
): Promise<Member> {
  const em = server.orm.em.fork();
  const n = ++counter;
  const party = em.create(Party, {
    name: `${options.name ?? 'Svarsföreningen'} ${n} ${randomUUID().slice(0, 6)}`,
    kind: options.kind ?? PartyKind.NON_PROFIT_ASSOCIATION,
    areasOfInterest: options.areas ?? [],
  });
  const person = options.personId
    ? em.getReference(Person, options.personId)
    : em.create(Person, {
        name: `Svarande ${n}`,
        email: `svar-${n}-${randomUUID().slice(0, 8)}@exempel.se`,
        passwordHash: 'x',
      });
  em.create(Membership, { person, party, role: MembershipRole.CONTACT });
  if (options.joined ?? true) {
    em.create(Accession, {
      party,
      status: AccessionStatus.APPROVED,
      requestedAt: new Date(),
      decidedAt: new Date(),
      affirmsDemocraticOrganisation: true,
      affirmsValues: true,
      affirmsPrinciples: true,
      affirmsCommitments: true,
    });
  }
  const token = newSessionToken();
  em.create(Session, {
    tokenHash: hashSessionToken(token),
    person,
    expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
  });
  await em.flush();
  return {
    cookie: `${SESSION_COOKIE}=${token}`,
    personId: person.id,
    partyId: toGlobalId('Party', party.id),
    partyUuid: party.id,
  };
}

/** A date `days` from today in Stockholm, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return stockholmDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

export interface OccasionSpec {
  capacity?: number | null;
  registrationClosesOn?: string;
  /** Days from now to its start. */
  startsInDays?: number;
}

export interface Dialogue {
  id: string;
  uuid: string;
  occasionIds: string[];
  occasionUuids: string[];
}

/**
 * A dialogue invitation of `inviter`, for the parties named (or all), in the status given, written straight to
 * the tables as the authoring mutations would leave it.
 */
export async function dialogue(
  server: TestServer,
  inviter: Member,
  options: {
    named?: Member[];
    status?: InvitationStatus;
    occasions?: OccasionSpec[];
    kind?: InvitationKind;
  } = {},
): Promise<Dialogue> {
  const em = server.orm.em.fork();
  const status = options.status ?? InvitationStatus.PUBLISHED;
  const invitation = em.create(Invitation, {
    party: em.getReference(Party, inviter.partyUuid),
    kind: options.kind ?? InvitationKind.DIALOGUE,
    title: 'Dialog om nya fritidsgårdar',
    process: 'Fritidsgårdsplan 2027',
    stage: ProcessStage.INVESTIGATION,
    inputWanted: 'Vad behöver unga i ert område?',
    contactName: 'Kim Kontakt',
    contactDetails: 'kim@exempel.se',
    audience: options.named ? InvitationAudience.NAMED_PARTIES : InvitationAudience.ALL_PARTIES,
    status,
    publishedAt: status === InvitationStatus.DRAFT ? null : new Date(),
  });
  for (const named of options.named ?? []) {
    em.create(InvitationInvitee, { invitation, party: em.getReference(Party, named.partyUuid) });
  }
  const occasions = (options.occasions ?? [{ capacity: 10 }]).map((spec) => {
    const startsAt = new Date(Date.now() + (spec.startsInDays ?? 20) * 24 * 3600 * 1000);
    return em.create(InvitationOccasion, {
      invitation,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
      mode: OccasionMode.IN_PERSON,
      place: 'Medborgarhuset, sal 2',
      accessibility: 'Hiss och hörslinga.',
      capacity: spec.capacity === undefined ? 10 : spec.capacity,
      registrationClosesOn: spec.registrationClosesOn ?? daysFromToday(10),
    });
  });
  await em.flush();
  return {
    id: toGlobalId('Invitation', invitation.id),
    uuid: invitation.id,
    occasionIds: occasions.map((o) => toGlobalId('InvitationOccasion', o.id)),
    occasionUuids: occasions.map((o) => o.id),
  };
}

/** Sets an invitation's status, as a later step would. */
export async function setStatus(server: TestServer, invitation: Dialogue, status: InvitationStatus) {
  await server.orm.em.fork().nativeUpdate(Invitation, { id: invitation.uuid }, { status });
}

const OCCASION = 'occasion { id capacity seatsTaken seatsLeft waitingCount }';
const ERRORS = 'errors { field code message max }';

/** Each answer mutation: its input type and what tests read of its payload. */
export const ANSWER_MUTATIONS: Record<string, { input: string; selection: string }> = {
  registerForOccasion: {
    input: 'RegisterForOccasionInput',
    selection: `${OCCASION} participants { id name needs status waitingPosition party { id } } ${ERRORS}`,
  },
  cancelOccasionParticipant: { input: 'CancelOccasionParticipantInput', selection: `${OCCASION} ${ERRORS}` },
  changeOccasionCapacity: { input: 'ChangeOccasionCapacityInput', selection: `${OCCASION} ${ERRORS}` },
  giveInvitationInput: {
    input: 'GiveInvitationInputInput',
    selection: `reply { id kind text party { id } } invitation { id answeringPartyCount } ${ERRORS}`,
  },
  declineInvitation: {
    input: 'DeclineInvitationInput',
    selection: `reply { id kind text party { id } } invitation { id answeringPartyCount } ${ERRORS}`,
  },
};

/** Runs one answer mutation; `res.data[mutation]` is its payload. */
export function answer(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  const { input: type, selection } = ANSWER_MUTATIONS[mutation]!;
  return server.gql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { ${selection} } }`,
    { input },
    cookie,
  );
}

/** An answer that must succeed: its payload, or the test fails with the errors. */
export async function answerOk(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<Record<string, any>> {
  const res = await answer(server, mutation, input, cookie);
  const payload = res.data?.[mutation];
  if (!payload || payload.errors.length) {
    throw new Error(`${mutation} failed: ${JSON.stringify(res.errors ?? payload?.errors)}`);
  }
  return payload;
}

/** Registers participants by name for a party. */
export function register(
  server: TestServer,
  member: Member,
  occasionId: string,
  names: string[],
): Promise<Record<string, any>> {
  return answerOk(
    server,
    'registerForOccasion',
    { occasionId, partyId: member.partyId, participants: names.map((name) => ({ name })) },
    member.cookie,
  );
}

/** A signed-in account of no party. */
export async function plainAccount(server: TestServer): Promise<string> {
  const em = server.orm.em.fork();
  const person = em.create(Person, {
    name: 'Ensam Person',
    email: `ensam-${randomUUID().slice(0, 8)}@exempel.se`,
    passwordHash: 'x',
  });
  const token = newSessionToken();
  em.create(Session, {
    tokenHash: hashSessionToken(token),
    person,
    expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
  });
  await em.flush();
  return `${SESSION_COOKIE}=${token}`;
}
