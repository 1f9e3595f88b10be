import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AccessionStatus,
  MembershipStatus,
  SubmissionRole,
  SubmissionStatus,
  SubmissionPublication,
  allowedSubmissionActions,
  type SubmissionAction,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { Membership } from '../parties/membership.entity.js';
import { Accession } from '../accession/accession.entity.js';
import { CNatetRepresentative } from '../parties/cnatet-representative.entity.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { Forum } from '../forums/forum.entity.js';
import type { Submission } from './submission.entity.js';

/** The slug of Samverkansrådet, the forum submissions are raised with. */
export const COUNCIL_FORUM_SLUG = 'samverkansradet';

/**
 * What of the viewer the submission policy decides on, loaded once per unit of work whatever the number of
 * matters asked about (a list costs the same statements as one matter).
 */
export interface ViewerSubmissionFacts {
  viewer: Viewer | null;
  /** Parties the viewer is an active member of, and whether each has joined the agreement. */
  parties: ReadonlyMap<string, { joined: boolean }>;
  /** Departments whose C-nätet representative the viewer is: matters referred to them are theirs to answer. */
  handles: ReadonlySet<string>;
  /** The coordinator, or a convener of Samverkansrådet. */
  coordinates: boolean;
  /** Holds a current seat in Samverkansrådet: reads internal notes. */
  councilMember: boolean;
}

const factsByUnitOfWork = new WeakMap<EntityManager, Map<string, Promise<ViewerSubmissionFacts>>>();

/** The viewer's facts for this unit of work (cached on the EntityManager fork). */
export function viewerSubmissionFacts(
  em: EntityManager,
  viewer: Viewer | null,
): Promise<ViewerSubmissionFacts> {
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

async function gather(em: EntityManager, viewer: Viewer | null): Promise<ViewerSubmissionFacts> {
  if (!viewer) {
    return { viewer, parties: new Map(), handles: new Set(), coordinates: false, councilMember: false };
  }
  const [memberships, representing, seats, council] = await Promise.all([
    em.find(Membership, { person: viewer.id, status: MembershipStatus.ACTIVE }),
    em.find(CNatetRepresentative, { person: viewer.id }),
    em.find(CouncilSeat, { person: viewer.id, endedAt: null, forum: { slug: COUNCIL_FORUM_SLUG } }),
    viewer.convenes.length ? em.findOne(Forum, { slug: COUNCIL_FORUM_SLUG }) : null,
  ]);
  const partyIds = memberships.map((m) => m.party.id);
  const approved = partyIds.length
    ? await em.find(Accession, { party: { $in: partyIds } }, { orderBy: { requestedAt: 'desc' } })
    : [];
  const parties = new Map<string, { joined: boolean }>();
  for (const id of partyIds) {
    const latest = approved.find((accession) => accession.party.id === id);
    parties.set(id, { joined: latest?.status === AccessionStatus.APPROVED });
  }
  return {
    viewer,
    parties,
    handles: new Set(representing.map((r) => r.department.id)),
    coordinates: viewer.isCoordinator || (!!council && viewer.convenes.includes(council.id)),
    councilMember: seats.length > 0,
  };
}

const ownParty = (facts: ViewerSubmissionFacts, submission: Submission) =>
  facts.parties.has(submission.party.id);

/** Who may see and do what with a matter, one line per rule. `cosigned` lists the co-signing parties' ids. */
export const submissionPolicy = {
  /** Draft a matter for a party: an active member of a joined party. */
  draftFor: (facts: ViewerSubmissionFacts, partyId: string): boolean => !!facts.parties.get(partyId)?.joined,
  /** Know the matter exists: drafts only the party's own people; everything else everyone. */
  see: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    submission.status !== SubmissionStatus.DRAFT || ownParty(facts, submission),
  /** Read its title, description, party, documents and answer: a public one everyone, a restricted one those handling it. */
  seeContent: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    submissionPolicy.see(facts, submission) &&
    (submission.publication === SubmissionPublication.PUBLIC ||
      ownParty(facts, submission) ||
      facts.coordinates ||
      facts.councilMember ||
      (!!submission.referredTo && facts.handles.has(submission.referredTo.id))),
  /** The conversation: the party's own people, the coordinator and the handler. */
  converse: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    submission.status !== SubmissionStatus.DRAFT &&
    (ownParty(facts, submission) ||
      facts.coordinates ||
      (!!submission.referredTo && facts.handles.has(submission.referredTo.id))),
  /** Internal notes: the coordinator and the council. */
  seeInternalNotes: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    submission.status !== SubmissionStatus.DRAFT && (facts.coordinates || facts.councilMember),
  /** The viewer's roles in the workflow; `cosigned` the parties already standing behind it. */
  roles(facts: ViewerSubmissionFacts, submission: Submission, cosigned: readonly string[]): SubmissionRole[] {
    const roles: SubmissionRole[] = [];
    if (ownParty(facts, submission)) roles.push(SubmissionRole.SUBMITTER);
    if (facts.coordinates) roles.push(SubmissionRole.COORDINATOR);
    if (submission.referredTo && facts.handles.has(submission.referredTo.id))
      roles.push(SubmissionRole.HANDLER);
    if (supporterParties(facts, submission, cosigned).length) roles.push(SubmissionRole.SUPPORTER);
    return roles;
  },
  /** The workflow steps the viewer may take now. */
  actions(
    facts: ViewerSubmissionFacts,
    submission: Submission,
    cosigned: readonly string[],
  ): SubmissionAction[] {
    return allowedSubmissionActions(submission.status, submissionPolicy.roles(facts, submission, cosigned));
  },
};

/** The joined parties the viewer may co-sign for: not the submitting one, not one already standing behind it. */
export function supporterParties(
  facts: ViewerSubmissionFacts,
  submission: Submission,
  cosigned: readonly string[],
): string[] {
  return [...facts.parties.entries()]
    .filter(([id, party]) => party.joined && id !== submission.party.id && !cosigned.includes(id))
    .map(([id]) => id);
}
