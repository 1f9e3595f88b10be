import type { EntityManager } from '@mikro-orm/postgresql';
import { NoticeAnswerChoice } from './notice-answer.entity.js';

/** One person the notice went to, or who answered it, with their answer if any. */
export interface NoticeAnswerRow {
  personId: string;
  name: string;
  choice: NoticeAnswerChoice | null;
  comment: string | null;
  answeredAt: Date | null;
}

/*
 * Everyone the notice goes to (the forum's current seat holders with an account, the chair, the adjusters)
 * and everyone who answered, with their answers: one statement whatever the number of members.
 */
const ANSWERS_SQL = `
with invited as (
  select s.person_id from council_seat s join meeting m on m.forum_id = s.forum_id
   where m.id = ? and s.person_id is not null and s.ended_at is null
  union select m.chair_id from meeting m where m.id = ? and m.chair_id is not null
  union select a.person_id from meeting_adjuster a where a.meeting_id = ?
  union select n.person_id from notice_answer n where n.meeting_id = ?
)
select p.id as person_id, p.name, n.choice, n.comment, n.answered_at
  from invited i join person p on p.id = i.person_id
  left join notice_answer n on n.meeting_id = ? and n.person_id = p.id
 order by p.name, p.id`;

export async function noticeAnswerRows(em: EntityManager, meetingId: string): Promise<NoticeAnswerRow[]> {
  const rows = await em.getConnection().execute<
    {
      person_id: string;
      name: string;
      choice: NoticeAnswerChoice | null;
      comment: string | null;
      answered_at: Date | null;
    }[]
  >(ANSWERS_SQL, [meetingId, meetingId, meetingId, meetingId, meetingId]);
  return rows.map((row) => ({
    personId: row.person_id,
    name: row.name,
    choice: row.choice,
    comment: row.comment,
    answeredAt: row.answered_at ? new Date(row.answered_at) : null,
  }));
}

/** Whether the notice goes to this person: a current seat in the meeting's forum, the chair or an adjuster. */
export async function isInvited(em: EntityManager, meetingId: string, personId: string): Promise<boolean> {
  const rows = await em.getConnection().execute(
    `select 1 from meeting m
      where m.id = ? and (m.chair_id = ?
        or exists (select 1 from council_seat s where s.forum_id = m.forum_id and s.person_id = ? and s.ended_at is null)
        or exists (select 1 from meeting_adjuster a where a.meeting_id = m.id and a.person_id = ?))`,
    [meetingId, personId, personId, personId],
    'all',
    em.getTransactionContext(),
  );
  return rows.length > 0;
}
