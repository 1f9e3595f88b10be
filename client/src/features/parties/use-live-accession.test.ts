import { describe, expect, test, vi } from 'vitest';
import { ref } from 'vue';
import type { AccessionDetailsFragment } from '../../gql/graphql';
import { fakeWsClient } from '../../../tests/fake-ws';
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

describe('useLiveAccession', () => {
  test('a live decision replaces the queried accession and is announced once', () => {
    const ws = fakeWsClient();
    const onChange = vi.fn();
    const fromQuery = ref<AccessionDetailsFragment | null>(accession('A1', 1, 'REQUESTED'));
    const live = useLiveAccession('P1', fromQuery, { onChange, factory: ws.factory });
    expect(ws.current()?.variables).toEqual({ partyId: 'P1', after: null });
    const event = {
      data: {
        accessionChanged: {
          cursor: '12',
          kind: 'ACCESSION_APPROVED',
          party: { id: 'P1', accession: accession('A1', 2, 'APPROVED') },
        },
      },
    };
    ws.current()!.sink.next(event);
    ws.current()!.sink.next(event);
    expect(live.accession.value?.status).toBe('APPROVED');
    expect(live.announced.value).toBe('APPROVED');
    expect(onChange).toHaveBeenCalledOnce();
    // The refetched query catching up does not go back.
    fromQuery.value = accession('A1', 2, 'APPROVED');
    expect(live.accession.value?.version).toBe(2);
  });

  test('an event about something else (a membership) refreshes without announcing', () => {
    const ws = fakeWsClient();
    const onChange = vi.fn();
    const live = useLiveAccession('P1', ref(accession('A1', 2, 'APPROVED')), {
      onChange,
      factory: ws.factory,
    });
    ws.current()!.sink.next({
      data: {
        accessionChanged: {
          cursor: '13',
          kind: 'MEMBERSHIP_REQUESTED',
          party: { id: 'P1', accession: accession('A1', 2, 'APPROVED') },
        },
      },
    });
    expect(live.announced.value).toBeNull();
    expect(onChange).toHaveBeenCalledOnce();
  });
});
