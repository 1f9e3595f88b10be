import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { MembershipRole } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { UserError } from '../graphql/user-error.js';
import { payloadOf } from '../graphql/payload.js';
import { registrationLimits } from './rate-limit.js';
import { idOfType } from '../graphql/node.js';
import { unauthenticated } from '../graphql/errors.js';
import type { Outbox } from '../outbox/outbox.js';
import { Party } from '../parties/party.entity.js';
import { CreatePartyInput, PartyPayload } from '../parties/parties.resolver.js';
import { ViewerType } from './viewer.type.js';
import type { Person } from './person.entity.js';
import { AccountSession, sessionGlobalId, sessionIdFrom } from './account-session.type.js';
import { endOwnSession, endSession, signIn, viewerSessions } from './session.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { register } from './registration.service.js';
import { requestPasswordReset, resetPassword } from './password-reset.service.js';
import { acceptInvitation, invitePartyMember } from './invitation.service.js';
import { decideMembershipRequest } from './membership-request.service.js';

@InputType({ description: 'E-mail and password.' })
class SignInInput {
  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'Result of signing in.' })
class SignInPayload {
  @Field(() => ViewerType, { nullable: true, description: 'The signed-in person, when it worked.' })
  viewer!: ViewerType | null;

  @Field(() => [UserError], { description: 'Why signing in failed.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of signing out.' })
class SignOutPayload {
  @Field(() => Boolean, { description: 'True when the session was ended.' })
  signedOut!: boolean;

  @Field(() => [UserError], { description: 'Always empty; present for a uniform payload.' })
  errors!: UserError[];
}

@InputType({ description: 'A new account, and optionally the party it creates or asks to join.' })
class RegisterInput {
  @Field(() => String, { description: "The person's name." })
  name!: string;

  @Field(() => String, { description: 'E-mail address; used to sign in.' })
  email!: string;

  @Field(() => String, { description: 'Password, at least 10 characters.' })
  password!: string;

  @Field(() => CreatePartyInput, {
    nullable: true,
    description: 'A party to register, with the new person as its contact.',
  })
  createParty?: CreatePartyInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A party to ask to join; one of its contacts decides.',
  })
  joinPartyId?: string | null;
}

@ObjectType({ description: 'Result of registering.' })
class RegisterPayload {
  @Field(() => ViewerType, { nullable: true, description: 'The new, signed-in person; null when refused.' })
  viewer!: ViewerType | null;

  @Field(() => Party, { nullable: true, description: 'The party created or asked to join, if any.' })
  party!: Party | null;

  @Field(() => [UserError], { description: 'Why registering was refused.' })
  errors!: UserError[];
}

@InputType({ description: 'The address to send a password-reset link to.' })
class RequestPasswordResetInput {
  @Field(() => String, { description: 'E-mail address of the account.' })
  email!: string;
}

@ObjectType({ description: 'Result of asking for a password-reset link.' })
class RequestPasswordResetPayload {
  @Field(() => Boolean, {
    description:
      'True when the request was accepted. The answer is the same whether an account has the address: a link is mailed if one has.',
  })
  sent!: boolean;

  @Field(() => [UserError], { description: 'Why the request was refused (bad address, too many requests).' })
  errors!: UserError[];
}

@InputType({ description: "A reset link's token and the new password." })
class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the link in the mail.' })
  token!: string;

  @Field(() => String, { description: 'The new password, at least 10 characters.' })
  password!: string;
}

@ObjectType({ description: 'Result of setting a new password.' })
class ResetPasswordPayload {
  @Field(() => ViewerType, {
    nullable: true,
    description: 'The person, signed in with a fresh session (every other session ended); null when refused.',
  })
  viewer!: ViewerType | null;

  @Field(() => [UserError], { description: 'Why the reset was refused.' })
  errors!: UserError[];
}

@InputType({ description: 'Someone to invite into a party by e-mail.' })
class InvitePartyMemberInput {
  @Field(() => ID, { description: 'The party.' })
  partyId!: string;

  @Field(() => String, { description: 'E-mail address to send the invitation to.' })
  email!: string;

  @Field(() => MembershipRole, { nullable: true, description: 'Role in the party; MEMBER when left out.' })
  role?: MembershipRole | null;
}

@ObjectType({ description: 'An invitation sent by e-mail.' })
class PartyInvitation {
  @Field(() => String, { description: 'Where it was sent.' })
  email!: string;

  @Field(() => MembershipRole, { description: 'The role the invited person gets.' })
  role!: MembershipRole;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'Result of inviting someone.' })
class InvitePartyMemberPayload {
  @Field(() => PartyInvitation, { nullable: true, description: 'The invitation; null when refused.' })
  invitation!: PartyInvitation | null;

  @Field(() => [UserError], { description: 'Why the invitation was refused.' })
  errors!: UserError[];
}

@InputType({
  description: "An invitation's token; name and password when the invited person has no account.",
})
class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the link in the mail.' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'Signed out: the name for the new account.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Signed out: a password for the new account.' })
  password?: string | null;
}

@ObjectType({ description: 'Result of accepting an invitation.' })
class AcceptInvitationPayload {
  @Field(() => ViewerType, {
    nullable: true,
    description: 'The person who joined, signed in; null when refused.',
  })
  viewer!: ViewerType | null;

  @Field(() => Party, { nullable: true, description: 'The party joined.' })
  party!: Party | null;

  @Field(() => [UserError], { description: 'Why accepting was refused.' })
  errors!: UserError[];
}

@InputType({ description: "A contact's decision on a request to join the party." })
class DecideMembershipRequestInput {
  @Field(() => ID, { description: 'The membership request (PartyMember.id).' })
  membershipId!: string;

  @Field(() => Boolean, { description: 'True to let the person in, false to decline.' })
  approve!: boolean;
}

@InputType({ description: "One of the viewer's sessions." })
class EndSessionInput {
  @Field(() => ID, { description: 'AccountSession.id.' })
  sessionId!: string;
}

@ObjectType({ description: 'Result of ending a session.' })
class EndSessionPayload {
  @Field(() => ID, { nullable: true, description: 'The session that was ended; null when refused.' })
  endedSessionId!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  errors!: UserError[];
}

/** Options the resolver needs from configuration. */
export const accountsOptions = { cookieSecure: false, registrationsPerHour: 10 };

function viewerOf(person: Pick<Person, 'id' | 'name' | 'email' | 'isCoordinator'>): ViewerType {
  return { id: person.id, name: person.name, email: person.email, isCoordinator: person.isCoordinator };
}

function setSession(ctx: GraphQLContext, token: string | null) {
  if (token) ctx.res?.append('Set-Cookie', sessionCookie(token, accountsOptions.cookieSecure));
}

function outboxOf(ctx: GraphQLContext): Outbox {
  if (!ctx.outbox) throw new Error('mail is sent from HTTP requests only');
  return ctx.outbox;
}

@Resolver(() => ViewerType)
export class AccountsResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person; null when signed out.' })
  viewer(@Ctx() { viewer }: GraphQLContext): ViewerType | null {
    return viewer ? viewerOf(viewer) : null;
  }

  @FieldResolver(() => [AccountSession], {
    description: "The person's sessions (browsers where they are signed in), the newest first.",
  })
  async sessions(@Ctx() { em, viewer }: GraphQLContext): Promise<AccountSession[]> {
    if (!viewer) return [];
    const sessions = await viewerSessions(em, viewer);
    return sessions.map((session) => ({
      id: sessionGlobalId(session.id),
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      current: session.id === viewer.sessionId,
    }));
  }

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with e-mail and password; sets an HTTP-only session cookie. Rate-limited per account and per address.',
  })
  signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPayload> {
    return payloadOf({ viewer: null as ViewerType | null }, async () => {
      const { token, person } = await signIn(ctx.em, input, ctx.viewer?.sessionId ?? null, ctx.ip);
      setSession(ctx, token);
      return { viewer: viewerOf(person) };
    });
  }

  @Mutation(() => SignOutPayload, { description: 'Ends this session and closes its live connections.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    const { viewer } = ctx;
    if (!viewer) throw unauthenticated();
    await ctx.em.transactional((tx) => endSession(tx, viewer.sessionId));
    ctx.res?.append('Set-Cookie', clearedSessionCookie(accountsOptions.cookieSecure));
    return { signedOut: true, errors: [] };
  }

  @Mutation(() => RegisterPayload, {
    description:
      'Creates an account and signs it in; optionally registers a party (as its contact) or asks to join one, all or nothing.',
  })
  register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegisterPayload> {
    return payloadOf({ viewer: null as ViewerType | null, party: null as Party | null }, async () => {
      const result = await register(
        ctx.em,
        ctx.viewer,
        {
          name: input.name,
          email: input.email,
          password: input.password,
          createParty: input.createParty ?? null,
          joinPartyId: input.joinPartyId == null ? undefined : idOfType(input.joinPartyId, 'Party'),
        },
        registrationLimits(ctx.ip ?? 'unknown', accountsOptions.registrationsPerHour),
      );
      setSession(ctx, result.sessionToken);
      return { viewer: viewerOf(result.person), party: result.party };
    });
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'Mails a password-reset link (valid one hour, once) if an account has the address; answers the same either way. Rate-limited.',
  })
  requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RequestPasswordResetPayload> {
    return payloadOf({ sent: false as boolean }, async () => {
      await requestPasswordReset(ctx.em, outboxOf(ctx), input, ctx.ip ?? 'unknown');
      return { sent: true };
    });
  }

  @Mutation(() => ResetPasswordPayload, {
    description:
      "Sets a new password with a reset link's token, ends all the person's sessions and signs in with a new one.",
  })
  resetPassword(
    @Arg('input', () => ResetPasswordInput) input: ResetPasswordInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResetPasswordPayload> {
    return payloadOf({ viewer: null as ViewerType | null }, async () => {
      const { person, sessionToken } = await resetPassword(ctx.em, ctx.viewer, input);
      setSession(ctx, sessionToken);
      return { viewer: viewerOf(person) };
    });
  }

  @Mutation(() => InvitePartyMemberPayload, {
    description: "A party's contact invites someone by e-mail (the link works for 14 days, once).",
  })
  invitePartyMember(
    @Arg('input', () => InvitePartyMemberInput) input: InvitePartyMemberInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvitePartyMemberPayload> {
    return payloadOf({ invitation: null as PartyInvitation | null }, async () => ({
      invitation: await invitePartyMember(ctx.em, outboxOf(ctx), ctx.viewer, {
        partyId: idOfType(input.partyId, 'Party'),
        email: input.email,
        role: input.role ?? null,
      }),
    }));
  }

  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Accepts an invitation: signed in, the viewer joins the party; signed out, an account is created for the invited address (name and password) and signed in.',
  })
  acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AcceptInvitationPayload> {
    return payloadOf({ viewer: null as ViewerType | null, party: null as Party | null }, async () => {
      const { party, person, sessionToken } = await acceptInvitation(ctx.em, ctx.viewer, input);
      setSession(ctx, sessionToken);
      return { viewer: viewerOf(person), party };
    });
  }

  @Mutation(() => PartyPayload, {
    description: "A party's contact approves or declines a request to join the party.",
  })
  decideMembershipRequest(
    @Arg('input', () => DecideMembershipRequestInput) input: DecideMembershipRequestInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<PartyPayload> {
    return payloadOf({ party: null as Party | null }, async () => ({
      party: await decideMembershipRequest(em, viewer, {
        membershipId: idOfType(input.membershipId, 'Membership'),
        approve: input.approve,
      }),
    }));
  }

  @Mutation(() => EndSessionPayload, {
    description:
      "Ends one of the viewer's sessions (this one or another browser); its live connections close.",
  })
  endSession(
    @Arg('input', () => EndSessionInput) input: EndSessionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EndSessionPayload> {
    return payloadOf({ endedSessionId: null as string | null }, async () => {
      const { endedCurrent } = await endOwnSession(ctx.em, ctx.viewer, sessionIdFrom(input.sessionId));
      if (endedCurrent) ctx.res?.append('Set-Cookie', clearedSessionCookie(accountsOptions.cookieSecure));
      return { endedSessionId: input.sessionId };
    });
  }
}
