import type { EntityManager } from '@mikro-orm/postgresql';
import {
  FEEDBACK_DUE_DAYS,
  InvitationKind,
  InvitationReplyKind,
  InvitationStatus,
  ParticipantStatus,
  PartyKind,
  PartySector,
  sectorOf,
} from '@samverka/domain';

/** The indicators of early dialogue for one year (of publication, in Stockholm) and one side. */
export interface InvitationIndicatorRow {
  year: number;
  sector: PartySector;
  published: number;
  /** Published invitations with a planned decision date: the lead times count these. */
  withPlannedDecision: number;
  medianLeadDays: number | null;
  averageLeadDays: number | null;
  /** Published, not cancelled invitations, and those of them at least one party answered. */
  answerable: number;
  answered: number;
  /** Responses to consultations whose deadline has passed, and those judged in a published compilation. */
  responses: number;
  responsesJudged: number;
  /** Invitations whose feedback was due (or came), and those with feedback within FEEDBACK_DUE_DAYS. */
  feedbackDue: number;
  feedbackInTime: number;
}

const MUNICIPAL_KINDS = Object.values(PartyKind).filter((kind) => sectorOf(kind) === PartySector.MUNICIPAL);
const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const YEAR_SQL = `extract(year from (i.published_at at time zone 'Europe/Stockholm'))::int`;
const DEADLINE_PASSED = quoted([
  InvitationStatus.DEADLINE_PASSED,
  InvitationStatus.FEEDBACK_PUBLISHED,
  InvitationStatus.CLOSED,
]);

/**
 * Every indicator per year and side in one statement. An invitation is answered as a party takes part
 * (a participant not cancelled, input, a response; a decline is no answer). A response counts as judged when the compilation is
 * published and the response has a verdict as a whole or on every point; the feedback's due date follows
 * isFeedbackOverdue (FEEDBACK_DUE_DAYS after the last occasion or the deadline), and an invitation whose
 * feedback is not yet due counts in neither part of that share.
 */
export async function invitationIndicators(
  em: EntityManager,
  year: number | null,
  now: Date = new Date(),
): Promise<InvitationIndicatorRow[]> {
  const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
    `with facts as (
       select ${YEAR_SQL} as year,
              case when p.kind in (${quoted(MUNICIPAL_KINDS)}) then '${PartySector.MUNICIPAL}'
                   else '${PartySector.CIVIL_SOCIETY}' end as sector,
              i.status, i.concludes_at, i.feedback_published_at,
              i.planned_decision_on - (i.published_at at time zone 'Europe/Stockholm')::date as lead_days,
              (exists (select 1 from invitation_occasion o join occasion_participant op on op.occasion_id = o.id
                        where o.invitation_id = i.id and op.status <> '${ParticipantStatus.CANCELLED}')
                or exists (select 1 from invitation_reply r where r.invitation_id = i.id and r.kind = '${InvitationReplyKind.INPUT}')
                or exists (select 1 from consultation_response cr where cr.invitation_id = i.id)) as answered,
              case when i.kind = '${InvitationKind.CONSULTATION}' and i.status in (${DEADLINE_PASSED}) then
                (select count(*) from consultation_response cr where cr.invitation_id = i.id) else 0 end as responses,
              case when i.kind = '${InvitationKind.CONSULTATION}' and i.status in (${DEADLINE_PASSED})
                        and i.compilation_published_at is not null then
                (select count(*) from consultation_response cr
                  where cr.invitation_id = i.id
                    and (cr.verdict is not null
                      or (exists (select 1 from consultation_position cp where cp.response_id = cr.id)
                          and not exists (select 1 from consultation_position cp
                                           where cp.response_id = cr.id and cp.verdict is null))))
                else 0 end as responses_judged
         from invitation i join party p on p.id = i.party_id
        where i.published_at is not null and i.status <> '${InvitationStatus.DRAFT}'
          ${year == null ? '' : `and ${YEAR_SQL} = ?`}
     )
     select year, sector, count(*) as published,
            count(lead_days) as with_planned_decision,
            percentile_cont(0.5) within group (order by lead_days) as median_lead_days,
            avg(lead_days) as average_lead_days,
            count(*) filter (where status <> '${InvitationStatus.CANCELLED}') as answerable,
            count(*) filter (where status <> '${InvitationStatus.CANCELLED}' and answered) as answered,
            coalesce(sum(responses), 0) as responses,
            coalesce(sum(responses_judged), 0) as responses_judged,
            count(*) filter (where status <> '${InvitationStatus.CANCELLED}' and concludes_at is not null
              and (feedback_published_at is not null or concludes_at + make_interval(days => ${FEEDBACK_DUE_DAYS}) < ?)) as feedback_due,
            count(*) filter (where status <> '${InvitationStatus.CANCELLED}' and concludes_at is not null
              and feedback_published_at <= concludes_at + make_interval(days => ${FEEDBACK_DUE_DAYS})) as feedback_in_time
       from facts group by year, sector order by year desc, sector`,
    [...(year == null ? [] : [year]), now],
  );
  const days = (value: string | number | null | undefined) =>
    value == null ? null : Math.round(Number(value) * 10) / 10;
  const found = rows.map((row) => ({
    year: Number(row.year),
    sector: row.sector as PartySector,
    published: Number(row.published),
    withPlannedDecision: Number(row.with_planned_decision),
    medianLeadDays: days(row.median_lead_days),
    averageLeadDays: days(row.average_lead_days),
    answerable: Number(row.answerable),
    answered: Number(row.answered),
    responses: Number(row.responses),
    responsesJudged: Number(row.responses_judged),
    feedbackDue: Number(row.feedback_due),
    feedbackInTime: Number(row.feedback_in_time),
  }));
  return withBothSides(found);
}

/** Both sides for every year with invitations, so a side that published none shows as zero, not as missing. */
function withBothSides(rows: InvitationIndicatorRow[]): InvitationIndicatorRow[] {
  const years = [...new Set(rows.map((row) => row.year))];
  return years.flatMap((year) =>
    [PartySector.MUNICIPAL, PartySector.CIVIL_SOCIETY].map(
      (sector) =>
        rows.find((row) => row.year === year && row.sector === sector) ?? {
          year,
          sector,
          published: 0,
          withPlannedDecision: 0,
          medianLeadDays: null,
          averageLeadDays: null,
          answerable: 0,
          answered: 0,
          responses: 0,
          responsesJudged: 0,
          feedbackDue: 0,
          feedbackInTime: 0,
        },
    ),
  );
}
