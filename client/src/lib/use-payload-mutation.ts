import { ref } from 'vue';
import { useApolloClient } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@apollo/client/core';
import { groupUserErrors, topLevelErrorKey, type FieldMessage, type UserErrorLike } from './errors';

/** What every mutation payload has: `errors: [UserError!]!`. */
interface WithErrors {
  errors: readonly UserErrorLike[];
}

/**
 * Runs a mutation that answers with an input/payload pair. Payload errors go beside their fields
 * (`fieldErrors`, keyed like "createParty.organisationNumber") or into `alerts`; top-level errors are
 * translated by `extensions.code`, never shown raw. Resolves to the payload when it has no errors.
 */
export function usePayloadMutation() {
  const { resolveClient } = useApolloClient();
  const busy = ref(false);
  const fieldErrors = ref<Record<string, FieldMessage>>({});
  const alerts = ref<string[]>([]);

  function reset() {
    fieldErrors.value = {};
    alerts.value = [];
  }

  async function run<TData, TVariables extends Record<string, unknown>, TPayload extends WithErrors>(
    mutation: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    pick: (data: TData) => TPayload | null | undefined,
  ): Promise<TPayload | null> {
    if (busy.value) return null;
    busy.value = true;
    reset();
    try {
      const { data } = await resolveClient().mutate({ mutation, variables });
      const payload = data ? pick(data) : null;
      if (payload && payload.errors.length === 0) return payload;
      const { byField, general } = groupUserErrors(payload?.errors ?? []);
      fieldErrors.value = byField;
      alerts.value = general.length || Object.keys(byField).length ? general : ['errors.GENERIC'];
      return null;
    } catch (error) {
      alerts.value = [topLevelErrorKey(error)];
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, fieldErrors, alerts, run, reset };
}
