import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AccessionStatus,
  InvitationAudience,
  InvitationRole,
  InvitationStatus,
  MembershipStatus,
  allowedInvitationActions,
  isInvited,
  type InvitationAction,
  type InviteeFacts,
  type PartyKind,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { Membership } from '../parties/membership.entity.js';
import { Accession } from '../accession/accession.entity.js';
import type { Invitation } from './invitation.entity.js';
import { invitationLoaders } from './invitation-loaders.js';

/** A party the viewer is an active member of, with what decides whether an invitation is for it. */
export interface ViewerParty extends InviteeFacts {
  name: string;
  /** Joined the agreement: only joined parties post and answer invitations. */
  joined: boolean;
}

/** What of the viewer the invitation policy decides on, loaded once per unit of work. */
export interface ViewerInvitationFacts {
  viewer: Viewer | null;
  parties: ReadonlyMap<string, ViewerParty>;
  coordinates: boolean;
}

const factsByUnitOfWork = new WeakMap<EntityManager, Map<string, Promise<ViewerInvitationFacts>>>();

/** The viewer's facts for this unit of work (cached on the EntityManager fork): two statements at most. */
export function viewerInvitationFacts(
  em: EntityManager,
  viewer: Viewer | null,
): Promise<ViewerInvitationFacts> {
  let byViewer = factsByUnitOfWork.get(em);
  if (!byViewer) factsByUnitOfWork.set(em, (byViewer = new Map()));
  const key = viewer?.id ?? '';
  let facts = byViewer.get(key);
  if (!facts) {
    facts = gather(em, viewer);
    byViewer.set(key, facts);
  }
  return facts;
}

async function gather(em: EntityManager, viewer: Viewer | null): Promise<ViewerInvitationFacts> {
  if (!viewer) return { viewer, parties: new Map(), coordinates: false };
  const memberships = await em.find(
    Membership,
    { person: viewer.id, status: MembershipStatus.ACTIVE },
    { populate: ['party'] },
  );
  const partyIds = memberships.map((m) => m.party.id);
  const accessions = partyIds.length
    ? await em.find(Accession, { party: { $in: partyIds } }, { orderBy: { requestedAt: 'desc' } })
    : [];
  const parties = new Map<string, ViewerParty>();
  for (const membership of memberships) {
    const party = membership.party.getEntity();
    const latest = accessions.find((accession) => accession.party.id === party.id);
    parties.set(party.id, {
      id: party.id,
      name: party.name,
      kind: party.kind as PartyKind,
      areasOfInterest: party.areasOfInterest,
      joined: latest?.status === AccessionStatus.APPROVED,
    });
  }
  return { viewer, parties, coordinates: viewer.isCoordinator };
}

/** What of an invitation its policy needs; the entity, or a row of a list's SQL. */
export interface InvitationFacts {
  partyId: string;
  kind: Invitation['kind'];
  status: InvitationStatus;
  audience: Invitation['audience'];
  partyKinds: readonly string[];
  areas: readonly string[];
  /** Ids of the parties named, with audience NAMED_PARTIES. */
  namedPartyIds: readonly string[];
}

/** An invitation, or a consultation response with its invitation, holding a document. */
export interface InvitationDocumentHolder {
  invitationPartyId: string;
  status: InvitationStatus;
  /** Set when a consultation response holds it. */
  responsePartyId: string | null;
  withheld: boolean | null;
}

const inviting = (facts: ViewerInvitationFacts, invitation: InvitationFacts) =>
  facts.parties.has(invitation.partyId);

/** Statuses in which a consultation's responses are public (the deadline has passed). */
const RESPONSES_PUBLIC: readonly InvitationStatus[] = [
  InvitationStatus.DEADLINE_PASSED,
  InvitationStatus.FEEDBACK_PUBLISHED,
  InvitationStatus.CLOSED,
];

/** Who may see and do what with an invitation, one line per rule. */
export const invitationPolicy = {
  /** Post an invitation for a party: an active member of a joined party. */
  inviteFor: (facts: ViewerInvitationFacts, partyId: string): boolean => !!facts.parties.get(partyId)?.joined,
  /** See it at all: a draft only the inviting party's people; everything else everyone. */
  see: (facts: ViewerInvitationFacts, invitation: InvitationFacts): boolean =>
    invitation.status !== InvitationStatus.DRAFT || inviting(facts, invitation),
  /** The viewer's joined parties the invitation is for (never the inviting party): they answer for these. */
  invitedParties(facts: ViewerInvitationFacts, invitation: InvitationFacts): ViewerParty[] {
    return [...facts.parties.values()].filter(
      (party) =>
        party.joined &&
        party.id !== invitation.partyId &&
        isInvited(
          {
            audience: invitation.audience,
            partyKinds: invitation.partyKinds as PartyKind[],
            areas: invitation.areas,
            namedPartyIds: invitation.namedPartyIds,
          },
          party,
        ),
    );
  },
  /** Participants' needs, every registration, every response before the deadline: the inviting party. */
  seeAnswers: (facts: ViewerInvitationFacts, invitation: InvitationFacts): boolean =>
    inviting(facts, invitation),
  /** A response is public after the deadline unless withheld; its party and the inviter see it always. */
  seeResponse: (
    facts: ViewerInvitationFacts,
    invitation: InvitationFacts,
    response: { partyId: string; withheld: boolean },
  ): boolean =>
    inviting(facts, invitation) ||
    facts.parties.has(response.partyId) ||
    (!response.withheld && RESPONSES_PUBLIC.includes(invitation.status)),
  /** A document of the invitation or of a response. */
  readDocument: (facts: ViewerInvitationFacts, holder: InvitationDocumentHolder): boolean => {
    if (facts.parties.has(holder.invitationPartyId)) return true;
    if (holder.responsePartyId === null) return holder.status !== InvitationStatus.DRAFT;
    return (
      facts.parties.has(holder.responsePartyId) ||
      (!holder.withheld && RESPONSES_PUBLIC.includes(holder.status))
    );
  },
  /** The viewer's roles in the workflow. */
  roles(facts: ViewerInvitationFacts, invitation: InvitationFacts): InvitationRole[] {
    const roles: InvitationRole[] = [];
    if (inviting(facts, invitation)) roles.push(InvitationRole.INVITER);
    if (facts.coordinates) roles.push(InvitationRole.COORDINATOR);
    if (invitationPolicy.invitedParties(facts, invitation).length) roles.push(InvitationRole.INVITEE);
    return roles;
  },
  /** The workflow steps the viewer may take now. */
  actions(facts: ViewerInvitationFacts, invitation: InvitationFacts): InvitationAction[] {
    return allowedInvitationActions(
      invitation.kind,
      invitation.status,
      invitationPolicy.roles(facts, invitation),
    );
  },
};

/** The policy's facts of an invitation entity; named parties through the unit of work's loader (batched). */
export async function invitationFacts(em: EntityManager, invitation: Invitation): Promise<InvitationFacts> {
  const namedPartyIds =
    invitation.audience === InvitationAudience.NAMED_PARTIES
      ? await invitationLoaders(em).invitees.load(invitation.id)
      : [];
  return {
    partyId: invitation.party.id,
    kind: invitation.kind,
    status: invitation.status,
    audience: invitation.audience,
    partyKinds: invitation.partyKinds,
    areas: invitation.areas,
    namedPartyIds,
  };
}
