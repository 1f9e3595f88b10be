import type { EntityManager } from '@mikro-orm/postgresql';
import { INVITATION_VALID_DAYS, MembershipRole, MembershipStatus, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import { partyTopic, publishLiveEvent } from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import { invitationMailKind } from './account-mails.js';
import { Membership } from '../parties/membership.entity.js';
import { Party } from '../parties/party.entity.js';
import { partyFacts } from '../parties/party-facts.js';
import { accountPolicy } from './account.policy.js';
import { AccountToken, AccountTokenPurpose } from './account-token.entity.js';
import { checkEmail, checkName, checkNewPassword } from './account-input.js';
import {
  INVALID_TOKEN_MESSAGE,
  invalidToken,
  looksLikeToken,
  newAccountToken,
  usableToken,
} from './account-tokens.js';
import { hashPassword } from './password.js';
import { Person } from './person.entity.js';
import { countAttempt, invitationLimits } from './rate-limit.js';
import { openSession } from './session.service.js';

export interface InvitePartyMemberInput {
  /** The party's uuid; null when the given id was not a party's. */
  partyId: string | null;
  email: string;
  /** MEMBER unless said. */
  role?: MembershipRole | null;
}

export interface Invitation {
  email: string;
  role: MembershipRole;
  expiresAt: Date;
}

/**
 * A party's contact invites someone by e-mail. The mail is recorded with the invitation and sent once it
 * commits, retried until the mail server takes it.
 */
export async function invitePartyMember(
  em: EntityManager,
  outbox: Outbox,
  viewer: Viewer | null,
  input: InvitePartyMemberInput,
): Promise<Invitation> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const party = input.partyId ? await tx.findOne(Party, input.partyId) : null;
    if (!party) throw userError('partyId', 'Parten finns inte.', UserErrorCode.NOT_FOUND);
    if (!accountPolicy.partyContact(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    const problems = new InputProblems();
    const email = checkEmail(problems, 'email', input.email);
    problems.throwIfAny();
    const existing = await tx.findOne(Membership, {
      party: party.id,
      person: { email },
      status: MembershipStatus.ACTIVE,
    });
    if (existing) {
      throw userError('email', 'Personen är redan med i parten.', UserErrorCode.DUPLICATE);
    }
    await countAttempt(tx, invitationLimits(viewer.id));
    const role = input.role ?? MembershipRole.MEMBER;
    const { token, tokenHash } = newAccountToken();
    const invitation = tx.create(AccountToken, {
      tokenHash,
      purpose: AccountTokenPurpose.INVITATION,
      email,
      party,
      role,
      createdBy: tx.getReference(Person, viewer.id),
      expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
    });
    await tx.flush();
    await outbox.record(tx, invitationMailKind, {
      to: email,
      token,
      partyName: party.name,
      inviterName: viewer.name,
    });
    return { email, role, expiresAt: invitation.expiresAt };
  });
}

export interface AcceptInvitationInput {
  token: string;
  /** For a new account (signed out): the person's name. */
  name?: string | null;
  /** For a new account (signed out): a password. */
  password?: string | null;
}

/**
 * Accepts an invitation. Signed in: the viewer joins the party. Signed out: an account is created for the
 * invited address (name and password required), joins, and is signed in. The token works once.
 */
export async function acceptInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  input: AcceptInvitationInput,
): Promise<{ party: Party; person: Person; sessionToken: string | null }> {
  const problems = new InputProblems();
  if (!looksLikeToken(input.token)) problems.add('token', INVALID_TOKEN_MESSAGE, UserErrorCode.INVALID_TOKEN);
  let name = '';
  if (!viewer) {
    name = checkName(problems, 'name', input.name);
    checkNewPassword(problems, 'password', input.password);
  }
  problems.throwIfAny();
  const passwordHash = viewer ? null : await hashPassword(input.password!);
  return em.transactional(async (tx) => {
    const invitation = await usableToken(tx, input.token, AccountTokenPurpose.INVITATION);
    const party = invitation.party ? await invitation.party.load() : null;
    if (!party) throw invalidToken();
    let person: Person;
    if (viewer) {
      person = await tx.findOneOrFail(Person, viewer.id);
    } else {
      if (await tx.count(Person, { email: invitation.email })) {
        throw userError(
          '',
          `Det finns redan ett konto för ${invitation.email}. Logga in och öppna länken igen.`,
          UserErrorCode.DUPLICATE,
        );
      }
      person = tx.create(Person, { name, email: invitation.email, passwordHash: passwordHash! });
    }
    const role = invitation.role ?? MembershipRole.MEMBER;
    const membership = await tx.findOne(Membership, { person: person.id, party: party.id });
    if (membership) {
      // An invitation overrides a pending or declined request, and never lowers a contact to a member.
      membership.status = MembershipStatus.ACTIVE;
      if (role === MembershipRole.CONTACT) membership.role = MembershipRole.CONTACT;
    } else {
      tx.create(Membership, { person, party, role, status: MembershipStatus.ACTIVE });
    }
    invitation.usedAt = new Date();
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: partyTopic(party.id),
      kind: 'MEMBERSHIP_ADDED',
      subjectId: party.id,
    });
    const sessionToken = viewer ? null : await openSession(tx, person, null);
    return { party, person, sessionToken };
  });
}
