import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import 'reflect-metadata';
import { ref } from '@mikro-orm/core';
import {
  CompilationVerdict,
  InvitationAudience,
  InvitationKind,
  InvitationReplyKind,
  InvitationStatus,
  OccasionMode,
  ParticipantStatus,
  PartyKind,
  ProposalStance,
  isInvited,
} from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { invitationIndicators } from '../src/invitations/invitation-indicators.queries.js';
import { seedDemoInvitations } from '../src/invitations/invitation.seed.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationReply } from '../src/invitations/invitation-reply.entity.js';
import { OccasionParticipant } from '../src/invitations/occasion-participant.entity.js';
import { ConsultationProposal } from '../src/invitations/consultation-proposal.entity.js';
import { ConsultationResponse } from '../src/invitations/consultation-response.entity.js';
import { ConsultationPosition } from '../src/invitations/consultation-position.entity.js';
import { feedInvitation, feedParty } from './invitation-feeds-fixtures.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const INDICATORS = `query($year: Int) { invitationIndicators(year: $year) {
  year sector published withPlannedDecision medianLeadDays averageLeadDays answerable answered answeredShare
  responses responsesJudged judgedResponseShare feedbackDue feedbackInTime feedbackInTimeShare } }`;

async function indicators(year: number) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    body: JSON.stringify({ query: INDICATORS, variables: { year } }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data.invitationIndicators as Record<string, unknown>[];
}

/** 2019, a year no demo invitation is published in: known rows only. */
async function knownYear() {
  const department = await feedParty(server, PartyKind.MUNICIPAL_DEPARTMENT);
  const association = await feedParty(server, PartyKind.NON_PROFIT_ASSOCIATION);
  const other = await feedParty(server, PartyKind.STUDY_ASSOCIATION);
  const em = server.orm.em.fork();

  // Municipal: 90 days' lead, answered by a registration, feedback 19 days after.
  const early = await feedInvitation(server, department, {
    title: 'Tidig dialog 2019',
    status: InvitationStatus.FEEDBACK_PUBLISHED,
    publishedAt: new Date('2019-03-01T10:00:00Z'),
    plannedDecisionOn: '2019-05-30',
    concludesAt: new Date('2019-04-01T17:00:00Z'),
    feedbackPublishedAt: new Date('2019-04-20T10:00:00Z'),
    occasions: [
      { startsAt: new Date('2019-04-01T15:00:00Z'), mode: OccasionMode.IN_PERSON, place: 'Rådhuset' },
    ],
  });
  em.create(OccasionParticipant, {
    occasion: early.occasions[0]!.id,
    party: association.id,
    name: 'Deltagare',
    sequence: 1,
  });

  // Municipal: a consultation, 30 days' lead, two responses of which one is judged; feedback 71 days late.
  const consultation = await feedInvitation(server, department, {
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss 2019',
    status: InvitationStatus.FEEDBACK_PUBLISHED,
    publishedAt: new Date('2019-06-01T10:00:00Z'),
    plannedDecisionOn: '2019-07-01',
    concludesAt: new Date('2019-06-20T22:00:00Z'),
    compilationPublishedAt: new Date('2019-06-25T10:00:00Z'),
    feedbackPublishedAt: new Date('2019-08-30T10:00:00Z'),
  });
  const invitation = await em.findOneOrFail(Invitation, consultation.invitation.id);
  const proposals = [1, 2].map((position) => {
    const proposal = Object.assign(new ConsultationProposal(), {
      invitation: ref(invitation),
      position,
      title: `Förslag ${position}`,
    });
    em.persist(proposal);
    return proposal;
  });
  em.create(ConsultationResponse, {
    invitation,
    party: association.id,
    text: 'Helt svar',
    verdict: CompilationVerdict.ADOPTED,
  });
  const pointwise = em.create(ConsultationResponse, { invitation, party: other.id, text: 'Punktvis' });
  em.create(ConsultationPosition, {
    response: pointwise,
    proposal: proposals[0]!,
    stance: ProposalStance.SUPPORTS,
    verdict: CompilationVerdict.NOT_ADOPTED,
    verdictReason: 'Skäl',
  });
  em.create(ConsultationPosition, {
    response: pointwise,
    proposal: proposals[1]!,
    stance: ProposalStance.OPPOSES,
  });

  // Municipal: cancelled, no planned decision; answered by input before it was.
  const cancelled = await feedInvitation(server, department, {
    title: 'Inställd 2019',
    status: InvitationStatus.CANCELLED,
    publishedAt: new Date('2019-09-01T10:00:00Z'),
  });
  em.create(InvitationReply, {
    invitation: cancelled.invitation.id,
    party: association.id,
    kind: InvitationReplyKind.INPUT,
    text: 'Synpunkt',
  });

  // Civil society: 10 days' lead, nobody answered (a decline and a cancelled registration are no answer),
  // feedback overdue.
  const unanswered = await feedInvitation(server, association, {
    title: 'Föreningens dialog 2019',
    status: InvitationStatus.HELD,
    publishedAt: new Date('2019-02-01T10:00:00Z'),
    plannedDecisionOn: '2019-02-11',
    concludesAt: new Date('2019-03-01T17:00:00Z'),
    occasions: [{ startsAt: new Date('2019-03-01T15:00:00Z'), mode: OccasionMode.IN_PERSON, place: 'Huset' }],
  });
  em.create(InvitationReply, {
    invitation: unanswered.invitation.id,
    party: other.id,
    kind: InvitationReplyKind.DECLINED,
    text: 'Vi har inte möjlighet.',
  });
  em.create(OccasionParticipant, {
    occasion: unanswered.occasions[0]!.id,
    party: department.id,
    name: 'Avanmäld',
    sequence: 1,
    status: ParticipantStatus.CANCELLED,
  });
  // A draft counts nowhere.
  await feedInvitation(server, association, { title: 'Utkast', status: InvitationStatus.DRAFT });
  await em.flush();
}

describe('invitationIndicators', () => {
  test('per year and side, from known rows', async () => {
    await knownYear();
    expect(await indicators(2019)).toEqual([
      {
        year: 2019,
        sector: 'MUNICIPAL',
        published: 3,
        withPlannedDecision: 2,
        medianLeadDays: 60,
        averageLeadDays: 60,
        answerable: 2,
        answered: 2,
        answeredShare: 1,
        responses: 2,
        responsesJudged: 1,
        judgedResponseShare: 0.5,
        feedbackDue: 2,
        feedbackInTime: 1,
        feedbackInTimeShare: 0.5,
      },
      {
        year: 2019,
        sector: 'CIVIL_SOCIETY',
        published: 1,
        withPlannedDecision: 1,
        medianLeadDays: 10,
        averageLeadDays: 10,
        answerable: 1,
        answered: 0,
        answeredShare: 0,
        responses: 0,
        responsesJudged: 0,
        judgedResponseShare: null,
        feedbackDue: 1,
        feedbackInTime: 0,
        feedbackInTimeShare: 0,
      },
    ]);
    expect(await indicators(2018)).toEqual([]);
  });

  test('both sides for every year, newest first, in one statement', async () => {
    const em = server.orm.em.fork();
    const before = sqlCounter.statements;
    const rows = await invitationIndicators(em, null);
    expect(sqlCounter.statements - before).toBe(1);
    const years = [...new Set(rows.map((row) => row.year))];
    expect(years).toEqual([...years].sort((a, b) => b - a));
    for (const year of years) {
      expect(rows.filter((row) => row.year === year).map((row) => row.sector)).toEqual([
        'MUNICIPAL',
        'CIVIL_SOCIETY',
      ]);
    }
  });
});

describe('the demo invitations', () => {
  test('every status, both sides, a compilation with two judged responses and an overdue feedback', async () => {
    const connection = server.orm.em.fork().getConnection();
    // The fixtures' contacts are at example.org; the demo's are not.
    const statuses = await connection.execute<{ status: string }[]>(
      `select distinct status from invitation where contact_details not like '%example.org'`,
    );
    expect(statuses.map((row) => row.status).sort()).toEqual(Object.values(InvitationStatus).sort());
    const [compiled] = await connection.execute<{ judged: number }[]>(
      `select count(*)::int as judged from consultation_response r join invitation i on i.id = r.invitation_id
        where i.compilation_published_at is not null and r.verdict is not null and i.title like 'Remiss:%'`,
    );
    expect(compiled!.judged).toBe(2);
    const [overdue] = await connection.execute<{ n: number }[]>(
      `select count(*)::int as n from invitation where status = 'HELD' and feedback_published_at is null
         and concludes_at < now() - interval '30 days' and title like 'Föreningarnas Hus%'`,
    );
    expect(overdue!.n).toBe(1);
    const rows = await invitationIndicators(server.orm.em.fork(), null);
    for (const sector of ['MUNICIPAL', 'CIVIL_SOCIETY']) {
      const published = rows.filter((row) => row.sector === sector && row.year !== 2019);
      expect(
        published.reduce((sum, row) => sum + row.published, 0),
        sector,
      ).toBeGreaterThan(0);
    }
  });

  test('every party that answers a demo invitation is one it is for', async () => {
    const answers = await server.orm.em
      .fork()
      .getConnection()
      .execute<
        {
          audience: InvitationAudience;
          party_kinds: PartyKind[];
          areas: string[];
          named: string[];
          inviter: string;
          id: string;
          kind: PartyKind;
          areas_of_interest: string[];
        }[]
      >(
        `select i.audience, i.party_kinds, i.areas, i.party_id as inviter,
                array(select v.party_id::text from invitation_invitee v where v.invitation_id = i.id) as named,
                p.id, p.kind, p.areas_of_interest
           from invitation i
           join (select o.invitation_id, op.party_id from occasion_participant op
                   join invitation_occasion o on o.id = op.occasion_id
                 union select invitation_id, party_id from invitation_reply
                 union select invitation_id, party_id from consultation_response) a on a.invitation_id = i.id
           join party p on p.id = a.party_id
          where i.contact_details not like '%example.org'`,
      );
    expect(answers.length).toBeGreaterThan(10);
    for (const row of answers) {
      expect(row.id).not.toBe(row.inviter);
      expect(
        isInvited(
          { audience: row.audience, partyKinds: row.party_kinds, areas: row.areas, namedPartyIds: row.named },
          { id: row.id, kind: row.kind, areasOfInterest: row.areas_of_interest },
        ),
      ).toBe(true);
    }
  });

  test('seeding again writes nothing', async () => {
    const tables = ['invitation', 'invitation_occasion', 'occasion_participant', 'consultation_response'];
    const before = await rowCounts(server, tables);
    expect(await seedDemoInvitations(server.orm.em.fork())).toBe(false);
    expect(await rowCounts(server, tables)).toEqual(before);
  });
});
