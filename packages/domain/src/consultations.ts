import { CompilationVerdict } from './invitations.js';
import { stockholmDate } from './submission-drafts.js';

/**
 * Consultation responses and the compilation (remissammanställning): when a party may still respond, and
 * when the inviter's answer to a response is complete enough to publish.
 */

/** A response may be given or changed until the deadline day has ended in Stockholm. */
export function isWithinResponseDeadline(deadline: string | null | undefined, now: Date): boolean {
  return !!deadline && stockholmDate(now) <= deadline;
}

/** A verdict that does not simply adopt the response must say why, or the responder learns nothing. */
export function verdictNeedsReason(verdict: CompilationVerdict | `${CompilationVerdict}`): boolean {
  return verdict !== CompilationVerdict.ADOPTED;
}

/** A response is judged when the compilation answers it as a whole, or answers every point in it. */
export function isResponseJudged(
  response: { verdict?: CompilationVerdict | `${CompilationVerdict}` | null },
  positions: readonly { verdict?: CompilationVerdict | `${CompilationVerdict}` | null }[],
): boolean {
  return !!response.verdict || (positions.length > 0 && positions.every((position) => !!position.verdict));
}
