import { describe, expect, test } from 'vitest';
import type { SeatKind } from '../../gql/graphql';
import { groupSeats, splitByPolitics, splitMeetings } from './use-forum-sections';

describe('groupSeats', () => {
  test('groups Samverkansrådet as 10 civil society, 3 politicians, 1 coordinator', () => {
    const seats: { kind: SeatKind; holderName: string }[] = [
      { kind: 'COORDINATOR', holderName: 'Samordnare' },
      ...Array.from({ length: 3 }, (_, i) => ({ kind: 'POLITICIAN' as const, holderName: `P${i}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ kind: 'CIVIL_SOCIETY' as const, holderName: `C${i}` })),
    ];
    expect(groupSeats(seats).map((g) => [g.kind, g.seats.length])).toEqual([
      ['CIVIL_SOCIETY', 10],
      ['POLITICIAN', 3],
      ['COORDINATOR', 1],
    ]);
  });

  test('leaves out empty groups', () => {
    expect(groupSeats([{ kind: 'POLITICIAN' }]).map((g) => g.kind)).toEqual(['POLITICIAN']);
  });
});

describe('splitMeetings', () => {
  test.each([
    [
      'upcoming soonest first, past latest first',
      [
        { id: 'a', startsAt: '2026-05-01T10:00:00Z', status: 'AGENDA_PUBLISHED' as const },
        { id: 'b', startsAt: '2026-01-01T10:00:00Z', status: 'CLOSED' as const },
        { id: 'c', startsAt: '2026-04-01T10:00:00Z', status: 'DRAFT' as const },
        { id: 'd', startsAt: '2026-02-01T10:00:00Z', status: 'CLOSED' as const },
        { id: 'e', startsAt: '2026-03-01T10:00:00Z', status: 'IN_PROGRESS' as const },
      ],
      ['e', 'c', 'a'],
      ['d', 'b'],
    ],
  ])('%s', (_name, meetings, upcoming, past) => {
    const split = splitMeetings(meetings);
    expect(split.upcoming.map((m) => m.id)).toEqual(upcoming);
    expect(split.past.map((m) => m.id)).toEqual(past);
  });
});

describe('splitByPolitics', () => {
  test('splits on withPoliticalParticipation', () => {
    const split = splitByPolitics([
      { name: 'Samverkansrådet', withPoliticalParticipation: true },
      { name: 'C-nätet', withPoliticalParticipation: false },
    ]);
    expect(split.withPolitics.map((f) => f.name)).toEqual(['Samverkansrådet']);
    expect(split.withoutPolitics.map((f) => f.name)).toEqual(['C-nätet']);
  });
});
