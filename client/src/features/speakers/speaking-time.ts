import type { SpeakersListFieldsFragment } from '../../gql/graphql';

/** How long the current speaker has spoken, and how far over the limit, in whole seconds. */
export function speakingTime(speakers: SpeakersListFieldsFragment, now: Date) {
  const startedAt = speakers.speaking?.startedAt;
  const spoken = startedAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(startedAt)) / 1000)) : 0;
  const limit = speakers.timeLimitSeconds ?? null;
  return { spoken, limit, over: limit === null ? 0 : Math.max(0, spoken - limit) };
}

/** The viewer's own line on the list (speaking or waiting) and their place in the queue, from 1. */
export function ownLine(speakers: SpeakersListFieldsFragment, personId: string | null | undefined) {
  if (!personId) return { speaking: false, waiting: null, place: 0 };
  const speaking = speakers.speaking?.personId === personId;
  const index = speakers.queue.findIndex((line) => line.personId === personId);
  return { speaking, waiting: index >= 0 ? speakers.queue[index]! : null, place: index + 1 };
}
