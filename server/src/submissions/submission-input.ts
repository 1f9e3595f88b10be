import { ID, Int } from 'type-graphql';
import { Input, Payload, field, flag, id, int, text } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { documentIdOf } from '../documents/document-file.type.js';
import { Submission } from './submission.entity.js';

/**
 * Enumerations arrive as strings (kind, principles, publication), so a wrong value is a field error in the
 * payload beside its field, as every other bad input is, rather than a request-level error.
 */
const content = {
  kind: text('QUESTION, OBSTACLE or PROPOSAL (SubmissionKind).'),
  title: text('The title, at most 200 characters.'),
  description: text('What the matter is about, at most 10 000 characters.'),
  principles: field<string[]>(
    () => [String],
    'The principles of the agreement it concerns (PrincipleKey values).',
  ),
  commitments: field<number[]>(() => [Int], 'The commitments of the agreement it concerns, by position 1–6.'),
  activityId: field<string | null>(() => ID, 'The activity of the plan it relates to, if any.', {
    nullable: true,
  }),
  documentIds: field<string[]>(() => [ID], 'Documents uploaded through POST /dokument, in order.'),
  requestsRestriction: flag('Asks for handling without publication (for example where it names people).'),
};

export const CreateSubmissionDraftInput = Input(
  'CreateSubmissionDraftInput',
  'A new draft on behalf of a joined party.',
  { partyId: id('The party raising the matter; the viewer is an active member of it.'), ...content },
);
export type CreateSubmissionDraftInput = InstanceType<typeof CreateSubmissionDraftInput>;

const step = {
  submissionId: id('The matter.'),
  expectedVersion: int('The version seen; a newer one refuses the step.'),
};

export const UpdateSubmissionDraftInput = Input(
  'UpdateSubmissionDraftInput',
  'The whole content of a draft or of a matter returned for completion.',
  { ...step, ...content },
);
export type UpdateSubmissionDraftInput = InstanceType<typeof UpdateSubmissionDraftInput>;

export const SubmissionStepInput = Input('SubmissionStepInput', 'Names a matter and the version seen.', step);
export type SubmissionStepInput = InstanceType<typeof SubmissionStepInput>;

export const WithdrawSubmissionInput = Input('WithdrawSubmissionInput', 'The party withdraws its matter.', {
  ...step,
  reason: field<string | null>(() => String, 'Why, if the party wants to say.', { nullable: true }),
});
export type WithdrawSubmissionInput = InstanceType<typeof WithdrawSubmissionInput>;

export const SubmissionReasonInput = Input('SubmissionReasonInput', 'A step that states its reason.', {
  ...step,
  reason: text('The reason, shown to the party; at most 5 000 characters.'),
});
export type SubmissionReasonInput = InstanceType<typeof SubmissionReasonInput>;

export const ReferSubmissionInput = Input(
  'ReferSubmissionInput',
  'Refers the matter to a municipal department for a written answer by a date.',
  {
    ...step,
    departmentId: id('The municipal department; its C-nätet representative answers.'),
    answerDueOn: text('The date to answer by, YYYY-MM-DD, not in the past.'),
  },
);
export type ReferSubmissionInput = InstanceType<typeof ReferSubmissionInput>;

export const AnswerSubmissionInWritingInput = Input(
  'AnswerSubmissionInWritingInput',
  "The referred department's written answer.",
  { ...step, answer: text('The answer, at most 5 000 characters.') },
);
export type AnswerSubmissionInWritingInput = InstanceType<typeof AnswerSubmissionInWritingInput>;

export const CosignSubmissionInput = Input(
  'CosignSubmissionInput',
  'Another joined party stands behind the matter.',
  {
    submissionId: id('The matter.'),
    partyId: id('The party standing behind it; the viewer is an active member of it.'),
  },
);
export type CosignSubmissionInput = InstanceType<typeof CosignSubmissionInput>;

export const DecideSubmissionPublicationInput = Input(
  'DecideSubmissionPublicationInput',
  "The coordinator's decision on publication.",
  {
    ...step,
    publication: text('PUBLIC, or RESTRICTED: handled without publication (SubmissionPublication).'),
    reason: field<string | null>(() => String, 'Why, if the coordinator wants to say.', { nullable: true }),
  },
);
export type DecideSubmissionPublicationInput = InstanceType<typeof DecideSubmissionPublicationInput>;

export const SubmissionStepPayload = Payload(
  'SubmissionStepPayload',
  "Result of a step in a matter's workflow.",
  {
    submission: field<Submission | null>(() => Submission, 'The matter after the step; null when refused.', {
      nullable: true,
    }),
  },
  'Why the step was refused.',
);

/** The service's view of a draft's content: global ids become uuids (null when not one of the right type). */
export function contentOf(input: CreateSubmissionDraftInput | UpdateSubmissionDraftInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    principles: input.principles,
    commitments: input.commitments,
    activityId:
      input.activityId === null || input.activityId === undefined
        ? null
        : (idOfType(input.activityId, 'Activity') ?? ''),
    documentIds: input.documentIds.map(documentIdOf),
    requestsRestriction: input.requestsRestriction,
  };
}

export const submissionIdOf = (globalId: string) => idOfType(globalId, 'Submission');
export const partyIdOf = (globalId: string) => idOfType(globalId, 'Party');
