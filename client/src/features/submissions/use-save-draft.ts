import { useRouter } from 'vue-router';
import {
  CreateSubmissionDraftDocument,
  SubmitSubmissionDocument,
  UpdateSubmissionDraftDocument,
} from '../../gql/graphql';
import { usePayloadMutation } from '../../lib/use-payload-mutation';
import { contentInput, missingFields, type SubmissionDraftValues } from './submission-draft';

/**
 * Saves the draft form: creates or updates the draft, submits it when asked, then opens the matter's page.
 * Errors stay on the form (beside their fields); a draft saved but refused on submit is still saved.
 */
export function useSaveDraft() {
  const router = useRouter();
  const mutation = usePayloadMutation();

  async function submitAndOpen(id: string, version: number, submit: boolean) {
    if (submit) {
      const submitted = await mutation.run(
        SubmitSubmissionDocument,
        { input: { submissionId: id, expectedVersion: version } },
        (data) => data.submitSubmission,
      );
      if (!submitted) return;
    }
    await router.push({ name: 'submission', params: { id } });
  }

  /** A new draft for the chosen party. */
  async function create(draft: SubmissionDraftValues, submit: boolean) {
    const missing = missingFields(draft);
    if (!draft.partyId) missing.partyId = 'submissionForm.required';
    if (Object.keys(missing).length) {
      mutation.reset();
      mutation.fieldErrors.value = missing;
      return;
    }
    const payload = await mutation.run(
      CreateSubmissionDraftDocument,
      { input: { partyId: draft.partyId, ...contentInput(draft) } },
      (data) => data.createSubmissionDraft,
    );
    if (payload?.submission) await submitAndOpen(payload.submission.id, payload.submission.version, submit);
  }

  /** The draft (or returned matter) as the viewer saw it at `expectedVersion`. */
  async function update(id: string, expectedVersion: number, draft: SubmissionDraftValues, submit: boolean) {
    const missing = missingFields(draft);
    if (Object.keys(missing).length) {
      mutation.reset();
      mutation.fieldErrors.value = missing;
      return;
    }
    const payload = await mutation.run(
      UpdateSubmissionDraftDocument,
      { input: { submissionId: id, expectedVersion, ...contentInput(draft) } },
      (data) => data.updateSubmissionDraft,
    );
    if (payload?.submission) await submitAndOpen(payload.submission.id, payload.submission.version, submit);
  }

  return { ...mutation, create, update };
}
