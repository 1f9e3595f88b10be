import { computed, type Ref } from 'vue';
import {
  agendaTiming,
  currentAgendaItem,
  upcomingItems,
  type TimedAgendaItem,
  type TimedMeeting,
} from '@samverka/domain';
import type { AgendaItemStatus, MeetingStatus } from '../../gql/graphql';

/** The parts of a meeting that timing needs; both the live fragment and the meeting page's fit. */
export interface TimedItem extends TimedAgendaItem {
  id: string;
  position: number;
  status: AgendaItemStatus;
}

export interface TimedLiveMeeting<I extends TimedItem = TimedItem> extends TimedMeeting {
  status: MeetingStatus;
  closedAt: string | null;
  timerPaused: boolean;
  agenda: readonly I[];
}

/** "mm:ss"; minutes keep counting past 59 ("75:03") because agenda items are short. */
export function formatMmSs(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/**
 * Reactive timing for a meeting; `now` is typically useNow() ticking every second. The arithmetic is the
 * domain's agendaTiming, so the live view and the server agree.
 */
export function useAgendaTiming<I extends TimedItem>(
  meeting: Ref<TimedLiveMeeting<I> | null>,
  now: Ref<Date>,
) {
  const timing = computed(() => (meeting.value ? agendaTiming(meeting.value, now.value) : null));
  const current = computed(() => (meeting.value ? currentAgendaItem(meeting.value.agenda) : null));
  const elapsed = computed(() => timing.value?.currentElapsedSeconds ?? 0);
  const planned = computed(() => timing.value?.currentPlannedSeconds ?? 0);
  const itemOverrun = computed(() => timing.value?.currentOverrunSeconds ?? 0);
  const overrun = computed(() => timing.value?.overrunSeconds ?? 0);
  const projectedEnd = computed(() => timing.value?.projectedEnd ?? null);
  const upcoming = computed(() => (meeting.value ? upcomingItems(meeting.value.agenda) : []));
  return { current, elapsed, planned, itemOverrun, overrun, projectedEnd, upcoming };
}
