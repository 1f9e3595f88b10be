import { ref } from '@mikro-orm/core';
import {
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  OccasionMode,
  PartyKind,
  ProcessStage,
} from '@samverka/domain';
import type { RunningSamverka } from '../src/app.js';
import { Party } from '../src/parties/party.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationInvitee } from '../src/invitations/invitation-invitee.entity.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';

let parties = 0;

/** A party written straight to the database (the feeds read parties, not memberships). */
export async function feedParty(
  server: RunningSamverka,
  kind: PartyKind,
  areasOfInterest: string[] = [],
): Promise<Party> {
  const em = server.orm.em.fork();
  const party = em.create(Party, {
    name: `Flödesparten ${++parties} ${Date.now()}`,
    kind,
    areasOfInterest,
  });
  await em.flush();
  return party;
}

export interface FeedInvitationFields {
  kind?: InvitationKind;
  title: string;
  status: InvitationStatus;
  audience?: InvitationAudience;
  areas?: string[];
  partyKinds?: PartyKind[];
  named?: Party[];
  publishedAt?: Date | null;
  plannedDecisionOn?: string | null;
  concludesAt?: Date | null;
  feedbackPublishedAt?: Date | null;
  compilationPublishedAt?: Date | null;
  occasions?: { startsAt: Date; mode: OccasionMode; place?: string; link?: string }[];
}

/** An invitation in any status with its occasions, written straight to the database. */
export async function feedInvitation(
  server: RunningSamverka,
  party: Party,
  fields: FeedInvitationFields,
): Promise<{ invitation: Invitation; occasions: InvitationOccasion[] }> {
  const em = server.orm.em.fork();
  const { named = [], occasions = [], ...rest } = fields;
  const invitation = em.create(Invitation, {
    party: party.id,
    kind: InvitationKind.DIALOGUE,
    process: 'Flödestestets process',
    stage: ProcessStage.IDEA,
    inputWanted: 'Synpunkter på flödestestet.',
    contactName: 'Kim Kontakt',
    contactDetails: 'kim@example.org',
    audience: InvitationAudience.ALL_PARTIES,
    publishedAt: fields.status === InvitationStatus.DRAFT ? null : new Date(),
    ...rest,
  });
  for (const invitee of named) em.create(InvitationInvitee, { invitation, party: invitee.id });
  const created = occasions.map((occasion) => {
    const made = Object.assign(new InvitationOccasion(), {
      invitation: ref(invitation),
      startsAt: occasion.startsAt,
      endsAt: new Date(occasion.startsAt.getTime() + 2 * 3600 * 1000),
      mode: occasion.mode,
      place: occasion.place ?? null,
      link: occasion.link ?? null,
      accessibility: occasion.place ? 'Hiss och hörslinga.' : null,
      capacity: 10,
      registrationClosesOn: occasion.startsAt.toISOString().slice(0, 10),
    });
    em.persist(made);
    return made;
  });
  await em.flush();
  return { invitation, occasions: created };
}
