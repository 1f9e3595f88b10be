import { useRouter } from 'vue-router';
import {
  CreateInvitationDraftDocument,
  PublishInvitationDocument,
  UpdateInvitationDocument,
} from '../../../gql/graphql';
import { usePayloadMutation } from '../../../lib/use-payload-mutation';
import { invitationInput, missingFields, type InvitationValues } from './invitation-draft';

/**
 * Saves the invitation form: creates or updates, publishes when asked, then opens the invitation's page.
 * Errors stay on the form beside their fields; a draft saved but refused on publishing is still saved.
 */
export function useSaveInvitation() {
  const router = useRouter();
  const mutation = usePayloadMutation();

  async function publishAndOpen(id: string, version: number, publish: boolean) {
    if (publish) {
      const published = await mutation.run(
        PublishInvitationDocument,
        { input: { invitationId: id, expectedVersion: version } },
        (data) => data.publishInvitation,
      );
      if (!published) return;
    }
    await router.push(`/dialog/${id}`);
  }

  function refuseMissing(values: InvitationValues, extra: Record<string, string> = {}): boolean {
    const missing = { ...missingFields(values), ...extra };
    if (!Object.keys(missing).length) return false;
    mutation.reset();
    mutation.fieldErrors.value = missing;
    return true;
  }

  /** A new draft for the chosen party. */
  async function create(values: InvitationValues, publish: boolean) {
    if (refuseMissing(values, values.partyId ? {} : { partyId: 'invitationForm.required' })) return;
    const payload = await mutation.run(
      CreateInvitationDraftDocument,
      { input: { partyId: values.partyId, ...invitationInput(values) } },
      (data) => data.createInvitationDraft,
    );
    if (payload?.invitation) await publishAndOpen(payload.invitation.id, payload.invitation.version, publish);
  }

  /** The invitation as the viewer saw it at `expectedVersion`. */
  async function update(id: string, expectedVersion: number, values: InvitationValues, publish: boolean) {
    if (refuseMissing(values)) return;
    const payload = await mutation.run(
      UpdateInvitationDocument,
      { input: { invitationId: id, expectedVersion, ...invitationInput(values) } },
      (data) => data.updateInvitation,
    );
    if (payload?.invitation) await publishAndOpen(payload.invitation.id, payload.invitation.version, publish);
  }

  return { ...mutation, create, update };
}
