import type { AgendaItem } from './agenda-item.entity.js';

/** Banks the running stretch of an item's timer into elapsedSeconds. */
export function stopTimer(item: AgendaItem, now: Date): void {
  if (!item.timerStartedAt) return;
  item.elapsedSeconds += Math.max(0, Math.floor((now.getTime() - item.timerStartedAt.getTime()) / 1000));
  item.timerStartedAt = null;
}
