import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

/** Polite announcement of the current item; it changes only when the item does, never with the clock. */
export function useCurrentItemAnnouncement(current: Readonly<Ref<{ id: string; title: string } | null>>) {
  const { t } = useI18n();
  const announcement = ref('');
  watch(
    () => current.value?.id,
    () => {
      announcement.value = current.value ? t('live.announceCurrent', { title: current.value.title }) : '';
    },
    { immediate: true },
  );
  return announcement;
}
