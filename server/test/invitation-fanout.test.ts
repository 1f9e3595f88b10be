import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationReplyKind,
  InvitationStatus,
  Language,
  NotificationDelivery,
  NotificationKind,
  ParticipantStatus,
  PartyKind,
} from '@samverka/domain';
import { NotificationPreference } from '../src/notifications/notification-preference.entity.js';
import { recordDigests } from '../src/notifications/notification-digest.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { recordInvitationStep } from '../src/invitations/invitation-steps.js';
import { personTopic } from '../src/live/publish.js';
import { startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';
import { join, mailJobsTo, person } from './notification-fixtures.js';
import {
  invitationRow,
  invitationStep,
  kindOfParty,
  occasionRow,
  participantRow,
  replyRow,
  responseRow,
} from './invitation-feedback-fixtures.js';

let server: TestServer;
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

/** The invitation notifications a person has, oldest first. */
function invitationNotificationsOf(personId: string) {
  return server.orm.em
    .fork()
    .getConnection()
    .execute<
      { kind: string; params: Record<string, string>; invitation_id: string; mailed_at: Date | null }[]
    >(
      `select kind, params, invitation_id, mailed_at from notification
       where person_id = ? and invitation_id is not null order by created_at`,
      [personId],
    );
}

async function prefer(personId: string, kind: NotificationKind, delivery: NotificationDelivery) {
  const em = server.orm.em.fork();
  em.create(NotificationPreference, { person: personId, kind, delivery });
  await em.flush();
}

const publish = (invitationId: string, actorId: string | null = null) =>
  invitationStep(server, invitationId, {
    action: InvitationAction.PUBLISH,
    to: InvitationStatus.PUBLISHED,
    notify: NotificationKind.INVITATION_NEW,
    actorId,
  });

/** Whether each person was told of the invitation (one notification of the kind, or none). */
async function told(people: { id: string }[], invitationId: string, kind = NotificationKind.INVITATION_NEW) {
  return Promise.all(
    people.map(
      async (p) =>
        (await invitationNotificationsOf(p.id)).filter(
          (n) => n.invitation_id === invitationId && n.kind === kind,
        ).length,
    ),
  );
}

describe('a published invitation reaches its audience', () => {
  test('every joined party for all parties, never the inviting party nor one not joined; live on each topic', async () => {
    const inviter = await kindOfParty(server, { kind: PartyKind.MUNICIPAL_DEPARTMENT });
    const joined = await kindOfParty(server);
    const notJoined = await kindOfParty(server, { joined: false });
    const actor = await person(server, { partyId: inviter });
    const colleague = await person(server, { partyId: inviter });
    const member = await person(server, { partyId: joined });
    // A member of both the inviting and an invited party knows of it already.
    const both = await person(server, { partyId: joined });
    await join(server, both.id, inviter);
    const outsider = await person(server, { partyId: notJoined });
    const invitation = await invitationRow(server, inviter, { status: InvitationStatus.DRAFT });

    const liveBefore = await liveEventsOf(member.id);
    await publish(invitation.id, actor.id);

    expect(await told([actor, colleague, member, both, outsider], invitation.id)).toEqual([0, 0, 1, 0, 0]);
    expect(await liveEventsOf(member.id)).toBe(liveBefore + 1);
    const [notification] = await invitationNotificationsOf(member.id);
    expect(notification!.params).toEqual({ action: 'PUBLISH', invitationKind: 'DIALOGUE' });
  });

  test('by kind of party, by an overlapping area of interest, or by name', async () => {
    const inviter = await kindOfParty(server, { kind: PartyKind.MUNICIPAL_DEPARTMENT });
    const association = await kindOfParty(server, {
      kind: PartyKind.NON_PROFIT_ASSOCIATION,
      areas: ['kultur'],
    });
    const network = await kindOfParty(server, { kind: PartyKind.NETWORK, areas: ['idrott', 'unga'] });
    const named = await kindOfParty(server, { kind: PartyKind.NETWORK });
    const notJoinedAssociation = await kindOfParty(server, {
      kind: PartyKind.NON_PROFIT_ASSOCIATION,
      areas: ['idrott'],
      joined: false,
    });
    const people = await Promise.all(
      [association, network, named, notJoinedAssociation].map((partyId) => person(server, { partyId })),
    );

    const byKind = await invitationRow(server, inviter, {
      status: InvitationStatus.DRAFT,
      audience: InvitationAudience.PARTY_KINDS,
      partyKinds: [PartyKind.NON_PROFIT_ASSOCIATION],
    });
    const byArea = await invitationRow(server, inviter, {
      status: InvitationStatus.DRAFT,
      audience: InvitationAudience.AREAS_OF_INTEREST,
      areas: ['idrott', 'miljö'],
    });
    const byName = await invitationRow(server, inviter, {
      status: InvitationStatus.DRAFT,
      audience: InvitationAudience.NAMED_PARTIES,
      namedPartyIds: [named, notJoinedAssociation],
    });
    for (const invitation of [byKind, byArea, byName]) await publish(invitation.id);

    expect(await told(people, byKind.id)).toEqual([1, 0, 0, 0]);
    expect(await told(people, byArea.id)).toEqual([0, 1, 0, 0]);
    expect(await told(people, byName.id)).toEqual([0, 0, 1, 0]);
  });

  test('mails at once in the person’s language with a link to the invitation’s page', async () => {
    const inviter = await kindOfParty(server);
    const invited = await kindOfParty(server);
    const english = await person(server, { partyId: invited, language: Language.EN });
    const invitation = await invitationRow(server, inviter, {
      status: InvitationStatus.DRAFT,
      kind: InvitationKind.CONSULTATION,
      title: 'Remiss om lokalbokning',
      registrationNumber: 'Ks 12/2026',
      audience: InvitationAudience.NAMED_PARTIES,
      namedPartyIds: [invited],
    });
    await publish(invitation.id);
    const mail = await mailbox.waitFor(english.email, /Ks 12\/2026: Remiss om lokalbokning/, 30_000);
    expect(mail.subject).toBe('Ks 12/2026: Remiss om lokalbokning: is a new consultation that concerns you');
    expect(mail.text).toContain(`/dialog/${invitation.globalId}`);
    expect(mail.text).toContain('Read more and answer on the invitation’s page:');
    expect((await invitationNotificationsOf(english.id))[0]!.mailed_at).not.toBeNull();
  });
});

describe('those who took part are told', () => {
  async function takingPart() {
    const inviter = await kindOfParty(server);
    const [registered, waiting, cancelled, gaveInput, declined, responded, bystander] = await Promise.all(
      Array.from({ length: 7 }, () => kindOfParty(server)),
    );
    const people = await Promise.all(
      [registered, waiting, cancelled, gaveInput, declined, responded, bystander].map((partyId) =>
        person(server, { partyId: partyId! }),
      ),
    );
    const invitation = await invitationRow(server, inviter, { status: InvitationStatus.HELD });
    const occasion = await occasionRow(server, invitation.id);
    const seats = {
      registered: await participantRow(server, occasion, registered!),
      waiting: await participantRow(server, occasion, waiting!, ParticipantStatus.WAITING),
      cancelled: await participantRow(server, occasion, cancelled!, ParticipantStatus.CANCELLED),
    };
    await replyRow(server, invitation.id, gaveInput!, InvitationReplyKind.INPUT);
    await replyRow(server, invitation.id, declined!, InvitationReplyKind.DECLINED);
    await responseRow(server, invitation.id, responded!);
    return { invitation, people, seats };
  }

  test('feedback: every party that registered someone not cancelled, gave input or responded', async () => {
    const { invitation, people } = await takingPart();
    await invitationStep(server, invitation.id, {
      action: InvitationAction.PUBLISH_FEEDBACK,
      to: InvitationStatus.FEEDBACK_PUBLISHED,
      notify: NotificationKind.INVITATION_FEEDBACK,
      text: 'Vi tog med era förslag.',
    });
    expect(await told(people, invitation.id, NotificationKind.INVITATION_FEEDBACK)).toEqual([
      1, 1, 0, 1, 0, 1, 0,
    ]);
    const mail = await mailbox.waitFor(people[0]!.email, /har fått återkoppling/);
    expect(mail.text).toContain('  Vi tog med era förslag.');
  });

  test('a cancellation: the parties with someone registered or waiting', async () => {
    const { invitation, people } = await takingPart();
    await invitationStep(server, invitation.id, {
      action: InvitationAction.CANCEL,
      to: InvitationStatus.CANCELLED,
      notify: NotificationKind.INVITATION_CANCELLED,
      text: 'Lokalen brann.',
    });
    expect(await told(people, invitation.id, NotificationKind.INVITATION_CANCELLED)).toEqual([
      1, 1, 0, 0, 0, 0, 0,
    ]);
  });

  test('a seat offered: only the parties of those moved up', async () => {
    const { invitation, people, seats } = await takingPart();
    await invitationStep(server, invitation.id, {
      action: InvitationAction.REGISTER,
      notify: NotificationKind.INVITATION_SEAT_OFFERED,
      seatedParticipantIds: [seats.waiting],
    });
    expect(await told(people, invitation.id, NotificationKind.INVITATION_SEAT_OFFERED)).toEqual([
      0, 1, 0, 0, 0, 0, 0,
    ]);
  });

  test('a published compilation: the responding parties', async () => {
    const { invitation, people } = await takingPart();
    await invitationStep(server, invitation.id, {
      action: InvitationAction.COMPILE,
      notify: NotificationKind.CONSULTATION_COMPILED,
    });
    expect(await told(people, invitation.id, NotificationKind.CONSULTATION_COMPILED)).toEqual([
      0, 0, 0, 0, 0, 1, 0,
    ]);
  });

  test('a step without a notification tells no one', async () => {
    const { invitation, people } = await takingPart();
    await invitationStep(server, invitation.id, { action: InvitationAction.RESPOND });
    for (const p of people) expect(await invitationNotificationsOf(p.id)).toEqual([]);
  });
});

test('a rolled-back step leaves no notification, no live event and no mail', async () => {
  const inviter = await kindOfParty(server);
  const member = await person(server, { partyId: await kindOfParty(server) });
  const invitation = await invitationRow(server, inviter, { status: InvitationStatus.DRAFT });
  const liveBefore = await liveEventsOf(member.id);
  await expect(
    server.orm.em.fork().transactional(async (tx) => {
      const row = await tx.findOneOrFail(Invitation, invitation.id);
      row.status = InvitationStatus.PUBLISHED;
      await recordInvitationStep(tx, server.outbox, {
        invitation: row,
        action: InvitationAction.PUBLISH,
        fromStatus: InvitationStatus.DRAFT,
        actorId: null,
        notify: NotificationKind.INVITATION_NEW,
      });
      throw new Error('the publication fails after it was recorded');
    }),
  ).rejects.toThrow('the publication fails');
  expect(await invitationNotificationsOf(member.id)).toEqual([]);
  expect(await liveEventsOf(member.id)).toBe(liveBefore);
  expect(await mailJobsTo(server, member.email)).toEqual([]);
});

test('the daily digest groups the news by invitation, once, only for people with news', async () => {
  const inviter = await kindOfParty(server);
  const invited = await kindOfParty(server, { areas: ['kultur'] });
  const daily = await person(server, { partyId: invited });
  const quiet = await person(server, { partyId: await kindOfParty(server) });
  for (const kind of [NotificationKind.INVITATION_NEW, NotificationKind.INVITATION_FEEDBACK]) {
    await prefer(daily.id, kind, NotificationDelivery.DAILY);
    await prefer(quiet.id, kind, NotificationDelivery.DAILY);
  }
  const first = await invitationRow(server, inviter, {
    status: InvitationStatus.DRAFT,
    audience: InvitationAudience.AREAS_OF_INTEREST,
    areas: ['kultur'],
    title: 'Första dialogen',
  });
  const second = await invitationRow(server, inviter, {
    status: InvitationStatus.DRAFT,
    audience: InvitationAudience.NAMED_PARTIES,
    namedPartyIds: [invited],
    title: 'Andra dialogen',
  });
  await publish(first.id);
  await publish(second.id);
  const occasion = await occasionRow(server, first.id);
  await participantRow(server, occasion, invited);
  await invitationStep(server, first.id, {
    action: InvitationAction.PUBLISH_FEEDBACK,
    to: InvitationStatus.FEEDBACK_PUBLISHED,
    notify: NotificationKind.INVITATION_FEEDBACK,
  });
  expect(await mailJobsTo(server, daily.email)).toEqual([]);

  const now = new Date(Date.now() + 1000);
  const mailedBefore = await recordDigests(
    server.orm.em.fork(),
    server.outbox,
    NotificationDelivery.DAILY,
    now,
  );
  expect(mailedBefore).toBeGreaterThanOrEqual(1);
  const digest = await mailbox.waitFor(daily.email, /Dagens sammanfattning/);
  const text = digest.text;
  expect(text).toContain('Inbjudningar till dialog och remisser som gäller dig:');
  expect(text).not.toContain('Det här har hänt i ärenden du följer:');
  const firstAt = text.indexOf('Första dialogen');
  const secondAt = text.indexOf('Andra dialogen');
  expect(firstAt).toBeGreaterThan(-1);
  expect(secondAt).toBeGreaterThan(firstAt);
  const firstSection = text.slice(firstAt, secondAt);
  expect(firstSection).toContain('Är en ny inbjudan till dialog som gäller er');
  expect(firstSection).toContain('Har fått återkoppling: så blev det');
  expect(firstSection).toContain(`/dialog/${first.globalId}`);
  expect(text.slice(secondAt)).toContain(`/dialog/${second.globalId}`);
  expect(await mailJobsTo(server, quiet.email)).toEqual([]);
  // Run again: nothing left to send.
  expect(await recordDigests(server.orm.em.fork(), server.outbox, NotificationDelivery.DAILY, now)).toBe(0);
  expect(await mailJobsTo(server, daily.email)).toHaveLength(1);
});

async function liveEventsOf(personId: string): Promise<number> {
  const [row] = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>('select count(*)::int as n from live_event where topic = ?', [
      personTopic(personId),
    ]);
  return row!.n;
}
