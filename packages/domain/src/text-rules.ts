/**
 * Length limits for free text, in characters: the one place they are set. The server refuses longer text
 * with TOO_LONG and the limit; every client input carries it as `maxlength`.
 */
export const TEXT_LIMITS = {
  decision: 4000,
  minute: 8000,
  email: 254,
  password: 200,
  name: 200,
  partyName: 200,
  description: 4000,
  publicContact: 200,
  website: 300,
  reason: 4000,
  grounds: 8000,
  response: 8000,
  motivation: 4000,
  councilDecision: 4000,
  organisation: 200,
  areaOfInterest: 60,
  noticeAnswerComment: 500,
  minutesNote: 8000,
  correctionNote: 4000,
  meetingTitle: 200,
  location: 200,
  accessibility: 2000,
  digitalLink: 500,
  agendaItemTitle: 300,
  presenter: 200,
} as const;

/** How many areas of interest a party may name. */
export const MAX_AREAS_OF_INTEREST = 20;

/** Passwords: at least this long; length beats composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;

/** A plain e-mail check, the same on both sides; the real proof is the mail arriving. */
export function isEmailAddress(value: string): boolean {
  return value.length <= TEXT_LIMITS.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export type TextField = keyof typeof TEXT_LIMITS;

/** Trims and returns null for empty text, so blank input clears a value. */
export function normaliseText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
