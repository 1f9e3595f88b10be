/**
 * Serialize once, write to every socket. graphql-ws stringifies each `next` message per subscriber; for a
 * result shared by thousands we register its `data` here: the message replacer swaps it for a short token,
 * and the socket's send swaps the token for the JSON serialized once.
 */
const TOKEN_PREFIX = '@@samverka-shared:';
const TOKEN_PATTERN = /"@@samverka-shared:(\d+)@@"/;

const ids = new WeakMap<object, number>();
const json = new Map<number, string>();
const release = new FinalizationRegistry<number>((id) => json.delete(id));
let next = 0;

/** Marks a result's data as shared and serializes it now, once. */
export function shareData<T extends object>(data: T): T {
  const id = ++next;
  ids.set(data, id);
  json.set(id, JSON.stringify(data));
  release.register(data, id);
  return data;
}

/** JSON replacer for graphql-ws messages. */
export function sharedReplacer(this: unknown, key: string, value: unknown): unknown {
  if (key === 'data' && value !== null && typeof value === 'object') {
    const id = ids.get(value);
    if (id !== undefined) return `${TOKEN_PREFIX}${id}@@`;
  }
  return value;
}

/** Puts the shared JSON back in place of its token before the message goes on the wire. */
export function expandShared(message: string): string {
  if (!message.includes(TOKEN_PREFIX)) return message;
  return message.replace(TOKEN_PATTERN, (token, id: string) => json.get(Number(id)) ?? token);
}
