import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  INVITATION_LIMITS,
  PartyKind,
} from '@samverka/domain';
import { invitationFollowUp } from '../src/invitations/invitation-follow-up.queries.js';
import { sqlCounter } from '../src/db/orm.js';
import { registerPerson, uuidOf } from './accounts-fixtures.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import { join, person } from './notification-fixtures.js';
import {
  FEEDBACK_TABLES,
  invitationRow,
  kindOfParty,
  occasionRow,
  participantRow,
  publishFeedback,
} from './invitation-feedback-fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let inviter: { cookie: string; partyId: string; personId: string };
let inviterParty: string;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  inviter = await joinedParty(server, 'Kulturförvaltningen');
  inviterParty = uuidOf(inviter.partyId);
  coordinator = await server.signIn('coordinator');
});
afterAll(() => server?.close());

const NOTIFICATIONS = `{ viewer { unreadNotificationCount notifications(first: 5) { edges { node {
  kind params { name value } submission { id } invitation { id title feedback } } } } } }`;

describe('publishInvitationFeedback', () => {
  test('the inviter tells what came of a held dialogue; those who took part are told, live and in the app', async () => {
    const participant = await registerPerson(server);
    const taking = await kindOfParty(server);
    await join(server, participant.personId, taking);
    const em = server.orm.em.fork();
    const invitation = await invitationRow(server, inviterParty, { status: InvitationStatus.HELD });
    await participantRow(server, await occasionRow(server, invitation.id), taking);

    const res = await publishFeedback(
      server,
      {
        invitationId: invitation.globalId,
        expectedVersion: invitation.version,
        text: '  Vi ändrade öppettiderna efter era synpunkter.  ',
      },
      inviter.cookie,
    );
    expect(res.data!.publishInvitationFeedback.errors).toEqual([]);
    const published = res.data!.publishInvitationFeedback.invitation;
    expect(published).toMatchObject({
      status: 'FEEDBACK_PUBLISHED',
      feedback: 'Vi ändrade öppettiderna efter era synpunkter.',
      feedbackOverdue: false,
    });
    expect(published.feedbackPublishedAt).not.toBeNull();

    const seen = await server.gql(NOTIFICATIONS, {}, participant.cookie);
    expect(seen.data!.viewer.unreadNotificationCount).toBe(1);
    expect(seen.data!.viewer.notifications.edges[0].node).toMatchObject({
      kind: 'INVITATION_FEEDBACK',
      submission: null,
      invitation: { id: invitation.globalId, feedback: 'Vi ändrade öppettiderna efter era synpunkter.' },
    });

    // An update keeps the first publication's time, and those who took part are told again.
    const updated = await publishFeedback(
      server,
      {
        invitationId: invitation.globalId,
        expectedVersion: published.version,
        text: 'Beslut i nämnden 12/3.',
      },
      inviter.cookie,
    );
    expect(updated.data!.publishInvitationFeedback.invitation).toMatchObject({
      status: 'FEEDBACK_PUBLISHED',
      feedback: 'Beslut i nämnden 12/3.',
      feedbackPublishedAt: published.feedbackPublishedAt,
    });
    expect(
      (await server.gql(NOTIFICATIONS, {}, participant.cookie)).data!.viewer.unreadNotificationCount,
    ).toBe(2);
    const [events] = await em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from invitation_event where invitation_id = ? and action = ?`,
        [invitation.id, 'PUBLISH_FEEDBACK'],
      );
    expect(events!.n).toBe(2);
  });

  test('after a consultation’s deadline too', async () => {
    const invitation = await invitationRow(server, inviterParty, {
      kind: InvitationKind.CONSULTATION,
      status: InvitationStatus.DEADLINE_PASSED,
    });
    const res = await publishFeedback(
      server,
      { invitationId: invitation.globalId, expectedVersion: invitation.version, text: 'Så blev det.' },
      inviter.cookie,
    );
    expect(res.data!.publishInvitationFeedback.invitation.status).toBe('FEEDBACK_PUBLISHED');
  });

  describe('bad input is a field error and writes nothing', () => {
    const CASES: [string, InvitationStatus, (i: { globalId: string; version: number }) => object, object][] =
      [
        [
          'empty feedback',
          InvitationStatus.HELD,
          (i) => ({ invitationId: i.globalId, expectedVersion: i.version, text: '   ' }),
          { field: ['input', 'text'], code: 'REQUIRED' },
        ],
        [
          'too long feedback',
          InvitationStatus.HELD,
          (i) => ({
            invitationId: i.globalId,
            expectedVersion: i.version,
            text: 'x'.repeat(INVITATION_LIMITS.text + 1),
          }),
          { field: ['input', 'text'], code: 'TOO_LONG', max: INVITATION_LIMITS.text },
        ],
        [
          'a version seen before someone else changed it',
          InvitationStatus.HELD,
          (i) => ({ invitationId: i.globalId, expectedVersion: i.version - 1, text: 'Text.' }),
          { field: ['input', 'expectedVersion'], code: 'STALE_VERSION' },
        ],
        [
          'feedback before the occasions are held',
          InvitationStatus.PUBLISHED,
          (i) => ({ invitationId: i.globalId, expectedVersion: i.version, text: 'Text.' }),
          { code: 'INVALID_TRANSITION' },
        ],
        [
          'feedback on a cancelled invitation',
          InvitationStatus.CANCELLED,
          (i) => ({ invitationId: i.globalId, expectedVersion: i.version, text: 'Text.' }),
          { code: 'INVALID_TRANSITION' },
        ],
        [
          'an id that is no invitation',
          InvitationStatus.HELD,
          (i) => ({ invitationId: inviter.partyId, expectedVersion: i.version, text: 'Text.' }),
          { field: ['input', 'invitationId'], code: 'NOT_FOUND' },
        ],
      ];
    test.each(CASES)('%s', async (_name, status, input, error) => {
      const invitation = await invitationRow(server, inviterParty, { status });
      const before = await rowCounts(server, FEEDBACK_TABLES);
      const res = await publishFeedback(server, input(invitation) as Record<string, unknown>, inviter.cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.publishInvitationFeedback.invitation).toBeNull();
      expect(res.data!.publishInvitationFeedback.errors).toEqual([expect.objectContaining(error)]);
      expect(await rowCounts(server, FEEDBACK_TABLES)).toEqual(before);
    });

    test('another party’s draft is as absent as a missing invitation', async () => {
      const other = await kindOfParty(server);
      const draft = await invitationRow(server, other, { status: InvitationStatus.DRAFT });
      const before = await rowCounts(server, FEEDBACK_TABLES);
      const res = await publishFeedback(
        server,
        { invitationId: draft.globalId, expectedVersion: draft.version, text: 'Text.' },
        inviter.cookie,
      );
      expect(res.data!.publishInvitationFeedback.errors).toEqual([
        expect.objectContaining({ field: ['input', 'invitationId'], code: 'NOT_FOUND' }),
      ]);
      expect(await rowCounts(server, FEEDBACK_TABLES)).toEqual(before);
    });
  });
});

describe('invitationFollowUp', () => {
  const FOLLOW_UP = `{ invitationFollowUp { wholeAgreement overdueFeedback { id title feedbackOverdue }
    shortDeadlines { id title shortDeadline responseDeadline } } }`;

  test('feedback overdue 30 days after the last occasion or deadline, and short deadlines, at a given time', async () => {
    const party = await kindOfParty(server, { kind: PartyKind.MUNICIPAL_DEPARTMENT });
    const member = await person(server, { partyId: party });
    const now = new Date('2027-06-15T10:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const overdue = await invitationRow(server, party, {
      status: InvitationStatus.HELD,
      concludesAt: ago(31),
    });
    const overdueConsultation = await invitationRow(server, party, {
      kind: InvitationKind.CONSULTATION,
      status: InvitationStatus.DEADLINE_PASSED,
      concludesAt: ago(45),
    });
    await invitationRow(server, party, { status: InvitationStatus.HELD, concludesAt: ago(29) });
    await invitationRow(server, party, {
      status: InvitationStatus.FEEDBACK_PUBLISHED,
      concludesAt: ago(60),
      feedbackPublishedAt: ago(10),
    });
    const short = await invitationRow(server, party, {
      kind: InvitationKind.CONSULTATION,
      status: InvitationStatus.PUBLISHED,
      publishedAt: ago(1),
      responseDeadline: '2027-07-01',
      concludesAt: null,
    });
    await invitationRow(server, party, {
      kind: InvitationKind.CONSULTATION,
      status: InvitationStatus.PUBLISHED,
      publishedAt: ago(1),
      responseDeadline: '2027-09-30',
      concludesAt: null,
    });
    const em = server.orm.em.fork();
    const viewer = { id: member.id, isCoordinator: false } as never;
    const followUp = (await invitationFollowUp(em, viewer, { now, minDays: 42 }))!;
    expect(followUp.wholeAgreement).toBe(false);
    expect(followUp.overdueFeedback.map((i) => i.id)).toEqual([overdueConsultation.id, overdue.id]);
    expect(followUp.shortDeadlines.map((i) => i.id)).toEqual([short.id]);
  });

  test('the coordinator sees every party’s; a member their own parties’; someone of no party nothing', async () => {
    const mine = await invitationRow(server, inviterParty, {
      status: InvitationStatus.HELD,
      concludesAt: new Date(Date.now() - 40 * DAY_MS),
    });
    const other = await invitationRow(server, await kindOfParty(server), {
      status: InvitationStatus.HELD,
      concludesAt: new Date(Date.now() - 40 * DAY_MS),
    });
    const ids = (res: any) => res.data.invitationFollowUp.overdueFeedback.map((i: any) => i.id);

    const asCoordinator = await server.gql(FOLLOW_UP, {}, coordinator);
    expect(asCoordinator.data!.invitationFollowUp.wholeAgreement).toBe(true);
    expect(ids(asCoordinator)).toEqual(expect.arrayContaining([mine.globalId, other.globalId]));
    expect(asCoordinator.data!.invitationFollowUp.overdueFeedback[0].feedbackOverdue).toBe(true);

    const asInviter = await server.gql(FOLLOW_UP, {}, inviter.cookie);
    expect(ids(asInviter)).toContain(mine.globalId);
    expect(ids(asInviter)).not.toContain(other.globalId);

    const plain = await registerPerson(server);
    const asPlain = await server.gql(FOLLOW_UP, {}, plain.cookie);
    expect(asPlain.data!.invitationFollowUp).toEqual({
      wholeAgreement: false,
      overdueFeedback: [],
      shortDeadlines: [],
    });

    const signedOut = await server.gql(FOLLOW_UP);
    expect(signedOut.errors).toBeUndefined();
    expect(signedOut.data!.invitationFollowUp).toBeNull();
  });

  test('the list costs the same SQL statements with 3 overdue invitations as with 30, each of another party', async () => {
    const LIST = `{ invitationFollowUp { overdueFeedback { id title feedbackOverdue concludesAt party { id name } }
      shortDeadlines { id party { id name } } } }`;
    async function statementsWith(count: number) {
      for (let i = 0; i < count; i++) {
        await invitationRow(server, await kindOfParty(server), {
          status: InvitationStatus.HELD,
          concludesAt: new Date(Date.now() - 50 * DAY_MS),
        });
      }
      const before = sqlCounter.statements;
      const res = await server.gql(LIST, {}, coordinator);
      expect(res.errors).toBeUndefined();
      return sqlCounter.statements - before;
    }
    expect(await statementsWith(3)).toBe(await statementsWith(30));
  });

  test('named parties and the audience do not matter: the inviting party follows up its own', async () => {
    const invitation = await invitationRow(server, inviterParty, {
      status: InvitationStatus.DEADLINE_PASSED,
      kind: InvitationKind.CONSULTATION,
      audience: InvitationAudience.NAMED_PARTIES,
      namedPartyIds: [await kindOfParty(server)],
      concludesAt: new Date(Date.now() - 31 * DAY_MS),
    });
    const res = await server.gql(FOLLOW_UP, {}, inviter.cookie);
    expect(res.data!.invitationFollowUp.overdueFeedback.map((i: any) => i.id)).toContain(invitation.globalId);
  });
});
