import { onBeforeUnmount, onMounted, ref } from 'vue';

/** The current time, updated every `intervalMs` while the component is mounted. */
export function useNow(intervalMs = 1000) {
  const now = ref(new Date());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    now.value = new Date();
    timer = setInterval(() => (now.value = new Date()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
