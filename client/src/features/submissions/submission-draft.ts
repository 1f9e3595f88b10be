import type { SubmissionKind, PrincipleKey } from '../../gql/graphql';
import type { FieldMessage } from '../../lib/errors';
import type { UploadedDocument } from '../documents/upload-document';

/** What the draft form edits; documents are the uploads the matter holds (or will hold once saved). */
export interface SubmissionDraftValues {
  partyId: string;
  kind: SubmissionKind | '';
  title: string;
  description: string;
  principles: PrincipleKey[];
  commitments: number[];
  activityId: string;
  documents: Pick<UploadedDocument, 'id' | 'name' | 'url'>[];
  requestsRestriction: boolean;
}

export const SUBMISSION_KINDS: SubmissionKind[] = ['QUESTION', 'OBSTACLE', 'PROPOSAL'];
export const PRINCIPLE_KEYS: PrincipleKey[] = [
  'INDEPENDENCE',
  'DIALOGUE',
  'QUALITY',
  'LONG_TERM',
  'OPENNESS',
  'DIVERSITY',
];

export function emptyDraft(partyId = ''): SubmissionDraftValues {
  return {
    partyId,
    kind: '',
    title: '',
    description: '',
    principles: [],
    commitments: [],
    activityId: '',
    documents: [],
    requestsRestriction: false,
  };
}

/** The content the mutations take; the kind is sent as chosen, so a missing one is the server's field error. */
export function contentInput(draft: SubmissionDraftValues) {
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    principles: draft.principles,
    commitments: [...draft.commitments].sort((a, b) => a - b),
    activityId: draft.activityId || null,
    documentIds: draft.documents.map((document) => document.id),
    requestsRestriction: draft.requestsRestriction,
  };
}

/** Checks the form can make before sending: the required texts. The server checks everything again. */
export function missingFields(draft: SubmissionDraftValues): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!draft.kind) missing.kind = 'submissionForm.required';
  if (!draft.title.trim()) missing.title = 'submissionForm.required';
  if (!draft.description.trim()) missing.description = 'submissionForm.required';
  return missing;
}

/** Fields of the draft form that show their own errors; documentIds.N are shown at the file input. */
export const DRAFT_FORM_FIELDS = [
  'partyId',
  'kind',
  'title',
  'description',
  'principles',
  'commitments',
  'activityId',
];

/**
 * Payload errors no field of the form shows (the version seen, the matter itself): said above the form, so a
 * refusal is never silent.
 */
export function unplacedErrors(
  errors: Record<string, FieldMessage>,
  placed: readonly string[],
): FieldMessage[] {
  return Object.entries(errors)
    .filter(([field]) => !placed.includes(field) && !field.startsWith('documentIds'))
    .map(([, message]) => message);
}
