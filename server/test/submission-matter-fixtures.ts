import {
  MembershipRole,
  MembershipStatus,
  SubmissionAction,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
} from '@samverka/domain';
import { Person } from '../src/accounts/person.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { CNatetRepresentative } from '../src/parties/cnatet-representative.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import type { Viewer } from '../src/graphql/context.js';
import { account } from './planning-fixtures.js';
import type { TestServer } from './helpers.js';

/** The roles the matter's page is tested against. */
export const MATTER_ROLES = ['anonymous', 'party', 'otherParty', 'coordinator', 'council', 'nobody'] as const;
export type MatterRole = (typeof MATTER_ROLES)[number];

export interface MatterPeople {
  cookies: Partial<Record<MatterRole | 'handler', string>>;
  ids: Partial<Record<MatterRole | 'handler', string>>;
  /** The submitting party (Vivalla Kvinnoförening, the demo member's). */
  partyId: string;
  /** The department matters are referred to, whose representative is `handler`. */
  departmentId: string;
}

let counter = 0;

/**
 * The people of the matrix: the demo member (contact of the submitting party), a member of another joined
 * party, the coordinator, the chair (on a council seat), a signed-in nobody, and a department's C-nätet
 * representative (the handler of a matter referred to it).
 */
export async function matterPeople(server: TestServer): Promise<MatterPeople> {
  const em = server.orm.em.fork();
  const party = await em.findOneOrFail(Party, { name: 'Vivalla Kvinnoförening' });
  const other = await em.findOneOrFail(Party, { name: 'Studieförbundet Bildning Örebro' });
  const department = await em.findOneOrFail(Party, { name: 'Socialförvaltningen' });
  const suffix = `${Date.now()}-${++counter}`;
  const otherMember = await account(server, 'Olle Annanpart', `annan-${suffix}@exempel.se`);
  const nobody = await account(server, 'Nina Ingen', `ingen-${suffix}@exempel.se`);
  const handler = await account(server, 'Hugo Handläggare', `handlaggare-${suffix}@exempel.se`);
  em.create(Membership, {
    person: otherMember.id,
    party: other,
    role: MembershipRole.MEMBER,
    status: MembershipStatus.ACTIVE,
  });
  const existing = await em.findOne(CNatetRepresentative, { department });
  if (existing) em.remove(existing);
  await em.flush();
  em.create(CNatetRepresentative, { department, person: handler.id, appointedAt: new Date() });
  await em.flush();
  const cookies: MatterPeople['cookies'] = {
    otherParty: otherMember.cookie,
    nobody: nobody.cookie,
    handler: handler.cookie,
  };
  const ids: MatterPeople['ids'] = { otherParty: otherMember.id, nobody: nobody.id, handler: handler.id };
  for (const [role, demo] of [
    ['party', 'member'],
    ['coordinator', 'coordinator'],
    ['council', 'chair'],
  ] as const) {
    cookies[role] = await server.signIn(demo);
    ids[role] = (await em.findOneOrFail(Person, { email: DEMO_PEOPLE[demo].email })).id;
  }
  return { cookies, ids, partyId: party.id, departmentId: department.id };
}

/** The Viewer the server would make of a role, for asking the policy what it expects. */
export function viewerOf(people: MatterPeople, role: MatterRole): Viewer | null {
  if (role === 'anonymous') return null;
  return {
    id: people.ids[role]!,
    name: '',
    email: '',
    isCoordinator: role === 'coordinator',
    convenes: [],
    sessionId: '',
  };
}

export interface MatterOptions {
  status?: SubmissionStatus;
  publication?: SubmissionPublication;
  referredToId?: string | null;
  title?: string;
}

/** A matter of the submitting party, straight in the database, with a submitted step in its timeline. */
export async function createMatter(server: TestServer, people: MatterPeople, options: MatterOptions = {}) {
  const em = server.orm.em.fork();
  const status = options.status ?? SubmissionStatus.SUBMITTED;
  const submission = em.create(Submission, {
    party: people.partyId,
    kind: SubmissionKind.OBSTACLE,
    title: options.title ?? 'Lokalerna i Vivalla är för dyra',
    description: 'Föreningarna har inte råd med hyran.',
    status,
    publication: options.publication ?? SubmissionPublication.PUBLIC,
    createdBy: people.ids.party!,
    submittedAt: status === SubmissionStatus.DRAFT ? null : new Date(),
    referredTo: options.referredToId ?? null,
  });
  if (status !== SubmissionStatus.DRAFT) {
    em.create(SubmissionEvent, {
      submission,
      action: SubmissionAction.SUBMIT,
      fromStatus: SubmissionStatus.DRAFT,
      toStatus: SubmissionStatus.SUBMITTED,
      actor: people.ids.party!,
      occurredAt: new Date(Date.now() - 60_000),
    });
  }
  await em.flush();
  return { uuid: submission.id, id: toGlobalId('Submission', submission.id) };
}

export const MATTER_MUTATIONS: Record<string, { type: string; body: boolean }> = {
  postSubmissionMessage: { type: 'PostSubmissionMessageInput', body: true },
  addSubmissionNote: { type: 'AddSubmissionNoteInput', body: true },
  commentOnSubmission: { type: 'CommentOnSubmissionInput', body: true },
  followSubmission: { type: 'FollowSubmissionInput', body: false },
  unfollowSubmission: { type: 'FollowSubmissionInput', body: false },
};

/** Runs one of the matter's mutations. */
export function matterMutation(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
) {
  const { type } = MATTER_MUTATIONS[mutation]!;
  return server.gql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { submission { id } errors { field code message max } } }`,
    { input },
    cookie,
  );
}
