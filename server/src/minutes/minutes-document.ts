import type { EntityManager } from '@mikro-orm/postgresql';
import { MinutesStatus } from '@samverka/domain';
import { Meeting } from '../meetings/meeting.entity.js';
import type { Viewer } from '../graphql/context.js';
import { toGlobalId } from '../graphql/node.js';
import { Minutes, type ApproverRole } from './minutes.entity.js';
import { readAttendance, type MinutesAttendance } from './minutes-attendance.js';
import { minutesPolicy, type MinutesAccessFacts } from './minutes.policy.js';

/** The facts of the meeting the minutes record. */
export interface MinutesMeeting {
  /** Global id. */
  id: string;
  title: string;
  forumName: string;
  startsAt: Date;
  endsAt: Date;
  startedAt: Date | null;
  closedAt: Date | null;
  location: string | null;
  digitalLink: string | null;
  chairName: string | null;
  adjusterNames: string[];
}

export interface MinutesParagraphView {
  number: number;
  title: string;
  deferred: boolean;
  decision: string | null;
  minute: string | null;
}

export interface MinutesApprovalView {
  personId: string | null;
  name: string;
  role: ApproverRole;
  approvedAt: Date | null;
  correctionRequestedAt: Date | null;
  correctionNote: string | null;
}

/** The minutes as the page and the PDF show them: plain data. */
export interface MinutesDocument {
  status: MinutesStatus;
  version: number;
  meeting: MinutesMeeting;
  openingNote: string | null;
  closingNote: string | null;
  attendance: MinutesAttendance;
  paragraphs: MinutesParagraphView[];
  approvals: MinutesApprovalView[];
  draftedAt: Date;
  sentAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  access: MinutesAccessFacts;
}

export function accessFacts(meeting: Meeting, minutes: Minutes | null): MinutesAccessFacts {
  return {
    status: minutes?.status ?? null,
    chairId: meeting.chair?.id ?? null,
    forumId: meeting.forum.id,
    adjusterIds: meeting.adjusters.getItems().map((adjuster) => adjuster.person.id),
    approverIds: minutes
      ? minutes.approvals
          .getItems()
          .map((approval) => approval.person?.id)
          .filter((id): id is string => !!id)
      : [],
  };
}

/** The meeting with what the minutes name of it, and its minutes if drafted; null for no such meeting. */
export async function loadMinutes(em: EntityManager, meetingId: string) {
  const meeting = await em.findOne(Meeting, meetingId, {
    populate: ['forum', 'chair', 'adjusters.person'],
  });
  if (!meeting) return null;
  const minutes = await em.findOne(
    Minutes,
    { meeting: meetingId },
    { populate: ['paragraphs', 'approvals'] },
  );
  return { meeting, minutes };
}

export function minutesDocument(meeting: Meeting, minutes: Minutes): MinutesDocument {
  return {
    status: minutes.status,
    version: minutes.version,
    meeting: {
      id: toGlobalId('Meeting', meeting.id),
      title: meeting.title,
      forumName: meeting.forum.getEntity().name,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      startedAt: meeting.startedAt ?? null,
      closedAt: meeting.closedAt ?? null,
      location: meeting.location ?? null,
      digitalLink: meeting.digitalLink ?? null,
      chairName: meeting.chair?.getEntity().name ?? null,
      adjusterNames: meeting.adjusters.getItems().map((adjuster) => adjuster.person.getEntity().name),
    },
    openingNote: minutes.openingNote ?? null,
    closingNote: minutes.closingNote ?? null,
    attendance: readAttendance(minutes.attendance),
    paragraphs: minutes.paragraphs.getItems().map((paragraph) => ({
      number: paragraph.number,
      title: paragraph.title,
      deferred: paragraph.deferred,
      decision: paragraph.decision ?? null,
      minute: paragraph.minute ?? null,
    })),
    approvals: minutes.approvals.getItems().map((approval) => ({
      personId: approval.person?.id ?? null,
      name: approval.name,
      role: approval.role,
      approvedAt: approval.approvedAt ?? null,
      correctionRequestedAt: approval.correctionRequestedAt ?? null,
      correctionNote: approval.correctionNote ?? null,
    })),
    draftedAt: minutes.draftedAt,
    sentAt: minutes.sentAt ?? null,
    approvedAt: minutes.approvedAt ?? null,
    publishedAt: minutes.publishedAt ?? null,
    access: accessFacts(meeting, minutes),
  };
}

/** The minutes of a meeting as the viewer may see them: published ones for all, others for those who work on them. */
export async function readVisibleMinutes(
  em: EntityManager,
  viewer: Viewer | null,
  meetingId: string,
): Promise<MinutesDocument | null> {
  const loaded = await loadMinutes(em, meetingId);
  if (!loaded?.minutes) return null;
  const document = minutesDocument(loaded.meeting, loaded.minutes);
  return minutesPolicy.see(viewer, document.access) ? document : null;
}

/** Published minutes only: what the public PDF is made from. */
export async function readPublishedMinutes(em: EntityManager, meetingId: string) {
  const document = await readVisibleMinutes(em, null, meetingId);
  return document?.status === MinutesStatus.PUBLISHED ? document : null;
}
