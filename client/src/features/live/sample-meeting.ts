import type { LiveMeetingFragment } from '../../gql/graphql';

/** A Samverkansrådet meeting in progress, for component tests and stories. */
export function sampleLiveMeeting(over: Partial<LiveMeetingFragment> = {}): LiveMeetingFragment {
  return {
    id: 'TWVldGluZzox',
    title: 'Samverkansrådet mars 2026',
    startsAt: '2026-03-03T13:00:00Z',
    location: 'Föreningarnas hus',
    status: 'IN_PROGRESS',
    version: 7,
    startedAt: '2026-03-03T13:00:00Z',
    closedAt: null,
    timerPaused: false,
    forum: { id: 'Rm9ydW06MQ==', slug: 'samverkansradet', name: 'Samverkansrådet' },
    currentItem: { id: 'item-2' },
    agenda: [
      {
        id: 'item-1',
        position: 1,
        title: 'Mötets öppnande',
        kind: 'FORMALITY',
        presenter: 'Ordförande',
        plannedMinutes: 5,
        status: 'DONE',
        elapsedSeconds: 300,
        timerStartedAt: null,
        decision: null,
      },
      {
        id: 'item-2',
        position: 2,
        title: 'Uppföljning av aktivitetsplanen',
        kind: 'DISCUSSION',
        presenter: 'Samordnaren',
        plannedMinutes: 10,
        status: 'CURRENT',
        elapsedSeconds: 120,
        timerStartedAt: '2026-03-03T13:20:00Z',
        decision: null,
      },
      {
        id: 'item-3',
        position: 3,
        title: 'Beslut om arbetsgrupp för Föreningarnas hus',
        kind: 'DECISION',
        presenter: null,
        plannedMinutes: 15,
        status: 'PENDING',
        elapsedSeconds: 0,
        timerStartedAt: null,
        decision: null,
      },
    ],
    ...over,
  };
}
