import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Input, Payload, field, id, text } from '../graphql/generated-types.js';
import { MembershipRole, MembershipStatus, PartyKind, PartySector, sectorOf } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { idOfType, toGlobalId } from '../graphql/node.js';
import { payloadWith } from '../graphql/payload.js';
import { ViewerType } from '../accounts/viewer.type.js';
import { Accession } from '../accession/accession.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { findVisibleParty, partyFacts } from './party-facts.js';
import * as queries from './party.queries.js';
import * as parties from './party.service.js';

const PartyConnection = Connection(Party, 'Party');

@ObjectType({ description: 'A person in a party, as its contacts and the coordinator see them.' })
class PartyMember {
  @Field(() => ID, { description: 'Id of the membership.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => MembershipRole, { description: 'Member or contact.' })
  role!: MembershipRole;

  @Field(() => MembershipStatus, { description: 'Asked for, active or declined.' })
  status!: MembershipStatus;
}

@ObjectType({ description: 'A party the viewer belongs to or asked to join.' })
class ViewerMembership {
  @Field(() => Party, { description: 'The party.' })
  party!: Party;

  @Field(() => MembershipRole, { description: "The viewer's role." })
  role!: MembershipRole;

  @Field(() => MembershipStatus, { description: 'Asked for or active.' })
  status!: MembershipStatus;
}

export const CreatePartyInput = Input('CreatePartyInput', "A party's details.", {
  name: text('Name of the organisation.'),
  kind: field<PartyKind>(() => PartyKind, 'What kind of organisation it is.'),
  organisationNumber: field<string | null>(
    () => String,
    'Organisationsnummer NNNNNN-NNNN; required except for networks.',
    { nullable: true },
  ),
  description: field<string | null>(() => String, 'What the organisation does.', { nullable: true }),
  areasOfInterest: field<string[] | null>(() => [String], 'Areas of interest.', { nullable: true }),
  publicContact: field<string | null>(() => String, 'Public contact (e-mail or phone).', { nullable: true }),
  website: field<string | null>(() => String, 'Website, https://…', { nullable: true }),
  networkContactName: field<string | null>(() => String, 'For a network: its named contact person.', {
    nullable: true,
  }),
  networkParticipants: field<string | null>(() => String, 'For a network: who takes part.', {
    nullable: true,
  }),
});
export type CreatePartyInput = InstanceType<typeof CreatePartyInput>;

const UpdatePartyInput = Input('UpdatePartyInput', "A party's new details; its kind cannot change.", {
  partyId: id('The party.'),
  name: text('Name of the organisation.'),
  organisationNumber: field<string | null>(() => String, 'Organisationsnummer NNNNNN-NNNN.', {
    nullable: true,
  }),
  description: field<string | null>(() => String, 'What the organisation does.', { nullable: true }),
  areasOfInterest: field<string[] | null>(() => [String], 'Areas of interest.', { nullable: true }),
  publicContact: field<string | null>(() => String, 'Public contact.', { nullable: true }),
  website: field<string | null>(() => String, 'Website.', { nullable: true }),
  networkContactName: field<string | null>(() => String, 'For a network: its named contact person.', {
    nullable: true,
  }),
  networkParticipants: field<string | null>(() => String, 'For a network: who takes part.', {
    nullable: true,
  }),
});
type UpdatePartyInput = InstanceType<typeof UpdatePartyInput>;

const PartyActionInput = Input('PartyActionInput', 'Names a party.', {
  partyId: id('The party.'),
});
type PartyActionInput = InstanceType<typeof PartyActionInput>;

const AppointCNatetRepresentativeInput = Input(
  'AppointCNatetRepresentativeInput',
  'A department and the person who represents it in C-nätet.',
  {
    departmentId: id('The department (a party of kind MUNICIPAL_DEPARTMENT).'),
    personEmail: text("E-mail of the representative's account."),
  },
);
type AppointCNatetRepresentativeInput = InstanceType<typeof AppointCNatetRepresentativeInput>;

export const PartyPayload = Payload(
  'PartyPayload',
  'Result of a change to a party.',
  {
    party: field<Party | null>(() => Party, 'The party after the change; null when refused.', {
      nullable: true,
    }),
  },
  'Why the change was refused.',
);
export type PartyPayload = InstanceType<typeof PartyPayload>;

@Resolver(() => Party)
export class PartiesResolver {
  @Query(() => PartyConnection, {
    description:
      'The public register of joined parties: Swedish full-text search, filters by kind and sector, by name.',
  })
  async parties(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Words to search for.' })
    search: string | null,
    @Arg('kind', () => PartyKind, { nullable: true, description: 'Only this kind.' }) kind: PartyKind | null,
    @Arg('sector', () => PartySector, { nullable: true, description: 'Only this sector.' })
    sector: PartySector | null,
    @Ctx() { em }: GraphQLContext,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const { parties: items, total } = await queries.searchRegister(em, {
      search: search?.slice(0, 200),
      kind,
      sector,
      limit,
      offset,
    });
    return toConnection(items, total, offset);
  }

  @Query(() => Party, {
    nullable: true,
    description: 'A party: joined ones for anyone; others for their own people and the coordinator.',
  })
  party(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return findVisibleParty(em, viewer, idOfType(id, 'Party'));
  }

  @FieldResolver(() => PartySector, { description: 'Civil society or municipal.' })
  sector(@Root() party: Party): PartySector {
    return sectorOf(party.kind);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it joined; null when it has not.' })
  async joinedOn(@Root() party: Party, @Ctx() { em }: GraphQLContext): Promise<Date | null> {
    return queries.joinedOn(em, party);
  }

  @FieldResolver(() => Accession, {
    nullable: true,
    description:
      "The latest accession: public once approved; otherwise for the party's people and the coordinator.",
  })
  async accession(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<Accession | null> {
    return queries.visibleAccession(em, viewer, party);
  }

  @FieldResolver(() => [PartyMember], {
    description: 'Members and contacts: for its contacts and the coordinator.',
  })
  async members(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<PartyMember[]> {
    const memberships = await queries.partyMembers(em, viewer, party);
    return memberships.map((membership) => ({
      id: toGlobalId('Membership', membership.id),
      name: membership.person.getEntity().name,
      email: membership.person.getEntity().email,
      role: membership.role,
      status: membership.status,
    }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Cursor of the latest change, for the party's people and the coordinator: subscribe to accessionChanged " +
      'with after: liveCursor to miss nothing since this query.',
  })
  async liveCursor(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<string | null> {
    return queries.partyLiveCursor(em, viewer, party);
  }

  @FieldResolver(() => Boolean, { description: 'True when the viewer is an active contact of the party.' })
  async viewerIsContact(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<boolean> {
    return (await partyFacts(em, viewer, party)).role === MembershipRole.CONTACT;
  }

  @Query(() => [Party], { description: 'Coordinator: networks waiting for confirmation.' })
  async unconfirmedNetworks(@Ctx() { em, viewer }: GraphQLContext): Promise<Party[]> {
    return queries.unconfirmedNetworks(em, viewer);
  }

  @Mutation(() => PartyPayload, { description: 'Creates a party; the creator becomes its contact.' })
  createParty(
    @Arg('input', () => CreatePartyInput) input: CreatePartyInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('party', () => parties.createPartyAsViewer(em, viewer, input));
  }

  @Mutation(() => PartyPayload, { description: "A contact updates the party's profile." })
  updateParty(
    @Arg('input', () => UpdatePartyInput) input: UpdatePartyInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    const { partyId, ...details } = input;
    return payloadWith('party', () => parties.updateParty(em, viewer, idOfType(partyId, 'Party'), details));
  }

  @Mutation(() => PartyPayload, {
    description: 'Asks to join an existing party; one of its contacts decides.',
  })
  requestMembership(
    @Arg('input', () => PartyActionInput) input: PartyActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('party', () =>
      parties.requestMembershipAsViewer(em, viewer, idOfType(input.partyId, 'Party')),
    );
  }

  @Mutation(() => PartyPayload, {
    description: 'The coordinator confirms a network (it has no organisationsnummer).',
  })
  confirmNetwork(
    @Arg('input', () => PartyActionInput) input: PartyActionInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('party', () => parties.confirmNetwork(em, viewer, idOfType(input.partyId, 'Party')));
  }

  @Mutation(() => PartyPayload, {
    description: "The coordinator appoints a department's representative in C-nätet.",
  })
  appointCNatetRepresentative(
    @Arg('input', () => AppointCNatetRepresentativeInput) input: AppointCNatetRepresentativeInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('party', () =>
      parties.appointCNatetRepresentative(em, viewer, {
        departmentId: idOfType(input.departmentId, 'Party'),
        personEmail: input.personEmail,
      }),
    );
  }
}

@Resolver(() => ViewerType)
export class ViewerMembershipsResolver {
  @FieldResolver(() => [ViewerMembership], {
    description: 'The parties the viewer belongs to or asked to join.',
  })
  async memberships(@Root() viewer: ViewerType, @Ctx() { em }: GraphQLContext): Promise<ViewerMembership[]> {
    const memberships = await em.find(
      Membership,
      { person: viewer.id, status: { $ne: MembershipStatus.DECLINED } },
      { populate: ['party'], orderBy: { createdAt: 'asc' } },
    );
    return memberships.map((m) => ({ party: m.party.getEntity(), role: m.role, status: m.status }));
  }
}
