import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client/core';

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
    summary: 'Ordinarie möte.',
    chairName: 'Helena',
    viewerCanChair,
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

export interface FakeApiOptions {
  signedIn?: boolean;
  canChair?: boolean;
  /** Make every query fail with this GraphQL error code. */
  failWith?: string;
}

/** Root resolvers for the contract with seed-like data. */
export function fakeRoot(options: FakeApiOptions = {}) {
  return {
    viewer: () =>
      options.signedIn
        ? { id: 'V1', name: 'Anna Samordnare', email: 'anna@example.se', isCoordinator: true }
        : null,
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
