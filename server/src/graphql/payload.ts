import { UserError, UserErrors } from './user-error.js';

/** Runs a service call for a mutation: its UserErrors become the payload's errors, with `empty` as the rest. */
export async function payloadOf<T extends object>(
  empty: T,
  run: () => Promise<T>,
): Promise<T & { errors: UserError[] }> {
  try {
    return { ...(await run()), errors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, errors: error.errors };
    throw error;
  }
}

/** The common payload of one changed object under `key`, null when the change was refused. */
export function payloadWith<K extends string, T>(key: K, run: () => Promise<T>) {
  return payloadOf(
    { [key]: null } as { [P in K]: T | null },
    async () => ({ [key]: await run() }) as { [P in K]: T | null },
  );
}
