import { describe, expect, test } from 'vitest';
import { allowedItemActions, allowedMeetingActions, interpretPayload } from './meeting-actions';

const agenda = [
  { id: 'a', position: 1, status: 'DONE' as const },
  { id: 'b', position: 2, status: 'CURRENT' as const },
  { id: 'c', position: 3, status: 'PENDING' as const },
];

const pendingAgenda = agenda.map((i) => ({ ...i, status: 'PENDING' as const }));
const deferredAgenda = [
  { id: 'a', position: 1, status: 'DONE' as const },
  { id: 'b', position: 2, status: 'DEFERRED' as const },
];
// The domain reads the current item from the statuses, so fixtures keep currentItem and statuses in step.
const lastCurrentAgenda = [
  { id: 'a', position: 1, status: 'DONE' as const },
  { id: 'b', position: 2, status: 'DONE' as const },
  { id: 'c', position: 3, status: 'CURRENT' as const },
];
const firstCurrentAgenda = [
  { id: 'a', position: 1, status: 'CURRENT' as const },
  { id: 'b', position: 2, status: 'PENDING' as const },
];

describe('allowedMeetingActions', () => {
  test.each([
    ['draft', { status: 'DRAFT', timerPaused: false, currentItem: null, agenda }, ['publishAgenda']],
    [
      'published',
      { status: 'AGENDA_PUBLISHED', timerPaused: false, currentItem: null, agenda },
      ['startMeeting'],
    ],
    [
      'in progress, middle item, running',
      { status: 'IN_PROGRESS', timerPaused: false, currentItem: { id: 'b' }, agenda },
      ['previous', 'next', 'pause', 'close'],
    ],
    [
      'in progress, paused',
      { status: 'IN_PROGRESS', timerPaused: true, currentItem: { id: 'b' }, agenda },
      ['previous', 'next', 'resume', 'close'],
    ],
    [
      'in progress, last item',
      { status: 'IN_PROGRESS', timerPaused: false, currentItem: { id: 'c' }, agenda: lastCurrentAgenda },
      ['previous', 'pause', 'close'],
    ],
    // With no current item the server's "previous" goes to the last item, so the button is offered.
    [
      'in progress, nothing current yet',
      { status: 'IN_PROGRESS', timerPaused: false, currentItem: null, agenda: pendingAgenda },
      ['previous', 'next', 'close'],
    ],
    [
      'in progress, current item deferred, nothing pending after it',
      { status: 'IN_PROGRESS', timerPaused: false, currentItem: null, agenda: deferredAgenda },
      ['previous', 'close'],
    ],
    [
      'in progress, first item current',
      { status: 'IN_PROGRESS', timerPaused: false, currentItem: { id: 'a' }, agenda: firstCurrentAgenda },
      ['next', 'pause', 'close'],
    ],
    ['closed', { status: 'CLOSED', timerPaused: false, currentItem: null, agenda }, []],
  ] as const)('%s', (_name, meeting, expected) => {
    expect(allowedMeetingActions(meeting)).toEqual(expected);
  });
});

describe('allowedItemActions', () => {
  const meeting = { status: 'IN_PROGRESS' as const, timerPaused: false, currentItem: { id: 'b' }, agenda };
  test.each([
    ['done item', agenda[0]!, ['makeCurrent', 'recordOutcome']],
    ['current item', agenda[1]!, ['complete', 'defer', 'recordOutcome']],
    ['pending item', agenda[2]!, ['makeCurrent', 'defer', 'recordOutcome']],
  ] as const)('%s', (_name, item, expected) => {
    expect(allowedItemActions(meeting, item)).toEqual(expected);
  });

  test.each([
    ['draft', 'DRAFT', agenda[2]!, []],
    // The domain table lets a chair defer an item before the meeting starts.
    ['published, pending item', 'AGENDA_PUBLISHED', agenda[2]!, ['defer']],
    ['published, done item', 'AGENDA_PUBLISHED', agenda[0]!, []],
    ['closed', 'CLOSED', agenda[2]!, []],
  ] as const)('outside a meeting in progress: %s', (_name, status, item, expected) => {
    expect(allowedItemActions({ ...meeting, status }, item)).toEqual(expected);
  });

  test('a deferred item may be taken up again', () => {
    expect(allowedItemActions(meeting, { id: 'd', status: 'DEFERRED' })).toEqual([
      'makeCurrent',
      'recordOutcome',
    ]);
  });
});

describe('interpretPayload', () => {
  test.each([
    ['no errors', [], { ok: true, stale: false, alerts: [], byField: {} }],
    [
      'stale version',
      [{ field: [], code: 'STALE_VERSION' as const }],
      { ok: false, stale: true, alerts: ['userErrors.STALE_VERSION'], byField: {} },
    ],
    [
      'field error',
      [{ field: ['input', 'decision'], message: 'Högst 4000 tecken.', code: 'TOO_LONG' as const, max: 4000 }],
      {
        ok: false,
        stale: false,
        alerts: [],
        byField: {
          decision: { key: 'userErrors.TOO_LONG_MAX', params: { max: 4000 }, sv: 'Högst 4000 tecken.' },
        },
      },
    ],
    [
      'transition error',
      [{ field: [], code: 'INVALID_TRANSITION' as const }],
      { ok: false, stale: false, alerts: ['userErrors.INVALID_TRANSITION'], byField: {} },
    ],
  ])('%s', (_name, errors, expected) => {
    expect(interpretPayload(errors)).toEqual(expected);
  });
});
