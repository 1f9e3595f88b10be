import { ref, watch, type Ref } from 'vue';

/**
 * The title to announce politely as the current item; it changes only when the item does, never with the
 * clock. It is worded at render time, so the announcement follows the UI language.
 */
export function useCurrentItemAnnouncement(current: Readonly<Ref<{ id: string; title: string } | null>>) {
  const announcedTitle = ref<string | null>(null);
  watch(
    () => current.value?.id,
    () => {
      announcedTitle.value = current.value?.title ?? null;
    },
    { immediate: true },
  );
  return announcedTitle;
}
