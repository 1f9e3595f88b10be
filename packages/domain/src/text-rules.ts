/** Length limits for free text, shared so the client can say so before the server refuses. */
export const TEXT_LIMITS = {
  decision: 4000,
  minute: 8000,
  email: 254,
  password: 200,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** Trims and returns null for empty text, so blank input clears a value. */
export function normaliseText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
