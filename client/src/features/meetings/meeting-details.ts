import type { MeetingDetailsDraft } from './MeetingDetailsForm.vue';
import { fromLocalInput, toLocalInput } from './agenda-order';

const DAY = 24 * 3600 * 1000;

/** A new meeting's form: two weeks ahead at 17:00–19:00, local time. */
export function newMeetingDraft(now = new Date()): MeetingDetailsDraft {
  const start = new Date(now.getTime() + 14 * DAY);
  start.setHours(17, 0, 0, 0);
  return {
    title: '',
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600 * 1000).toISOString()),
    location: '',
    accessibility: '',
    digitalLink: '',
    chairId: '',
    adjuster1: '',
    adjuster2: '',
  };
}

interface PlannedDetails {
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string | null;
  accessibility?: string | null;
  digitalLink?: string | null;
  chair?: { id: string } | null;
  adjusters: readonly { id: string }[];
}

export function draftOfMeeting(meeting: PlannedDetails): MeetingDetailsDraft {
  return {
    title: meeting.title,
    startsAt: toLocalInput(meeting.startsAt),
    endsAt: toLocalInput(meeting.endsAt),
    location: meeting.location ?? '',
    accessibility: meeting.accessibility ?? '',
    digitalLink: meeting.digitalLink ?? '',
    chairId: meeting.chair?.id ?? '',
    adjuster1: meeting.adjusters[0]?.id ?? '',
    adjuster2: meeting.adjusters[1]?.id ?? '',
  };
}

/** The input the server takes; an empty date is sent as it is so the server's field error says what is wrong. */
export function detailsInput(draft: MeetingDetailsDraft) {
  return {
    title: draft.title,
    startsAt: fromLocalInput(draft.startsAt) ?? '',
    endsAt: fromLocalInput(draft.endsAt) ?? '',
    location: draft.location || null,
    accessibility: draft.accessibility || null,
    digitalLink: draft.digitalLink || null,
    chairId: draft.chairId,
    adjusterIds: [draft.adjuster1, draft.adjuster2].filter(Boolean),
  };
}

/** The item input the server takes from the builder's form. */
export function itemInput(draft: {
  title: string;
  kind: string;
  presenter: string;
  plannedMinutes: string;
  description: string;
}) {
  return {
    title: draft.title,
    kind: draft.kind as never,
    presenter: draft.presenter || null,
    plannedMinutes: Number.parseInt(draft.plannedMinutes, 10) || 0,
    description: draft.description || null,
  };
}
