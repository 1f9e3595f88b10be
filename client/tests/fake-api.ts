import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client/core';
import { samplePartySubmissions, sampleQueue } from '../src/features/submissions/QueueSamples';

let schema: GraphQLSchema | undefined;
/** The contract the client is generated from, so page tests break when documents and schema disagree. */
function contract(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
  return schema;
}

const MEETING_ID = 'TWVldGluZzox';

function item(position: number, status: string) {
  const titles = [
    'Mötets öppnande',
    'Uppföljning av aktivitetsplanen',
    'Anmälda frågor',
    'Beslut om arbetsgrupp',
  ];
  return {
    id: `AI${position}`,
    position,
    title: titles[position - 1],
    kind: ['FORMALITY', 'DISCUSSION', 'INFORMATION', 'DECISION'][position - 1],
    presenter: position % 2 ? 'Samordnaren' : null,
    plannedMinutes: [5, 10, 20, 15][position - 1],
    status,
    activity:
      position === 2 ? { id: 'A2', number: 2, title: 'Uppföljning', responsible: 'Samverkansrådet' } : null,
    decision: position === 1 ? 'Mötet öppnades.' : null,
    minute: null,
    elapsedSeconds: status === 'DONE' ? 300 : 60,
    timerStartedAt: null,
    submissions:
      position === 3
        ? [{ id: 'U3VibWlzc2lvbjox', registrationNumber: 'SR 14/2026', status: 'SCHEDULED' }]
        : [],
    documents:
      position === 2
        ? [
            {
              id: 'D1',
              name: 'Uppföljning mars.pdf',
              mediaType: 'application/pdf',
              size: 1_540_000,
              url: '/dokument/d1/Uppf%C3%B6ljning%20mars.pdf',
              uploadedAt: '2026-03-01T10:00:00Z',
            },
          ]
        : [],
  };
}

export function sampleMeeting(viewerCanChair = false) {
  const agenda = [item(1, 'DONE'), item(2, 'CURRENT'), item(3, 'PENDING'), item(4, 'PENDING')];
  return {
    id: MEETING_ID,
    title: 'Samverkansrådet mars 2026',
    startsAt: '2026-03-03T13:00:00Z',
    location: 'Föreningarnas hus',
    status: 'IN_PROGRESS',
    version: 4,
    liveCursor: '41',
    startedAt: '2026-03-03T13:00:00Z',
    closedAt: null,
    timerPaused: false,
    speakersVersion: 0,
    speakers: { timeLimitSeconds: null, speaking: null, queue: [] },
    attendance: [],
    summary: 'Ordinarie möte.',
    chairName: 'Helena',
    viewerCanChair,
    viewerInvited: false,
    viewerNoticeAnswer: null,
    noticeAnswers: null,
    agenda,
    currentItem: agenda[1],
    forum: sampleForum(),
  };
}

function sampleForum(): Record<string, unknown> {
  return {
    id: 'F1',
    slug: 'samverkansradet',
    name: 'Samverkansrådet',
    description: 'Rådet där civilsamhället och politiken möts.',
    withPoliticalParticipation: true,
    convener: 'Samordnaren',
    responsiblePolitician: 'Kommunstyrelsens ordförande',
    viewerCanManageMeetings: false,
    seats: [
      ...Array.from({ length: 10 }, (_, i) => ({
        kind: 'CIVIL_SOCIETY',
        holderName: `Ledamot ${i + 1}`,
        organisation: `Förening ${i + 1}`,
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        kind: 'POLITICIAN',
        holderName: `Politiker ${i + 1}`,
        organisation: null,
      })),
      { kind: 'COORDINATOR', holderName: 'Samordnare', organisation: 'Örebro kommun' },
    ],
    meetings: () => connection([sampleMeeting()]),
  };
}

function connection<T>(nodes: T[]) {
  return {
    totalCount: nodes.length,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  };
}

export const SUBMISSION_ID = 'U3VibWlzc2lvbjox';
export const DRAFT_ID = 'U3VibWlzc2lvbjoy';

/** A registered, scheduled matter with everything its page reads; a draft of the viewer's party by DRAFT_ID. */
export function sampleSubmission(id = SUBMISSION_ID): Record<string, unknown> {
  const draft = id === DRAFT_ID;
  return {
    id,
    version: draft ? 1 : 4,
    status: draft ? 'DRAFT' : 'SCHEDULED',
    kind: 'OBSTACLE',
    publication: 'PUBLIC',
    registrationNumber: draft ? null : 'SR 14/2026',
    title: 'Lokalerna i Vivalla är för dyra',
    description: 'Föreningarna har inte råd med hyran.',
    viewerCanSeeContent: true,
    viewerActions: draft ? ['EDIT', 'SUBMIT', 'WITHDRAW'] : [],
    viewerCanComment: false,
    viewerFollows: false,
    followerCount: 2,
    submittedAt: draft ? null : '2026-11-01T10:00:00Z',
    registeredAt: draft ? null : '2026-11-02T10:00:00Z',
    answeredAt: null,
    closedAt: null,
    answerDueOn: null,
    statusReason: null,
    answer: null,
    principles: ['DIALOGUE'],
    commitments: [2],
    party: sampleParties()[0],
    cosigners: [],
    referredTo: null,
    activity: null,
    documents: [],
    scheduledMeeting: draft
      ? null
      : { id: MEETING_ID, title: 'Samverkansrådet mars 2026', startsAt: '2026-03-12T13:00:00Z' },
    scheduledAgendaItem: draft ? null : { id: 'AI3', position: 3, title: 'Anmälda frågor' },
    liveCursor: '10',
    timeline: draft
      ? []
      : [
          {
            id: 'E1',
            action: 'SUBMIT',
            fromStatus: 'DRAFT',
            toStatus: 'SUBMITTED',
            occurredAt: '2026-11-01T10:00:00Z',
            actorName: 'Anna Samordnare',
            party: null,
            text: null,
            meeting: null,
          },
        ],
    conversation: null,
    internalNotes: null,
  };
}

export interface FakeApiOptions {
  signedIn?: boolean;
  /** Whether the signed-in person is the coordinator (default true, as in the seed). */
  isCoordinator?: boolean;
  canChair?: boolean;
  /** Root resolvers to add or replace, e.g. a mutation answering with payload errors. */
  resolvers?: Record<string, (args: never) => unknown>;
  /** Make every query fail with this GraphQL error code. */
  failWith?: string;
}

export function sampleAccession(status = 'APPROVED', party: () => unknown = () => sampleParties()[0]) {
  return {
    id: 'A1',
    status,
    requestedAt: '2026-01-20T09:00:00Z',
    decidedAt: status === 'REQUESTED' ? null : '2026-02-01T09:00:00Z',
    reason: null,
    version: status === 'REQUESTED' ? 1 : 2,
    affirmsDemocraticOrganisation: true,
    affirmsValues: true,
    affirmsPrinciples: true,
    affirmsCommitments: true,
    party,
  };
}

/** Parties of the public register: two civil-society parties and a municipal board. */
export function sampleParties(): Record<string, unknown>[] {
  const base = {
    description: null,
    areasOfInterest: [],
    publicContact: null,
    website: null,
    networkContactName: null,
    networkParticipants: null,
    networkConfirmedAt: null,
    viewerIsContact: false,
    members: [],
  };
  const chess: Record<string, unknown> = {
    ...base,
    id: 'P1',
    name: 'Örebro Schackklubb',
    kind: 'NON_PROFIT_ASSOCIATION',
    sector: 'CIVIL_SOCIETY',
    organisationNumber: '802002-4280',
    description: 'Schack för alla åldrar i Örebro.',
    areasOfInterest: ['schack', 'ungdom'],
    publicContact: 'info@schack.example.se',
    website: 'https://schack.example.se',
    joinedOn: '2026-02-01T09:00:00Z',
    viewerIsContact: true,
    members: [
      { id: 'M1', name: 'Anna Samordnare', email: 'anna@example.se', role: 'CONTACT', status: 'ACTIVE' },
      { id: 'M2', name: 'Bertil Berg', email: 'bertil@example.se', role: 'MEMBER', status: 'REQUESTED' },
    ],
  };
  chess.accession = () => sampleAccession('APPROVED', () => chess);
  return [
    chess,
    {
      ...base,
      id: 'P2',
      name: 'Kulturnämnden',
      kind: 'MUNICIPAL_BOARD',
      sector: 'MUNICIPAL',
      organisationNumber: '212000-1967',
      joinedOn: '2026-03-10T09:00:00Z',
      accession: null,
    },
    {
      ...base,
      id: 'P3',
      name: 'Ängens nätverk',
      kind: 'NETWORK',
      sector: 'CIVIL_SOCIETY',
      organisationNumber: null,
      networkContactName: 'Cecilia Ek',
      networkParticipants: 'Fem föreningar på Ängen.',
      joinedOn: '2026-04-02T09:00:00Z',
      accession: null,
    },
  ];
}

/** Root resolvers for the contract with seed-like data. */
export function fakeRoot(options: FakeApiOptions = {}) {
  const parties = sampleParties();
  const pending = { ...parties[2]!, id: 'P4', name: 'Nya föreningen', joinedOn: null, kind: 'NETWORK' };
  return {
    viewer: () =>
      options.signedIn
        ? {
            id: 'V1',
            name: 'Anna Samordnare',
            email: 'anna@example.se',
            isCoordinator: options.isCoordinator ?? true,
            memberships: [{ role: 'CONTACT', status: 'ACTIVE', party: parties[0] }],
            unreadNotificationCount: 0,
            notificationsCursor: '7',
            notificationPreferences: [],
            notifications: () => connection([]),
            sessions: [
              {
                id: 'S1',
                createdAt: '2026-11-23T08:00:00Z',
                expiresAt: '2026-12-23T08:00:00Z',
                current: true,
              },
              {
                id: 'S2',
                createdAt: '2026-11-20T08:00:00Z',
                expiresAt: '2026-12-20T08:00:00Z',
                current: false,
              },
            ],
          }
        : null,
    parties: ({ search, kind, sector }: { search?: string; kind?: string; sector?: string }) =>
      connection(
        parties.filter(
          (p) =>
            (!kind || p.kind === kind) &&
            (!sector || p.sector === sector) &&
            (!search || String(p.name).toLowerCase().includes(search.toLowerCase())),
        ),
      ),
    party: ({ id }: { id: string }) => parties.find((p) => p.id === id) ?? null,
    unconfirmedNetworks: () => [pending],
    coordinatorQueueCursor: () => '7',
    pendingAccessions: () => connection([{ ...sampleAccession('REQUESTED', () => pending), id: 'A4' }]),
    nominations: () =>
      connection([
        {
          id: 'N1',
          nomineeName: 'Doris Dahl',
          motivation: 'Lång erfarenhet av föreningslivet.',
          createdAt: '2026-10-01T09:00:00Z',
          party: parties[0],
        },
      ]),
    exclusionCases: () =>
      connection([
        {
          id: 'E1',
          status: 'PARTY_RESPONDED',
          grounds: 'Parten har motarbetat överenskommelsen.',
          openedAt: '2026-09-01T09:00:00Z',
          partyResponse: 'Vi bestrider detta.',
          respondedAt: '2026-09-10T09:00:00Z',
          councilDecision: null,
          decidedAt: null,
          version: 2,
          party: parties[2],
        },
      ]),
    myData: () => ({ person: { name: 'Anna Samordnare' } }),
    agreement: () => ({
      id: 'AG1',
      title: 'Överenskommelse om samverkan i Örebro mellan det civila samhället och kommunen 2024–2027',
      registrationNumber: 'Ks 1132/2023',
      adoptedOn: '2023-11-22',
      endorsedByCouncilOn: '2023-09-16',
      validFromYear: 2024,
      validToYear: 2027,
      summary: 'För att nå en hållbar samhällsutveckling i Örebro behöver alla hjälpas åt.',
      values: 'Det civila samhället och kommunen är självständiga parter.',
      principles: ['INDEPENDENCE', 'DIALOGUE', 'QUALITY', 'LONG_TERM', 'OPENNESS', 'DIVERSITY'].map(
        (key) => ({
          key,
          name: key,
          description: `Beskrivning av ${key}.`,
        }),
      ),
      commitments: [1, 2, 3, 4, 5, 6].map((position) => ({ position, text: `Åtagande ${position}.` })),
    }),
    forums: () =>
      connection([
        sampleForum(),
        {
          ...sampleForum(),
          id: 'F2',
          slug: 'c-natet',
          name: 'C-nätet',
          withPoliticalParticipation: false,
          responsiblePolitician: null,
        },
      ]),
    forum: ({ slug }: { slug: string }) => (slug === 'samverkansradet' ? sampleForum() : null),
    meeting: ({ id }: { id: string }) => (id === MEETING_ID ? sampleMeeting(options.canChair) : null),
    meetings: () => connection([sampleMeeting()]),
    schedulableSubmissions: () => [],
    submissions: () => ({ ...connection([]), countsByStatus: [] }),
    submissionsLiveCursor: () => '1',
    submissionAnswerTimes: () => [],
    submission: ({ id }: { id: string }) =>
      id === SUBMISSION_ID || id === DRAFT_ID ? sampleSubmission(id) : null,
    partySubmissions: () => samplePartySubmissions(),
    submissionQueue: () => (options.signedIn ? sampleQueue(options.isCoordinator ?? true) : null),
    activityPlan: () => ({
      id: 'AP1',
      activities: [{ id: 'ACT1', number: 1, title: 'Lokaler för föreningslivet' }],
    }),
    ...options.resolvers,
  };
}

/** An Apollo client that executes operations against the contract in memory. */
export function createFakeApollo(options: FakeApiOptions = {}) {
  const root = fakeRoot(options);
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (options.failWith) {
          observer.next({
            errors: [new GraphQLError('raw internal text', { extensions: { code: options.failWith } })],
          });
          observer.complete();
          return;
        }
        Promise.resolve(
          execute({
            schema: contract(),
            document: operation.query,
            rootValue: root,
            variableValues: operation.variables,
          }),
        ).then(
          (result) => {
            observer.next(result as never);
            observer.complete();
          },
          (error) => observer.error(error),
        );
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}
