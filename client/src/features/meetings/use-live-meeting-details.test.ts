import { describe, expect, test, vi } from 'vitest';
import { nextTick, ref, shallowRef } from 'vue';
import type { LiveMeetingFragment, MeetingDetailsFragment } from '../../gql/graphql';
import { initialLiveState, type LiveMeeting, type LiveState } from '../live/use-live-meeting';
import { useLiveMeetingDetails, withLiveChanges } from './use-live-meeting-details';

type Details = MeetingDetailsFragment & { liveCursor: string };

function details(over: Partial<Details> = {}): Details {
  return {
    id: 'M1',
    title: 'Samverkansrådet mars 2026',
    startsAt: '2026-03-03T13:00:00Z',
    location: null,
    status: 'IN_PROGRESS',
    version: 7,
    liveCursor: '41',
    startedAt: '2026-03-03T13:00:00Z',
    closedAt: null,
    timerPaused: false,
    summary: 'Sammanfattning.',
    chairName: 'Anna',
    viewerCanChair: true,
    forum: { id: 'F1', slug: 'samverkansradet', name: 'Samverkansrådet' },
    currentItem: { id: 'a' },
    agenda: [
      {
        id: 'a',
        position: 1,
        title: 'Mötets öppnande',
        kind: 'FORMALITY',
        presenter: null,
        plannedMinutes: 5,
        status: 'CURRENT',
        decision: 'Mötet öppnades.',
        minute: null,
        elapsedSeconds: 0,
        timerStartedAt: '2026-03-03T13:00:00Z',
        activity: null,
      },
      {
        id: 'b',
        position: 2,
        title: 'Lägesrapport',
        kind: 'INFORMATION',
        presenter: 'Leila',
        plannedMinutes: 10,
        status: 'PENDING',
        decision: null,
        minute: null,
        elapsedSeconds: 0,
        timerStartedAt: null,
        activity: { id: 'A1', number: 3, title: 'Enkät' },
      },
    ],
    ...over,
  };
}

/** The live fragment of `details` after a second chair moved to the next item. */
function movedOn(version: number, id = 'M1'): LiveMeetingFragment {
  const { summary: _s, chairName: _c, viewerCanChair: _v, agenda, ...rest } = details();
  return {
    ...rest,
    id,
    version,
    liveCursor: `c${version}`,
    currentItem: { id: 'b' },
    agenda: agenda.map(({ decision: _d, minute: _m, activity: _a, ...item }) => ({
      ...item,
      status: item.id === 'a' ? 'DONE' : 'CURRENT',
      timerStartedAt: item.id === 'b' ? '2026-03-03T13:06:00Z' : null,
    })),
  };
}

describe('withLiveChanges', () => {
  test.each([
    ['no live change yet', details(), null, 7, 'a'],
    ['an older live change', details(), movedOn(6), 7, 'a'],
    ['the same version', details(), movedOn(7), 7, 'a'],
    ['a newer live change', details(), movedOn(8), 8, 'b'],
    ['another meeting', details(), movedOn(8, 'M2'), 7, 'a'],
  ])('%s', (_name, page, live, version, current) => {
    const merged = withLiveChanges(page, live);
    expect(merged?.version).toBe(version);
    expect(merged?.currentItem?.id).toBe(current);
  });

  test('keeps what the live fragment lacks: recorded texts, activity, viewer facts', () => {
    const merged = withLiveChanges(details(), movedOn(8))!;
    expect(merged.agenda.map((i) => [i.id, i.status, i.decision, i.activity?.number ?? null])).toEqual([
      ['a', 'DONE', 'Mötet öppnades.', null],
      ['b', 'CURRENT', null, 3],
    ]);
    expect(merged).toMatchObject({ summary: 'Sammanfattning.', viewerCanChair: true, chairName: 'Anna' });
  });

  test('nothing without the page snapshot', () => {
    expect(withLiveChanges(null, movedOn(8))).toBeNull();
  });
});

/** A stand-in for useLiveMeeting whose state the test sets. */
function fakeLive() {
  const state = shallowRef<LiveState>(initialLiveState());
  const seed = vi.fn((meeting: LiveMeetingFragment) => {
    if (!state.value.meeting || state.value.meeting.version < meeting.version)
      state.value = { ...state.value, meeting };
  });
  const live: LiveMeeting = { state, seed, start: vi.fn(), dispose: vi.fn() };
  const push = (meeting: LiveMeetingFragment) => (state.value = { ...state.value, meeting });
  return { live, seed, push };
}

describe('useLiveMeetingDetails', () => {
  test('seeds from the query, shows a newer change at once and refetches for the rest', async () => {
    const page = ref<Details | null>(null);
    const refetch = vi.fn();
    const fake = fakeLive();
    const { meeting } = useLiveMeetingDetails('M1', page, refetch, fake.live);
    expect(fake.seed).not.toHaveBeenCalled();

    page.value = details();
    await nextTick();
    expect(fake.seed).toHaveBeenCalledWith(page.value);
    expect(meeting.value?.version).toBe(7);
    expect(refetch).not.toHaveBeenCalled();

    fake.push(movedOn(8));
    await nextTick();
    expect(meeting.value?.version).toBe(8);
    expect(meeting.value?.currentItem?.id).toBe('b');
    expect(refetch).toHaveBeenCalledTimes(1);

    // The refetch catches up: the page's own snapshot is shown again.
    page.value = details({ version: 8, currentItem: { id: 'b' }, summary: 'Ny sammanfattning.' });
    await nextTick();
    expect(meeting.value).toBe(page.value);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test('a snapshot of another meeting is not seeded', async () => {
    const fake = fakeLive();
    useLiveMeetingDetails('M2', ref(details()), vi.fn(), fake.live);
    await nextTick();
    expect(fake.seed).not.toHaveBeenCalled();
  });
});
