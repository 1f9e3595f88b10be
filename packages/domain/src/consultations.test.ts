import { describe, expect, test } from 'vitest';
import { CompilationVerdict } from './invitations.js';
import { isResponseJudged, isWithinResponseDeadline, verdictNeedsReason } from './consultations.js';

describe('isWithinResponseDeadline', () => {
  test('the whole deadline day counts, in Stockholm', () => {
    // 22:30 UTC on 1 March is 23:30 in Stockholm (CET): still the deadline day.
    expect(isWithinResponseDeadline('2026-03-01', new Date('2026-03-01T22:30:00Z'))).toBe(true);
    // 23:30 UTC is 00:30 on 2 March in Stockholm: too late.
    expect(isWithinResponseDeadline('2026-03-01', new Date('2026-03-01T23:30:00Z'))).toBe(false);
    // Summer time: 21:59 UTC is 23:59 in Stockholm.
    expect(isWithinResponseDeadline('2026-07-01', new Date('2026-07-01T21:59:00Z'))).toBe(true);
    expect(isWithinResponseDeadline('2026-07-01', new Date('2026-07-01T22:01:00Z'))).toBe(false);
  });

  test('no deadline, no responses', () => {
    expect(isWithinResponseDeadline(null, new Date())).toBe(false);
  });
});

test('only an adopted verdict may go without a reason', () => {
  expect(verdictNeedsReason(CompilationVerdict.ADOPTED)).toBe(false);
  expect(verdictNeedsReason(CompilationVerdict.PARTLY_ADOPTED)).toBe(true);
  expect(verdictNeedsReason(CompilationVerdict.NOT_ADOPTED)).toBe(true);
});

describe('isResponseJudged', () => {
  const { ADOPTED, NOT_ADOPTED } = CompilationVerdict;
  test('as a whole', () => {
    expect(isResponseJudged({ verdict: ADOPTED }, [{ verdict: null }])).toBe(true);
  });
  test('point by point, every point', () => {
    expect(isResponseJudged({}, [{ verdict: ADOPTED }, { verdict: NOT_ADOPTED }])).toBe(true);
    expect(isResponseJudged({}, [{ verdict: ADOPTED }, { verdict: null }])).toBe(false);
  });
  test('not at all', () => {
    expect(isResponseJudged({ verdict: null }, [])).toBe(false);
  });
});
