import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Input, Payload, field, flag, id, text } from '../graphql/generated-types.js';
import { MembershipRole } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadOf } from '../graphql/payload.js';
import { registrationLimits } from './rate-limit.js';
import { idOfType } from '../graphql/node.js';
import type { Mailer } from '../mail/mailer.js';
import { Party } from '../parties/party.entity.js';
import { CreatePartyInput, PartyPayload } from '../parties/parties.resolver.js';
import { ViewerType } from './viewer.type.js';
import type { Person } from './person.entity.js';
import { AccountSession, sessionGlobalId, sessionIdFrom } from './account-session.type.js';
import { endOwnSession, signIn, signOut, viewerSessions } from './session.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { register } from './registration.service.js';
import { requestPasswordReset, resetPassword } from './password-reset.service.js';
import { acceptInvitation, invitePartyMember } from './invitation.service.js';
import { decideMembershipRequest } from './membership-request.service.js';

const SignInInput = Input('SignInInput', 'E-mail and password.', {
  email: text('E-mail address.'),
  password: text('Password.'),
});
type SignInInput = InstanceType<typeof SignInInput>;

const SignInPayload = Payload(
  'SignInPayload',
  'Result of signing in.',
  {
    viewer: field<ViewerType | null>(() => ViewerType, 'The signed-in person, when it worked.', {
      nullable: true,
    }),
  },
  'Why signing in failed.',
);
type SignInPayload = InstanceType<typeof SignInPayload>;

const SignOutPayload = Payload(
  'SignOutPayload',
  'Result of signing out.',
  {
    signedOut: flag('True when the session was ended.'),
  },
  'Always empty; present for a uniform payload.',
);
type SignOutPayload = InstanceType<typeof SignOutPayload>;

const RegisterInput = Input(
  'RegisterInput',
  'A new account, and optionally the party it creates or asks to join.',
  {
    name: text("The person's name."),
    email: text('E-mail address; used to sign in.'),
    password: text('Password, at least 10 characters.'),
    createParty: field<CreatePartyInput | null>(
      () => CreatePartyInput,
      'A party to register, with the new person as its contact.',
      { nullable: true },
    ),
    joinPartyId: field<string | null>(() => ID, 'A party to ask to join; one of its contacts decides.', {
      nullable: true,
    }),
  },
);
type RegisterInput = InstanceType<typeof RegisterInput>;

const RegisterPayload = Payload(
  'RegisterPayload',
  'Result of registering. The same for an address that has an account already: nobody is signed in, and the mail tells the rest.',
  {
    email: field<string | null>(
      () => String,
      'The address a mail went to: a welcome (sign in with the new password) or, for an address that has an account, a notice to its owner. Null when refused.',
      { nullable: true },
    ),
  },
  'Why registering was refused.',
);
type RegisterPayload = InstanceType<typeof RegisterPayload>;

const RequestPasswordResetInput = Input(
  'RequestPasswordResetInput',
  'The address to send a password-reset link to.',
  {
    email: text('E-mail address of the account.'),
  },
);
type RequestPasswordResetInput = InstanceType<typeof RequestPasswordResetInput>;

const RequestPasswordResetPayload = Payload(
  'RequestPasswordResetPayload',
  'Result of asking for a password-reset link.',
  {
    sent: flag(
      'True when the request was accepted. The answer is the same whether an account has the address: a link is mailed if one has.',
    ),
  },
  'Why the request was refused (bad address, too many requests).',
);
type RequestPasswordResetPayload = InstanceType<typeof RequestPasswordResetPayload>;

const ResetPasswordInput = Input('ResetPasswordInput', "A reset link's token and the new password.", {
  token: text('The token from the link in the mail.'),
  password: text('The new password, at least 10 characters.'),
});
type ResetPasswordInput = InstanceType<typeof ResetPasswordInput>;

const ResetPasswordPayload = Payload(
  'ResetPasswordPayload',
  'Result of setting a new password.',
  {
    viewer: field<ViewerType | null>(
      () => ViewerType,
      'The person, signed in with a fresh session (every other session ended); null when refused.',
      { nullable: true },
    ),
  },
  'Why the reset was refused.',
);
type ResetPasswordPayload = InstanceType<typeof ResetPasswordPayload>;

const InvitePartyMemberInput = Input('InvitePartyMemberInput', 'Someone to invite into a party by e-mail.', {
  partyId: id('The party.'),
  email: text('E-mail address to send the invitation to.'),
  role: field<MembershipRole | null>(() => MembershipRole, 'Role in the party; MEMBER when left out.', {
    nullable: true,
  }),
});
type InvitePartyMemberInput = InstanceType<typeof InvitePartyMemberInput>;

@ObjectType({ description: 'An invitation sent by e-mail.' })
class PartyInvitation {
  @Field(() => String, { description: 'Where it was sent.' })
  email!: string;

  @Field(() => MembershipRole, { description: 'The role the invited person gets.' })
  role!: MembershipRole;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

const InvitePartyMemberPayload = Payload(
  'InvitePartyMemberPayload',
  'Result of inviting someone.',
  {
    invitation: field<PartyInvitation | null>(() => PartyInvitation, 'The invitation; null when refused.', {
      nullable: true,
    }),
  },
  'Why the invitation was refused.',
);
type InvitePartyMemberPayload = InstanceType<typeof InvitePartyMemberPayload>;

const AcceptInvitationInput = Input(
  'AcceptInvitationInput',
  "An invitation's token; name and password when the invited person has no account.",
  {
    token: text('The token from the link in the mail.'),
    name: field<string | null>(() => String, 'Signed out: the name for the new account.', { nullable: true }),
    password: field<string | null>(() => String, 'Signed out: a password for the new account.', {
      nullable: true,
    }),
  },
);
type AcceptInvitationInput = InstanceType<typeof AcceptInvitationInput>;

const AcceptInvitationPayload = Payload(
  'AcceptInvitationPayload',
  'Result of accepting an invitation.',
  {
    viewer: field<ViewerType | null>(
      () => ViewerType,
      'The person who joined, signed in; null when refused.',
      { nullable: true },
    ),
    party: field<Party | null>(() => Party, 'The party joined.', { nullable: true }),
  },
  'Why accepting was refused.',
);
type AcceptInvitationPayload = InstanceType<typeof AcceptInvitationPayload>;

const DecideMembershipRequestInput = Input(
  'DecideMembershipRequestInput',
  "A contact's decision on a request to join the party.",
  {
    membershipId: id('The membership request (PartyMember.id).'),
    approve: flag('True to let the person in, false to decline.'),
  },
);
type DecideMembershipRequestInput = InstanceType<typeof DecideMembershipRequestInput>;

const EndSessionInput = Input('EndSessionInput', "One of the viewer's sessions.", {
  sessionId: id('AccountSession.id.'),
});
type EndSessionInput = InstanceType<typeof EndSessionInput>;

const EndSessionPayload = Payload(
  'EndSessionPayload',
  'Result of ending a session.',
  {
    endedSessionId: field<string | null>(() => ID, 'The session that was ended; null when refused.', {
      nullable: true,
    }),
  },
  'Why it was refused.',
);
type EndSessionPayload = InstanceType<typeof EndSessionPayload>;

/** Options the resolver needs from configuration. */
export const accountsOptions = { cookieSecure: false, registrationsPerHour: 10 };

function viewerOf(person: Pick<Person, 'id' | 'name' | 'email' | 'isCoordinator'>): ViewerType {
  return { id: person.id, name: person.name, email: person.email, isCoordinator: person.isCoordinator };
}

function setSession(ctx: GraphQLContext, token: string | null) {
  if (token) ctx.res?.append('Set-Cookie', sessionCookie(token, accountsOptions.cookieSecure));
}

function mailerOf(ctx: GraphQLContext): Mailer {
  if (!ctx.mailer) throw new Error('mail is sent from HTTP requests only');
  return ctx.mailer;
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
    await signOut(ctx.em, ctx.viewer);
    ctx.res?.append('Set-Cookie', clearedSessionCookie(accountsOptions.cookieSecure));
    return { signedOut: true, errors: [] };
  }

  @Mutation(() => RegisterPayload, {
    description:
      'Creates an account, optionally registering a party (as its contact) or asking to join one, all or nothing, and mails a welcome; signs nobody in. An address that has an account gets the same answer and its owner a mail. Rate-limited per address.',
  })
  register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegisterPayload> {
    return payloadOf({ email: null as string | null }, () =>
      register(
        ctx.em,
        mailerOf(ctx),
        {
          name: input.name,
          email: input.email,
          password: input.password,
          createParty: input.createParty ?? null,
          joinPartyId: input.joinPartyId == null ? undefined : idOfType(input.joinPartyId, 'Party'),
        },
        registrationLimits(ctx.ip ?? 'unknown', accountsOptions.registrationsPerHour),
      ),
    );
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
      await requestPasswordReset(ctx.em, mailerOf(ctx), input, ctx.ip ?? 'unknown');
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
      invitation: await invitePartyMember(ctx.em, mailerOf(ctx), ctx.viewer, {
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
