import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CompilationVerdict,
  INVITATION_TRANSITIONS,
  InvitationAction,
  NotificationKind,
  UserErrorCode,
  canTakeInvitationAction,
  isResponseJudged,
  normaliseText,
  verdictNeedsReason,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Invitation } from './invitation.entity.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';
import { invitationPolicy, type InvitationFacts, type ViewerInvitationFacts } from './invitation-access.js';
import { recordInvitationStep } from './invitation-steps.js';
import {
  lockedConsultation,
  optionalText,
  type ConsultationContext,
} from './consultation-responses.service.js';

export interface JudgeConsultationResponse {
  responseId: string | null;
  expectedVersion: number;
  verdict: string | null;
  verdictReason: string | null;
  positions: readonly { proposalId: string | null; verdict: string; verdictReason?: string | null }[];
}

export interface PublishConsultationCompilation {
  invitationId: string | null;
  expectedVersion: number;
  summary: string;
}

const VERDICTS = Object.values(CompilationVerdict) as string[];

/**
 * The compilation is the inviter's, while the deadline has passed or after (a published one may be changed,
 * and the change is recorded). The consultation's version guards it: the compilation is edited as a whole.
 */
function checkCompiling(
  facts: ViewerInvitationFacts,
  of: InvitationFacts,
  invitation: Invitation,
  expectedVersion: number,
) {
  const roles = invitationPolicy.roles(facts, of);
  const action = InvitationAction.COMPILE;
  if (!INVITATION_TRANSITIONS[action].by.some((role) => roles.includes(role))) throw forbidden();
  if (invitation.version !== expectedVersion) {
    throw userError(
      'expectedVersion',
      'Remissen har just ändrats av någon annan. Visa det senaste läget och försök igen.',
      UserErrorCode.STALE_VERSION,
    );
  }
  if (!canTakeInvitationAction(invitation.kind, invitation.status, action, roles)) {
    throw userError(
      '',
      'Remissammanställningen görs när remisstiden har gått ut.',
      UserErrorCode.INVALID_TRANSITION,
    );
  }
}

/** A verdict with its reason: a known verdict, and a reason unless it adopts. */
function checkVerdict(
  problems: InputProblems,
  field: string,
  verdict: string,
  reason: string | null | undefined,
) {
  if (!VERDICTS.includes(verdict)) {
    problems.add(
      field,
      'Välj tillgodosett, delvis tillgodosett eller inte tillgodosett.',
      UserErrorCode.INVALID,
    );
    return null;
  }
  const reasonField = field.replace(/verdict$/, 'verdictReason');
  const text = optionalText(problems, reasonField, reason);
  if (!text && verdictNeedsReason(verdict as CompilationVerdict)) {
    problems.add(reasonField, 'Motivera varför det inte tillgodoses helt.', UserErrorCode.REQUIRED);
  }
  return { verdict: verdict as CompilationVerdict, reason: text };
}

/** The inviter answers one response: as a whole, point by point, or both; the input is the whole answer. */
export async function judgeConsultationResponse(
  em: EntityManager,
  viewer: Viewer | null,
  input: JudgeConsultationResponse,
  context: ConsultationContext = {},
): Promise<{ response: ConsultationResponse; invitation: Invitation }> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const found = input.responseId ? await tx.findOne(ConsultationResponse, input.responseId) : null;
    if (!found) throw userError('responseId', 'Remissvaret finns inte.', UserErrorCode.NOT_FOUND);
    const { invitation, facts, of } = await lockedConsultation(tx, viewer, found.invitation.id, 'responseId');
    const response = await tx.findOneOrFail(ConsultationResponse, found.id, { refresh: true });
    checkCompiling(facts, of, invitation, input.expectedVersion);

    const problems = new InputProblems();
    const whole =
      input.verdict != null ? checkVerdict(problems, 'verdict', input.verdict, input.verdictReason) : null;
    if (input.verdict == null && normaliseText(input.verdictReason)) {
      problems.add(
        'verdict',
        'Välj hur svaret tillgodoses, eller ta bort motiveringen.',
        UserErrorCode.REQUIRED,
      );
    }
    const positions = await tx.find(ConsultationPosition, { response: response.id });
    const judged: { position: ConsultationPosition; verdict: CompilationVerdict; reason: string | null }[] =
      [];
    input.positions.forEach((entry, index) => {
      const position = positions.find((p) => p.proposal.id === entry.proposalId);
      if (!position) {
        problems.add(
          `positions.${index}.proposalId`,
          'Svaret har ingen ståndpunkt om förslaget.',
          UserErrorCode.NOT_FOUND,
        );
        return;
      }
      if (judged.some((j) => j.position === position)) {
        problems.add(`positions.${index}.proposalId`, 'Varje punkt bedöms en gång.', UserErrorCode.DUPLICATE);
        return;
      }
      const checked = checkVerdict(
        problems,
        `positions.${index}.verdict`,
        entry.verdict,
        entry.verdictReason,
      );
      if (checked) judged.push({ position, ...checked });
    });
    if (!problems.any && !whole && !judged.length) {
      problems.add(
        'verdict',
        'Ange hur svaret tillgodoses, som helhet eller punkt för punkt.',
        UserErrorCode.REQUIRED,
      );
    }
    problems.throwIfAny();

    response.verdict = whole?.verdict ?? null;
    response.verdictReason = whole?.reason ?? null;
    for (const position of positions) {
      const answer = judged.find((j) => j.position === position);
      position.verdict = answer?.verdict ?? null;
      position.verdictReason = answer?.reason ?? null;
    }
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action: InvitationAction.COMPILE,
      actorId: viewer.id,
      partyId: response.party.id,
    });
    return { response, invitation };
  });
}

/**
 * The inviter publishes the compilation once every response is answered, as a whole or on every point; each
 * responding party is told. Publishing again updates the summary and tells them again.
 */
export async function publishConsultationCompilation(
  em: EntityManager,
  viewer: Viewer | null,
  input: PublishConsultationCompilation,
  context: ConsultationContext = {},
): Promise<Invitation> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const { invitation, facts, of } = await lockedConsultation(tx, viewer, input.invitationId);
    checkCompiling(facts, of, invitation, input.expectedVersion);
    const problems = new InputProblems();
    const summary = optionalText(problems, 'summary', input.summary);
    if (!summary && !problems.any) {
      problems.add('summary', 'Sammanfatta remissammanställningen.', UserErrorCode.REQUIRED);
    }
    const responses = await tx.find(ConsultationResponse, { invitation: invitation.id });
    const positions = responses.length
      ? await tx.find(ConsultationPosition, { response: { $in: responses.map((r) => r.id) } })
      : [];
    const unjudged = responses.filter(
      (response) =>
        !isResponseJudged(
          response,
          positions.filter((p) => p.response.id === response.id),
        ),
    );
    if (unjudged.length) {
      problems.add(
        '',
        unjudged.length === 1
          ? 'Ett remissvar är inte bedömt än.'
          : `${unjudged.length} remissvar är inte bedömda än.`,
        UserErrorCode.REQUIRED,
      );
    }
    problems.throwIfAny();
    invitation.compilationSummary = summary;
    invitation.compilationPublishedAt ??= context.now ?? new Date();
    await recordInvitationStep(tx, context.outbox, {
      invitation,
      action: InvitationAction.COMPILE,
      actorId: viewer.id,
      notify: NotificationKind.CONSULTATION_COMPILED,
    });
    return invitation;
  });
}
