import { AgendaItemStatus, type AgendaItemStatusValue } from './enums.js';

/** What moving through an agenda needs to know of an item. */
export interface NavigableAgendaItem {
  position: number;
  status: AgendaItemStatus | AgendaItemStatusValue;
}

/** The agenda in position order, without changing the given array. */
export function inAgendaOrder<T extends { position: number }>(agenda: readonly T[]): T[] {
  return [...agenda].sort((a, b) => a.position - b.position);
}

/** The item being dealt with; null before the first and after the current one is done or deferred. */
export function currentAgendaItem<T extends { status: AgendaItemStatus | AgendaItemStatusValue }>(
  agenda: readonly T[],
): T | null {
  return agenda.find((item) => item.status === AgendaItemStatus.CURRENT) ?? null;
}

/**
 * Where "next" goes: the first pending item after the current one. With no current item, the first pending
 * item (positions start at 1; the server counts from position 0).
 */
export function nextPendingItem<T extends NavigableAgendaItem>(agenda: readonly T[]): T | null {
  const position = currentAgendaItem(agenda)?.position ?? 0;
  return (
    inAgendaOrder(agenda).find(
      (item) => item.position > position && item.status === AgendaItemStatus.PENDING,
    ) ?? null
  );
}

/**
 * Where "previous" goes: the item just before the current one, whatever its status. With no current item
 * (e.g. it was deferred), the last item of the agenda.
 */
export function previousItem<T extends NavigableAgendaItem>(agenda: readonly T[]): T | null {
  const position = currentAgendaItem(agenda)?.position ?? Number.MAX_SAFE_INTEGER;
  return (
    inAgendaOrder(agenda)
      .filter((item) => item.position < position)
      .at(-1) ?? null
  );
}

/** Items still to be dealt with, in agenda order: every pending item, skipped ones included. */
export function upcomingItems<T extends NavigableAgendaItem>(agenda: readonly T[]): T[] {
  return inAgendaOrder(agenda).filter((item) => item.status === AgendaItemStatus.PENDING);
}
