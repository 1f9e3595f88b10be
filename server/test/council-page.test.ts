import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { startTestServer, type TestServer } from './helpers.js';

/** What the coordinator's page for Samverkansrådet's seats and C-nätet reads and changes. */
let server: TestServer;
let coordinator: string;
let outsider: string;

beforeAll(async () => {
  server = await startTestServer();
  [coordinator, outsider] = await Promise.all([server.signIn('coordinator'), server.signIn('chair')]);
});
afterAll(() => server?.close());

const SEATS = '{ forum(slug: "samverkansradet") { seats { id kind holderName organisation holderEmail } } }';

async function seats(cookie?: string) {
  return (await server.gql(SEATS, {}, cookie)).data!.forum.seats as {
    id: string;
    kind: string;
    holderName: string;
    organisation: string | null;
    holderEmail: string | null;
  }[];
}

const assign = (input: Record<string, unknown>) =>
  server.gql(
    'mutation($input: AssignCouncilSeatInput!) { assignCouncilSeat(input: $input) { seat { id holderName organisation holderEmail } errors { field code } } }',
    { input },
    coordinator,
  );

async function vacate(holderName: string) {
  const seat = (await seats()).find((s) => s.holderName === holderName)!;
  const res = await server.gql(
    'mutation($input: VacateCouncilSeatInput!) { vacateCouncilSeat(input: $input) { errors { code } } }',
    { input: { seatId: seat.id } },
    coordinator,
  );
  expect(res.data!.vacateCouncilSeat.errors).toEqual([]);
}

describe("Samverkansrådet's seats", () => {
  test("only the coordinator sees the e-mail of a holder's account", async () => {
    const coordinatorView = await seats(coordinator);
    expect(coordinatorView.find((s) => s.holderName === 'Erik Holm')!.holderEmail).toBe(
      'ordforande@samverka.example',
    );
    expect(coordinatorView.find((s) => s.holderName === 'Leila Haddad')!.holderEmail).toBeNull();
    for (const view of [await seats(outsider), await seats()]) {
      expect(view.every((s) => s.holderEmail === null)).toBe(true);
    }
  });

  test('a seat goes to a person by name, without an account', async () => {
    await vacate('Henrik Dahl');
    const given = await assign({
      kind: 'POLITICIAN',
      holderName: ' Nils Ros ',
      organisation: 'Kommunstyrelsen (L)',
    });
    expect(given.data!.assignCouncilSeat).toMatchObject({
      seat: { holderName: 'Nils Ros', organisation: 'Kommunstyrelsen (L)', holderEmail: null },
      errors: [],
    });
    expect((await seats()).filter((s) => s.kind === 'POLITICIAN').map((s) => s.holderName)).toContain(
      'Nils Ros',
    );
  });

  test("a seat linked to an account takes the given name, or else the account's", async () => {
    await vacate('Johan Ek');
    const given = await assign({ kind: 'CIVIL_SOCIETY', personEmail: 'FORENING@samverka.example' });
    expect(given.data!.assignCouncilSeat.seat).toMatchObject({
      holderName: 'Maja Berg',
      holderEmail: 'forening@samverka.example',
    });
  });

  test('neither a name nor an account is a field error, and nothing is written', async () => {
    await vacate('Karin Sjöberg');
    const before = (await seats()).length;
    const res = await assign({ kind: 'CIVIL_SOCIETY', holderName: '  ' });
    expect(res.data!.assignCouncilSeat).toEqual({
      seat: null,
      errors: [{ field: ['input', 'holderName'], code: 'REQUIRED' }],
    });
    expect((await seats()).length).toBe(before);
  });
});

describe("C-nätet's representatives", () => {
  const DEPARTMENTS =
    '{ cnatetDepartments(first: 50) { totalCount edges { node { department { id name } representative { name email appointedAt } } } } }';

  async function departments() {
    const res = await server.gql(DEPARTMENTS, {}, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.cnatetDepartments.edges.map((e: any) => e.node) as {
      department: { id: string; name: string };
      representative: { name: string; email: string; appointedAt: string } | null;
    }[];
  }

  test('the coordinator sees every municipal department, each with its representative or none', async () => {
    const list = await departments();
    expect(list.map((d) => d.department.name)).toEqual([
      'Kultur- och fritidsförvaltningen',
      'Socialförvaltningen',
    ]);
    expect(list.every((d) => d.representative === null)).toBe(true);
  });

  test.each([
    ['signed out', undefined, 'UNAUTHENTICATED'],
    ['not the coordinator', 'outsider', 'FORBIDDEN'],
  ])('%s, the list is refused', async (_who, who, code) => {
    const res = await server.gql(DEPARTMENTS, {}, who ? outsider : undefined);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  test('appointing shows the representative; removing leaves the department without one', async () => {
    const social = (await departments()).find((d) => d.department.name === 'Socialförvaltningen')!;
    const appointed = await server.gql(
      'mutation($input: AppointCNatetRepresentativeInput!) { appointCNatetRepresentative(input: $input) { errors { code } } }',
      { input: { departmentId: social.department.id, personEmail: 'forening@samverka.example' } },
      coordinator,
    );
    expect(appointed.data!.appointCNatetRepresentative.errors).toEqual([]);
    const after = (await departments()).find((d) => d.department.name === 'Socialförvaltningen')!;
    expect(after.representative).toMatchObject({ name: 'Maja Berg', email: 'forening@samverka.example' });

    const removed = await server.gql(
      'mutation($input: RemoveCNatetRepresentativeInput!) { removeCNatetRepresentative(input: $input) { party { id name } errors { code } } }',
      { input: { departmentId: social.department.id } },
      coordinator,
    );
    expect(removed.data!.removeCNatetRepresentative).toEqual({
      party: { id: social.department.id, name: 'Socialförvaltningen' },
      errors: [],
    });
    expect((await departments()).every((d) => d.representative === null)).toBe(true);
  });
});

describe("the page's documents", () => {
  /** One operation as Apollo Client sends it: every selection set asks for __typename too. */
  function asApolloSends(text: string, operationName: string): string {
    const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
    const document = parse(text);
    const operation = {
      ...document,
      definitions: document.definitions.filter(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName,
      ),
    };
    return print(
      visit(operation, {
        SelectionSet: {
          leave: (set: SelectionSetNode, _key, parent) =>
            parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION
              ? set
              : { ...set, selections: [...set.selections, typename] },
        },
      }),
    );
  }

  test.each(['CouncilSeats', 'CNatetDepartments'])(
    '%s passes the limits whole over HTTP',
    async (operationName) => {
      const file = path.resolve(import.meta.dirname, '../../client/src/features/council/CouncilPage.graphql');
      const res = await server.gql(
        asApolloSends(fs.readFileSync(file, 'utf8'), operationName),
        {},
        coordinator,
      );
      expect(res.errors).toBeUndefined();
    },
  );
});
