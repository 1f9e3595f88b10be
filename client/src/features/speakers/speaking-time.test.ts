import { describe, expect, test } from 'vitest';
import { sampleLiveMeeting } from '../live/sample-meeting';
import { ownLine, speakingTime } from './speaking-time';
import { newerMeeting } from '../live/use-live-meeting';

const speakers = () => sampleLiveMeeting().speakers;

describe('speakingTime', () => {
  test('counts from the start of the speech, against the limit', () => {
    expect(speakingTime(speakers(), new Date('2026-03-03T13:30:00Z'))).toEqual({
      spoken: 90,
      limit: 120,
      over: 0,
    });
    expect(speakingTime(speakers(), new Date('2026-03-03T13:31:00Z'))).toEqual({
      spoken: 150,
      limit: 120,
      over: 30,
    });
    expect(speakingTime({ ...speakers(), timeLimitSeconds: null }, new Date('2026-03-03T13:31:00Z'))).toEqual(
      {
        spoken: 150,
        limit: null,
        over: 0,
      },
    );
  });
});

describe('ownLine', () => {
  test.each([
    ['person-1', { speaking: true, waiting: null, place: 0 }],
    ['person-3', { speaking: false, waiting: expect.objectContaining({ id: 'speaker-3' }), place: 2 }],
    ['someone-else', { speaking: false, waiting: null, place: 0 }],
    [null, { speaking: false, waiting: null, place: 0 }],
  ])('%s', (personId, expected) => {
    expect(ownLine(speakers(), personId)).toEqual(expected);
  });
});

describe('newerMeeting', () => {
  const view = (version: number, speakersVersion: number) => ({ id: 'M', version, speakersVersion });

  test('a speakers list change with the same meeting version is newer', () => {
    expect(newerMeeting(view(4, 1), view(4, 2))).toEqual(view(4, 2));
    expect(newerMeeting(view(4, 2), view(4, 1))).toEqual(view(4, 2));
  });

  test('the meeting version decides first; a tie keeps the first', () => {
    expect(newerMeeting(view(5, 0), view(4, 9))).toEqual(view(5, 0));
    const first = view(4, 2);
    expect(newerMeeting(first, view(4, 2))).toBe(first);
  });
});
