import { getCurrentInstance, onBeforeUnmount, ref, watchEffect } from 'vue';

/** A page's own title (e.g. a forum's name); null means "use the route's translated title". */
export const titleOverride = ref<string | null>(null);

/** Lets a page whose title comes from data set document.title; cleared when the page goes away. */
export function usePageTitle(title: () => string | null | undefined): void {
  watchEffect(() => {
    titleOverride.value = title() || null;
  });
  if (getCurrentInstance()) onBeforeUnmount(() => (titleOverride.value = null));
}

/** Moves keyboard and screen-reader focus to the page's h1 (or main) after a route change. */
export function focusPageHeading(root: ParentNode = document): void {
  const target = root.querySelector<HTMLElement>('main h1') ?? root.querySelector<HTMLElement>('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
}
