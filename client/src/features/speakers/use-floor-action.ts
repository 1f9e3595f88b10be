import { ref } from 'vue';
import { useApolloClient } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@apollo/client/core';
import type { UserErrorCode } from '../../gql/graphql';
import { topLevelErrorKey } from '../../lib/errors';

interface FloorPayload {
  errors: readonly { field: readonly string[]; message: string; code: UserErrorCode }[];
}

/** A refusal to show: the server's Swedish words, and the i18n key that says it in another language. */
export interface FloorProblem {
  sv: string | null;
  key: string;
}

/** The i18n key for a payload error of the floor mutations: ours where we have one, else the common one. */
export function floorErrorKey(code: UserErrorCode): string {
  const own = ['DUPLICATE', 'STALE_VERSION', 'INVALID_TRANSITION', 'NOT_FOUND', 'INVALID', 'REQUIRED'];
  return own.includes(code) ? `floor.errors.${code}` : `userErrors.${code}`;
}

/**
 * Runs an attendance or speakers' list mutation. Refusals become `problems` (the server says exactly what
 * was wrong, in Swedish; other languages word it by code); top-level errors are translated by code.
 */
export function useFloorAction() {
  const { resolveClient } = useApolloClient();
  const busy = ref(false);
  const problems = ref<FloorProblem[]>([]);

  async function run<TData, TVariables extends Record<string, unknown>>(
    mutation: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    pick: (data: TData) => FloorPayload | null | undefined,
  ): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    problems.value = [];
    try {
      const { data } = await resolveClient().mutate({ mutation, variables });
      const errors = (data && pick(data)?.errors) ?? [];
      problems.value = errors.map((error) => ({ sv: error.message, key: floorErrorKey(error.code) }));
      return errors.length === 0;
    } catch (error) {
      problems.value = [{ sv: null, key: topLevelErrorKey(error) }];
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, problems, run };
}
