import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ref } from 'vue';
import {
  MyPartiesDocument,
  PartyExclusionCasesDocument,
  type AccessionDetailsFragment,
} from '../../gql/graphql';
import { createFakeApollo, fakeRoot, sampleParties } from '../../../tests/fake-api';
import { startLiveServer, type LiveServer } from '../../../tests/live-server';
import { createLiveSocket, type LiveSocket } from '../../lib/live/live-socket';
import { newerAccession, statusToAnnounce, useLiveAccession } from './use-live-accession';

function accession(
  id: string,
  version: number,
  status: AccessionDetailsFragment['status'],
  requestedAt = '2026-11-01T10:00:00Z',
) {
  return {
    id,
    version,
    status,
    requestedAt,
    decidedAt: null,
    reason: null,
    affirmsDemocraticOrganisation: true,
    affirmsValues: true,
    affirmsPrinciples: true,
    affirmsCommitments: true,
  } satisfies AccessionDetailsFragment;
}

describe('newerAccession', () => {
  const requested = accession('A1', 1, 'REQUESTED');
  const approved = accession('A1', 2, 'APPROVED');
  const again = accession('A2', 1, 'REQUESTED', '2026-11-20T10:00:00Z');
  test.each([
    ['nothing', null, null, null],
    ['only one', requested, null, requested],
    ['the other only', null, approved, approved],
    ['a higher version of the same', requested, approved, approved],
    ['an older version does not win', approved, requested, approved],
    ['a later request wins over an older one', approved, again, again],
    ['whatever the order', again, approved, again],
  ])('%s', (_name, a, b, expected) => {
    expect(newerAccession(a, b)).toBe(expected);
  });
});

describe('statusToAnnounce', () => {
  test.each([
    ['a decision', accession('A1', 1, 'REQUESTED'), accession('A1', 2, 'APPROVED'), 'APPROVED'],
    ['no change of status', accession('A1', 2, 'APPROVED'), accession('A1', 2, 'APPROVED'), null],
    ['an older event', accession('A1', 3, 'WITHDRAWN'), accession('A1', 2, 'APPROVED'), null],
    ['a rejection', accession('A1', 1, 'REQUESTED'), accession('A1', 2, 'REJECTED'), 'REJECTED'],
    ['an exclusion', accession('A1', 2, 'APPROVED'), accession('A1', 3, 'EXCLUDED'), 'EXCLUDED'],
    ['a decision first seen live', null, accession('A1', 2, 'APPROVED'), 'APPROVED'],
    ["the party's own request is not announced", null, accession('A1', 1, 'REQUESTED'), null],
    ["the party's own withdrawal", accession('A1', 2, 'APPROVED'), accession('A1', 3, 'WITHDRAWN'), null],
    [
      'a new request after a rejection',
      accession('A1', 2, 'REJECTED'),
      accession('A2', 1, 'REQUESTED'),
      null,
    ],
  ] as const)('%s', (_name, previous, next, expected) => {
    expect(statusToAnnounce(previous, next)).toBe(expected);
  });
});

describe('useLiveAccession over a real socket', { timeout: 30_000 }, () => {
  const WAIT = { timeout: 15_000, interval: 20 };
  const TOPIC = 'party:P1';
  let server: LiveServer;
  let socket: LiveSocket;
  beforeEach(async () => {
    server = await startLiveServer();
    socket = createLiveSocket({ url: server.url, retryDelay: () => 0 });
  });
  afterEach(async () => {
    await socket.dispose().catch(() => {});
    await server.close();
  });

  /** An Apollo client with the page's two queries watched, as MyPartyPage and its cases panel do. */
  async function page() {
    const root = fakeRoot({ signedIn: true });
    const caseQueries = vi.fn(root.exclusionCases);
    const apollo = createFakeApollo({ signedIn: true, resolvers: { exclusionCases: caseQueries } });
    const party = apollo.watchQuery({ query: MyPartiesDocument });
    const cases = apollo.watchQuery({ query: PartyExclusionCasesDocument, variables: { partyId: 'P1' } });
    const shown = { name: '', accession: null as AccessionDetailsFragment | null | undefined };
    party.subscribe(({ data }) => {
      const first = data?.viewer?.memberships[0]?.party;
      shown.name = first?.name ?? '';
      shown.accession = first?.accession;
    });
    cases.subscribe(() => {});
    await vi.waitFor(() => expect(shown.name).not.toBe(''));
    await vi.waitFor(() => expect(caseQueries).toHaveBeenCalledOnce());
    return { apollo, shown, caseQueries };
  }

  const party = (over: Record<string, unknown>) => ({ ...sampleParties()[0], ...over });

  test("an event carries the party as the page shows it: it lands in the page's query, no refetch", async () => {
    const { apollo, shown, caseQueries } = await page();
    const live = useLiveAccession('P1', ref(accession('A1', 1, 'REQUESTED')), {
      startAfter: ref('0'),
      socket,
      apollo,
    });
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    server.publish(TOPIC, (cursor) => ({
      cursor,
      kind: 'ACCESSION_APPROVED',
      party: party({ name: 'Örebro Schackklubb (ny)', accession: accession('A1', 2, 'APPROVED') }),
    }));
    await vi.waitFor(() => expect(shown.name).toBe('Örebro Schackklubb (ny)'), WAIT);
    expect(shown.accession?.status).toBe('APPROVED');
    expect(live.accession.value?.status).toBe('APPROVED');
    expect(live.announced.value).toBe('APPROVED');
    expect(caseQueries).toHaveBeenCalledOnce();
  });

  test('an event about an exclusion case refetches only the cases, once for a burst', async () => {
    const { apollo, caseQueries } = await page();
    useLiveAccession('P1', ref(accession('A1', 2, 'APPROVED')), { startAfter: ref('0'), socket, apollo });
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    for (const kind of ['EXCLUSION_CASE_OPENED', 'EXCLUSION_CASE_RESPONDED'])
      server.publish(TOPIC, (cursor) => ({ cursor, kind, party: party({}) }));
    await vi.waitFor(() => expect(caseQueries.mock.calls.length).toBeGreaterThan(1), WAIT);
    expect(caseQueries.mock.calls.length).toBeLessThanOrEqual(3);
  });

  test('a RESYNC replaces the accession, even with one the page thought newer, and refetches the cases', async () => {
    const { apollo, shown, caseQueries } = await page();
    const live = useLiveAccession('P1', ref(null), { startAfter: ref('0'), socket, apollo });
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    server.publish(TOPIC, (cursor) => ({
      cursor,
      kind: 'ACCESSION_WITHDRAWN',
      party: party({ accession: accession('A1', 5, 'WITHDRAWN') }),
    }));
    await vi.waitFor(() => expect(live.accession.value?.version).toBe(5), WAIT);
    server.send(TOPIC, {
      cursor: '300',
      kind: 'RESYNC',
      party: party({ name: 'Återställd', accession: accession('A1', 4, 'APPROVED') }),
    });
    await vi.waitFor(() => expect(shown.name).toBe('Återställd'), WAIT);
    expect(live.accession.value).toMatchObject({ version: 4, status: 'APPROVED' });
    await vi.waitFor(() => expect(caseQueries).toHaveBeenCalledTimes(2), WAIT);
  });
});
