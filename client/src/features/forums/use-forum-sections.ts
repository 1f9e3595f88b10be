import { MeetingStatus, type MeetingStatusValue } from '@samverka/domain';
import type { SeatKind } from '../../gql/graphql';

export const SEAT_KIND_ORDER: readonly SeatKind[] = ['CIVIL_SOCIETY', 'POLITICIAN', 'COORDINATOR'];

/** Council seats grouped by kind in the agreement's order (civil society, politicians, coordinator); empty groups left out. */
export function groupSeats<S extends { kind: SeatKind }>(
  seats: readonly S[],
): { kind: SeatKind; seats: S[] }[] {
  return SEAT_KIND_ORDER.map((kind) => ({ kind, seats: seats.filter((s) => s.kind === kind) })).filter(
    (g) => g.seats.length > 0,
  );
}

/** A forum's meetings split into upcoming (soonest first) and past (latest first). Closed meetings are past. */
export function splitMeetings<M extends { startsAt: string; status: MeetingStatusValue }>(
  meetings: readonly M[],
): { upcoming: M[]; past: M[] } {
  const byStart = (a: M, b: M) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    upcoming: meetings.filter((m) => m.status !== MeetingStatus.CLOSED).sort(byStart),
    past: meetings.filter((m) => m.status === MeetingStatus.CLOSED).sort((a, b) => byStart(b, a)),
  };
}

/** Forums split by whether politicians take part, as in the municipality's forum list. */
export function splitByPolitics<F extends { withPoliticalParticipation: boolean }>(
  forums: readonly F[],
): { withPolitics: F[]; withoutPolitics: F[] } {
  return {
    withPolitics: forums.filter((f) => f.withPoliticalParticipation),
    withoutPolitics: forums.filter((f) => !f.withPoliticalParticipation),
  };
}
