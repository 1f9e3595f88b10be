/** The most documents one matter carries; each is size-limited by the document store. */
export const SUBMISSION_MAX_DOCUMENTS = 20;

/** The commitments of the agreement are numbered 1–6. */
export const SUBMISSION_COMMITMENT_POSITIONS = [1, 2, 3, 4, 5, 6] as const;

const STOCKHOLM = 'Europe/Stockholm';

/** The calendar year in Stockholm at an instant: registration numbers restart on New Year's Day there. */
export function stockholmYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, year: 'numeric' }).format(at));
}

/** The date in Stockholm at an instant, as YYYY-MM-DD: an answer is due on a date, not in the past. */
export function stockholmDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: STOCKHOLM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
