import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  AccessionStatus,
  MembershipRole,
  MembershipStatus,
  PartyKind,
  PartySector,
  sectorOf,
} from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { idOfType, toGlobalId } from '../graphql/node.js';
import { UserError } from '../graphql/user-error.js';
import { payloadWith } from '../graphql/payload.js';
import { ViewerType } from '../accounts/viewer.type.js';
import { Accession } from '../accession/accession.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { findVisibleParty, latestAccession, partyFacts } from './party-facts.js';
import { partyPolicy } from './party.policy.js';
import { joinedOnOf, searchRegister } from './party.queries.js';
import * as parties from './party.service.js';
import { partyTopic } from '../live/publish.js';
import { LIVE_CURSOR, liveCursor } from '../live/live-cursor.js';
import { PERSON_DEPENDENT, ROLE_DEPENDENT } from '../live/audience.js';

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

@InputType({ description: "A party's details." })
export class CreatePartyInput {
  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => PartyKind, { description: 'What kind of organisation it is.' })
  kind!: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'Organisationsnummer NNNNNN-NNNN; required except for networks.',
  })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Areas of interest.' })
  areasOfInterest?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Public contact (e-mail or phone).' })
  publicContact?: string | null;

  @Field(() => String, { nullable: true, description: 'Website, https://…' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'For a network: its named contact person.' })
  networkContactName?: string | null;

  @Field(() => String, { nullable: true, description: 'For a network: who takes part.' })
  networkParticipants?: string | null;
}

@InputType({ description: "A party's new details; its kind cannot change." })
class UpdatePartyInput {
  @Field(() => ID, { description: 'The party.' })
  partyId!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisationsnummer NNNNNN-NNNN.' })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Areas of interest.' })
  areasOfInterest?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Public contact.' })
  publicContact?: string | null;

  @Field(() => String, { nullable: true, description: 'Website.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'For a network: its named contact person.' })
  networkContactName?: string | null;

  @Field(() => String, { nullable: true, description: 'For a network: who takes part.' })
  networkParticipants?: string | null;
}

@InputType({ description: 'Names a party.' })
class PartyActionInput {
  @Field(() => ID, { description: 'The party.' })
  partyId!: string;
}

@InputType({ description: 'A department and the person who represents it in C-nätet.' })
class AppointCNatetRepresentativeInput {
  @Field(() => ID, { description: 'The department (a party of kind MUNICIPAL_DEPARTMENT).' })
  departmentId!: string;

  @Field(() => String, { description: "E-mail of the representative's account." })
  personEmail!: string;
}

@ObjectType({ description: 'Result of a change to a party.' })
export class PartyPayload {
  @Field(() => Party, { nullable: true, description: 'The party after the change; null when refused.' })
  party!: Party | null;

  @Field(() => [UserError], { description: 'Why the change was refused.' })
  errors!: UserError[];
}

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
    const { parties: items, total } = await searchRegister(em, {
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
    if (joinedOnOf.has(party)) return joinedOnOf.get(party) ?? null;
    const accession = await latestAccession(em, party.id);
    return accession?.status === AccessionStatus.APPROVED ? (accession.decidedAt ?? null) : null;
  }

  @FieldResolver(() => Accession, {
    nullable: true,
    description:
      "The latest accession: public once approved; otherwise for the party's people and the coordinator.",
  })
  @Extensions(ROLE_DEPENDENT)
  async accession(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<Accession | null> {
    const accession = await latestAccession(em, party.id);
    if (!accession) return null;
    if (accession.status === AccessionStatus.APPROVED) return accession;
    return partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party)) ? accession : null;
  }

  @FieldResolver(() => [PartyMember], {
    description: 'Members and contacts: for its contacts and the coordinator.',
  })
  @Extensions(ROLE_DEPENDENT)
  async members(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<PartyMember[]> {
    const facts = await partyFacts(em, viewer, party);
    if (!viewer || !(viewer.isCoordinator || facts.role === MembershipRole.CONTACT)) return [];
    const memberships = await em.find(
      Membership,
      { party: party.id },
      { populate: ['person'], orderBy: { createdAt: 'asc' } },
    );
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
  @Extensions({ ...LIVE_CURSOR, ...ROLE_DEPENDENT })
  async liveCursor(@Root() party: Party, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!partyPolicy.seeInternals(ctx.viewer, await partyFacts(ctx.em, ctx.viewer, party))) return null;
    return liveCursor(ctx, partyTopic(party.id));
  }

  @FieldResolver(() => Boolean, { description: 'True when the viewer is an active contact of the party.' })
  @Extensions(ROLE_DEPENDENT)
  async viewerIsContact(@Root() party: Party, @Ctx() { em, viewer }: GraphQLContext): Promise<boolean> {
    return (await partyFacts(em, viewer, party)).role === MembershipRole.CONTACT;
  }

  @Query(() => [Party], { description: 'Coordinator: networks waiting for confirmation.' })
  async unconfirmedNetworks(@Ctx() { em, viewer }: GraphQLContext): Promise<Party[]> {
    if (!partyPolicy.coordinator(viewer)) return [];
    return em.find(
      Party,
      { kind: PartyKind.NETWORK, networkConfirmedAt: null },
      { orderBy: { createdAt: 'asc' } },
    );
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
  @Extensions(PERSON_DEPENDENT)
  async memberships(@Root() viewer: ViewerType, @Ctx() { em }: GraphQLContext): Promise<ViewerMembership[]> {
    const memberships = await em.find(
      Membership,
      { person: viewer.id, status: { $ne: MembershipStatus.DECLINED } },
      { populate: ['party'], orderBy: { createdAt: 'asc' } },
    );
    return memberships.map((m) => ({ party: m.party.getEntity(), role: m.role, status: m.status }));
  }
}
