import { LockMode } from '@mikro-orm/core';
import { chosenDocuments } from '../documents/document-choice.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_REGISTRATION_PATTERN,
  DEFAULT_REGISTRATION_SERIES,
  PartyKind,
  PrincipleKey,
  SUBMISSION_COMMITMENT_POSITIONS,
  SUBMISSION_LIMITS,
  SUBMISSION_TRANSITIONS,
  SubmissionAction,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
  UserErrorCode,
  canTakeSubmissionAction,
  formatRegistrationNumber,
  normaliseText,
  stockholmDate,
  stockholmYear,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { Config } from '../config.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { Document } from '../documents/document.entity.js';
import { DocumentAttachment } from '../documents/document-attachment.entity.js';
import { Submission } from './submission.entity.js';
import { SubmissionCosignature } from './submission-cosignature.entity.js';
import { submissionPolicy, viewerSubmissionFacts } from './submission-access.js';
import { recordSubmissionStep } from './submission-steps.js';
import { partySubmissionsTopic, publishLiveEvent } from '../live/publish.js';

/** What the services of a step need besides the input: the outbox, the register, and (in tests) the time. */
export interface LifecycleContext {
  outbox?: Outbox;
  registration?: Config['registration'];
  now?: Date;
}

/** A draft's content, as the form sends it; ids are already uuids (null when not one of the right type). */
export interface SubmissionContentInput {
  kind: SubmissionKind | string;
  title: string;
  description: string;
  principles: readonly string[];
  commitments: readonly number[];
  activityId?: string | null;
  /** Documents uploaded through POST /dokument; null entries are ids that were no document id. */
  documentIds: readonly (string | null)[];
  requestsRestriction: boolean;
}

export interface CreateSubmissionDraftInput extends SubmissionContentInput {
  partyId: string | null;
}

export interface SubmissionStepInput {
  submissionId: string | null;
  expectedVersion: number;
}

interface CheckedContent {
  kind: SubmissionKind;
  title: string;
  description: string;
  principles: PrincipleKey[];
  commitments: number[];
  activity: Activity | null;
  documents: Document[];
  requestsRestriction: boolean;
}

const KINDS = Object.values(SubmissionKind) as string[];
const PRINCIPLES = Object.values(PrincipleKey) as string[];

/** Trims a required text and checks its length; null (with the problem noted) when it is missing or too long. */
function requiredText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  max: number,
  missing: string,
) {
  const text = normaliseText(value);
  if (!text) {
    problems.add(field, missing, UserErrorCode.REQUIRED);
    return null;
  }
  if (text.length > max) {
    problems.tooLong(field, max);
    return null;
  }
  return text;
}

/**
 * Checks every field of a draft at once, so the form shows all problems together. Documents must be the
 * viewer's own uploads (or already on this matter) and held by nothing else: an id is no permission.
 */
async function checkContent(
  tx: EntityManager,
  viewer: Viewer,
  input: SubmissionContentInput,
  submissionId: string | null,
): Promise<CheckedContent> {
  const problems = new InputProblems();
  if (!KINDS.includes(input.kind))
    problems.add('kind', 'Välj vad slags ärende det är.', UserErrorCode.INVALID);
  const title = requiredText(
    problems,
    'title',
    input.title,
    SUBMISSION_LIMITS.title,
    'Ge ärendet en rubrik.',
  );
  const description = requiredText(
    problems,
    'description',
    input.description,
    SUBMISSION_LIMITS.description,
    'Beskriv ärendet.',
  );
  if (input.principles.some((key) => !PRINCIPLES.includes(key))) {
    problems.add('principles', 'Okänd princip.', UserErrorCode.INVALID);
  } else if (new Set(input.principles).size !== input.principles.length) {
    problems.add('principles', 'Varje princip kan väljas en gång.', UserErrorCode.DUPLICATE);
  }
  if (input.commitments.some((n) => !(SUBMISSION_COMMITMENT_POSITIONS as readonly number[]).includes(n))) {
    problems.add('commitments', 'Åtagandena är numrerade 1–6.', UserErrorCode.INVALID);
  } else if (new Set(input.commitments).size !== input.commitments.length) {
    problems.add('commitments', 'Varje åtagande kan väljas en gång.', UserErrorCode.DUPLICATE);
  }
  let activity: Activity | null = null;
  if (input.activityId !== undefined && input.activityId !== null) {
    activity = input.activityId ? await tx.findOne(Activity, input.activityId) : null;
    if (!activity) problems.add('activityId', 'Aktiviteten finns inte i planen.', UserErrorCode.NOT_FOUND);
  }
  const documents = await chosenDocuments(
    tx,
    viewer,
    input.documentIds,
    'submission',
    submissionId,
    problems,
  );
  problems.throwIfAny();
  return {
    kind: input.kind as SubmissionKind,
    title: title!,
    description: description!,
    principles: [...input.principles] as PrincipleKey[],
    commitments: [...input.commitments].sort((a, b) => a - b),
    activity,
    documents,
    requestsRestriction: input.requestsRestriction,
  };
}

function publicationFor(current: SubmissionPublication | null, requestsRestriction: boolean) {
  if (!requestsRestriction) return SubmissionPublication.PUBLIC;
  return current === SubmissionPublication.RESTRICTED
    ? SubmissionPublication.RESTRICTED
    : SubmissionPublication.RESTRICTION_REQUESTED;
}

/** Puts the matter's content in place, its attachments exactly the documents named. */
async function applyContent(tx: EntityManager, submission: Submission, content: CheckedContent) {
  submission.kind = content.kind;
  submission.title = content.title;
  submission.description = content.description;
  submission.principles = content.principles;
  submission.commitments = content.commitments;
  submission.activity = content.activity
    ? tx.getReference(Activity, content.activity.id, { wrapped: true })
    : null;
  submission.publication = publicationFor(submission.publication ?? null, content.requestsRestriction);
  const attached = await tx.find(DocumentAttachment, { submission: submission.id });
  const keep = new Set(content.documents.map((d) => d.id));
  const dropped = attached.filter((a) => !keep.has(a.document.id));
  for (const attachment of dropped) tx.remove(attachment);
  // A matter lists its documents in the order attached; those attached together get one millisecond each,
  // in the order the form named them, so that order never depends on a tie.
  const now = Date.now();
  const added = content.documents.filter((document) => !attached.some((a) => a.document.id === document.id));
  added.forEach((document, index) => {
    tx.create(DocumentAttachment, { document, submission, attachedAt: new Date(now + index) });
  });
  await tx.flush();
  // A document taken off the draft is the party's own upload and nothing else holds it: gone with it.
  for (const { document } of dropped) {
    if (!(await tx.count(DocumentAttachment, { document: document.id }))) {
      await tx.nativeDelete(Document, { id: document.id });
    }
  }
}

/** A member of a joined party starts a draft on its behalf; only the party's people see it. */
export async function createSubmissionDraft(
  em: EntityManager,
  viewer: Viewer | null,
  input: CreateSubmissionDraftInput,
): Promise<Submission> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const facts = await viewerSubmissionFacts(tx, viewer);
    const membership = input.partyId ? facts.parties.get(input.partyId) : undefined;
    if (!membership) throw forbidden();
    if (!submissionPolicy.draftFor(facts, input.partyId!)) {
      throw userError(
        'partyId',
        'Parten behöver ha anslutit sig till överenskommelsen för att anmäla ärenden.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const content = await checkContent(tx, viewer, input, null);
    const submission = tx.create(Submission, {
      party: tx.getReference(Party, input.partyId!),
      kind: content.kind,
      title: content.title,
      description: content.description,
      createdBy: tx.getReference(Person, viewer.id),
    });
    await applyContent(tx, submission, content);
    // Drafts are private to the party: only its own list hears of a new one, so its other people see it live.
    await publishLiveEvent(tx, {
      topic: partySubmissionsTopic(input.partyId!),
      kind: 'CREATE_DRAFT',
      subjectId: submission.id,
    });
    return submission;
  });
}

interface Step {
  tx: EntityManager;
  viewer: Viewer;
  submission: Submission;
  fromStatus: SubmissionStatus;
}

/**
 * The frame of every step on a matter: sign-in, the row locked (SELECT … FOR UPDATE), who (FORBIDDEN when the
 * viewer's roles never take this step; a draft of another party is absent), the version seen, the workflow
 * table (a field error when not allowed now), the change, then the timeline and live events.
 */
async function takeStep(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput,
  action: SubmissionAction,
  context: LifecycleContext,
  apply: (step: Step) => Promise<{ text?: string | null; partyId?: string | null } | void>,
): Promise<Submission> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const submission = await lockedSubmission(tx, input.submissionId);
    const facts = await viewerSubmissionFacts(tx, viewer);
    if (!submissionPolicy.see(facts, submission)) throw missing();
    const cosigned = (await tx.find(SubmissionCosignature, { submission: submission.id })).map(
      (c) => c.party.id,
    );
    const roles = submissionPolicy.roles(facts, submission, cosigned);
    if (!SUBMISSION_TRANSITIONS[action].by.some((role) => roles.includes(role))) throw forbidden();
    if (submission.version !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        'Ärendet har just ändrats av någon annan. Visa det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (!canTakeSubmissionAction(submission.status, action, roles)) {
      throw userError('', 'Det går inte med ärendet i det här läget.', UserErrorCode.INVALID_TRANSITION);
    }
    const fromStatus = submission.status;
    const extra = (await apply({ tx, viewer, submission, fromStatus })) ?? {};
    const to = SUBMISSION_TRANSITIONS[action].to;
    if (to) submission.status = to;
    await recordSubmissionStep(tx, context.outbox, {
      submission,
      action,
      fromStatus,
      actorId: viewer.id,
      text: extra.text ?? null,
      partyId: extra.partyId ?? null,
    });
    return submission;
  });
}

const missing = () => userError('submissionId', 'Ärendet finns inte.', UserErrorCode.NOT_FOUND);

async function lockedSubmission(tx: EntityManager, id: string | null): Promise<Submission> {
  const submission = id
    ? await tx.findOne(Submission, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!submission) throw missing();
  return submission;
}

/** A reason or an answer: required, trimmed, within the limit. */
function checkedText(value: string | null | undefined, field: string, missingMessage: string): string {
  const problems = new InputProblems();
  const text = requiredText(problems, field, value, SUBMISSION_LIMITS.text, missingMessage);
  problems.throwIfAny();
  return text!;
}

/** An optional reason: trimmed, within the limit, null when empty. */
function optionalText(value: string | null | undefined, field: string): string | null {
  const text = normaliseText(value);
  if (text && text.length > SUBMISSION_LIMITS.text) {
    new InputProblems().tooLong(field, SUBMISSION_LIMITS.text).throwIfAny();
  }
  return text;
}

/** The party edits its draft, or a matter returned for completion. */
export function updateSubmissionDraft(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & SubmissionContentInput,
  context: LifecycleContext = {},
) {
  return takeStep(
    em,
    viewer,
    input,
    SubmissionAction.EDIT,
    context,
    async ({ tx, viewer: v, submission }) => {
      const content = await checkContent(tx, v, input, submission.id);
      await applyContent(tx, submission, content);
    },
  );
}

/** The party submits its draft (or its completed matter) to Samverkansrådet. */
export function submitSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput,
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.SUBMIT, context, async ({ submission }) => {
    submission.submittedAt ??= context.now ?? new Date();
    submission.statusReason = null;
  });
}

/** The party withdraws its matter, optionally saying why. */
export function withdrawSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { reason?: string | null },
  context: LifecycleContext = {},
) {
  const reason = optionalText(input.reason, 'reason');
  return takeStep(em, viewer, input, SubmissionAction.WITHDRAW, context, async ({ submission }) => {
    submission.statusReason = reason;
    submission.closedAt = context.now ?? new Date();
    return { text: reason };
  });
}

/** The coordinator sends the matter back for the party to complete, saying what is missing. */
export function returnSubmissionForCompletion(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { reason: string },
  context: LifecycleContext = {},
) {
  return takeStep(
    em,
    viewer,
    input,
    SubmissionAction.RETURN_FOR_COMPLETION,
    context,
    async ({ submission }) => {
      const reason = checkedText(input.reason, 'reason', 'Skriv vad som behöver kompletteras.');
      submission.statusReason = reason;
      return { text: reason };
    },
  );
}

/**
 * The coordinator registers the matter: the next running number of the series and the registration's year
 * (in Stockholm), taken by one upsert in this transaction. The counter row stays locked until commit, so
 * concurrent registrations take turns and get consecutive numbers; a rollback takes its increment with it.
 */
export function registerSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput,
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.REGISTER, context, async ({ tx, submission }) => {
    const now = context.now ?? new Date();
    const series = context.registration?.series ?? DEFAULT_REGISTRATION_SERIES;
    const pattern = context.registration?.pattern ?? DEFAULT_REGISTRATION_PATTERN;
    const year = stockholmYear(now);
    const row = await tx
      .getConnection()
      .execute<{ last: number }>(
        'insert into registration_counter (series, year, last) values (?, ?, 1) ' +
          'on conflict (series, year) do update set last = registration_counter.last + 1 returning last',
        [series, year],
        'get',
        tx.getTransactionContext(),
      );
    submission.registrationSeries = series;
    submission.registrationYear = year;
    submission.registrationSequence = row.last;
    submission.registrationNumber = formatRegistrationNumber(pattern, series, row.last, year);
    submission.registeredAt = now;
    submission.statusReason = null;
  });
}

/** The coordinator declines the matter, stating why (outside the agreement's scope). */
export function declineSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { reason: string },
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.DECLINE, context, async ({ submission }) => {
    const reason = checkedText(input.reason, 'reason', 'Ange skälet till att ärendet inte tas upp.');
    submission.statusReason = reason;
    submission.closedAt = context.now ?? new Date();
    return { text: reason };
  });
}

/** A real date written YYYY-MM-DD. */
function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The coordinator refers the matter to a municipal department for a written answer by a date. */
export function referSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { departmentId: string | null; answerDueOn: string },
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.REFER, context, async ({ tx, submission }) => {
    const problems = new InputProblems();
    const department = input.departmentId ? await tx.findOne(Party, input.departmentId) : null;
    if (!department) {
      problems.add('departmentId', 'Förvaltningen finns inte.', UserErrorCode.NOT_FOUND);
    } else if (department.kind !== PartyKind.MUNICIPAL_DEPARTMENT) {
      problems.add('departmentId', 'Välj en av kommunens förvaltningar.', UserErrorCode.INVALID);
    }
    if (!isCalendarDate(input.answerDueOn)) {
      problems.add('answerDueOn', 'Ange ett datum.', UserErrorCode.REQUIRED);
    } else if (input.answerDueOn < stockholmDate(context.now ?? new Date())) {
      problems.add('answerDueOn', 'Datumet har redan passerat.', UserErrorCode.INVALID);
    }
    problems.throwIfAny();
    submission.referredTo = tx.getReference(Party, department!.id, { wrapped: true });
    submission.answerDueOn = input.answerDueOn;
    submission.statusReason = null;
    return { partyId: department!.id };
  });
}

/** The department's C-nätet representative (or the coordinator) answers the referred matter in writing. */
export function answerSubmissionInWriting(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { answer: string },
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.ANSWER_IN_WRITING, context, async ({ submission }) => {
    const answer = checkedText(input.answer, 'answer', 'Skriv svaret.');
    submission.answer = answer;
    submission.answeredAt = context.now ?? new Date();
    return { text: answer, partyId: submission.referredTo?.id ?? null };
  });
}

/** The coordinator closes an answered matter. */
export function closeSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput,
  context: LifecycleContext = {},
) {
  return takeStep(em, viewer, input, SubmissionAction.CLOSE, context, async ({ submission }) => {
    submission.closedAt = context.now ?? new Date();
  });
}

/** The coordinator decides whether the matter is public or handled without publication. */
export function decideSubmissionPublication(
  em: EntityManager,
  viewer: Viewer | null,
  input: SubmissionStepInput & { publication: string; reason?: string | null },
  context: LifecycleContext = {},
) {
  const reason = optionalText(input.reason, 'reason');
  return takeStep(em, viewer, input, SubmissionAction.DECIDE_PUBLICATION, context, async ({ submission }) => {
    if (
      input.publication !== SubmissionPublication.PUBLIC &&
      input.publication !== SubmissionPublication.RESTRICTED
    ) {
      throw userError('publication', 'Välj offentligt eller utan publicering.', UserErrorCode.INVALID);
    }
    submission.publication = input.publication as SubmissionPublication;
    return { text: reason };
  });
}

/**
 * A member of another joined party puts that party behind the matter. The matter's row is locked first, so a
 * double click waits for the first and then finds its signature: one row, the second a field error.
 */
export async function cosignSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  input: { submissionId: string | null; partyId: string | null },
  context: LifecycleContext = {},
): Promise<Submission> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const submission = await lockedSubmission(tx, input.submissionId);
    const facts = await viewerSubmissionFacts(tx, viewer);
    if (!submissionPolicy.see(facts, submission)) throw missing();
    const party = input.partyId ? facts.parties.get(input.partyId) : undefined;
    if (!party?.joined || input.partyId === submission.party.id) throw forbidden();
    if (
      !canTakeSubmissionAction(submission.status, SubmissionAction.COSIGN, SUBMISSION_TRANSITIONS.COSIGN.by)
    ) {
      throw userError(
        '',
        'Det går inte att ställa sig bakom ärendet i det här läget.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    if (await tx.count(SubmissionCosignature, { submission: submission.id, party: input.partyId! })) {
      throw userError('partyId', 'Parten står redan bakom ärendet.', UserErrorCode.DUPLICATE);
    }
    tx.create(SubmissionCosignature, {
      submission,
      party: tx.getReference(Party, input.partyId!),
      signedBy: tx.getReference(Person, viewer.id),
    });
    await recordSubmissionStep(tx, context.outbox, {
      submission,
      action: SubmissionAction.COSIGN,
      fromStatus: submission.status,
      actorId: viewer.id,
      partyId: input.partyId,
    });
    return submission;
  });
}
