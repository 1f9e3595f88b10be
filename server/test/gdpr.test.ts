import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ReferenceKind,
  type EntityMetadata,
  type EntityProperty,
  type RequiredEntityData,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MembershipRole,
  NotificationDelivery,
  NotificationKind,
  PartyKind,
  SeatKind,
  SubmissionAction,
  InvitationAction,
  InvitationKind,
  InvitationReplyKind,
  OccasionMode,
  ProcessStage,
  SubmissionKind,
  SubmissionStatus,
} from '@samverka/domain';
import { startTestServer, type TestServer } from './helpers.js';
import { Person } from '../src/accounts/person.entity.js';
import { hashPassword } from '../src/accounts/password.js';
import { AccountToken, AccountTokenPurpose } from '../src/accounts/account-token.entity.js';
import { RateLimitAttempt } from '../src/accounts/rate-limit.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { CouncilSeat } from '../src/council/council-seat.entity.js';
import { MeetingAdjuster } from '../src/meetings/meeting-adjuster.entity.js';
import { NoticeAnswer, NoticeAnswerChoice } from '../src/notice/notice-answer.entity.js';
import { ApproverRole, Minutes, MinutesApproval } from '../src/minutes/minutes.entity.js';
import { ForumConvener } from '../src/meeting-planning/forum-convener.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { Attendee } from '../src/meetings/attendee.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { CNatetRepresentative } from '../src/parties/cnatet-representative.entity.js';
import { Accession } from '../src/accession/accession.entity.js';
import { ExclusionCase } from '../src/accession/exclusion-case.entity.js';
import { Nomination } from '../src/council/nomination.entity.js';
import { Document } from '../src/documents/document.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { OccasionParticipant } from '../src/invitations/occasion-participant.entity.js';
import { InvitationReply } from '../src/invitations/invitation-reply.entity.js';
import { ConsultationResponse } from '../src/invitations/consultation-response.entity.js';
import { InvitationEvent } from '../src/invitations/invitation-event.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionCosignature } from '../src/submissions/submission-cosignature.entity.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { SubmissionFollow } from '../src/submissions/submission-follow.entity.js';
import {
  SubmissionMessage,
  SubmissionMessageVisibility,
} from '../src/submissions/submission-message.entity.js';
import { Notification } from '../src/notifications/notification.entity.js';
import { NotificationPreference } from '../src/notifications/notification-preference.entity.js';

/** The person who asks for their data and then deletes their account; nothing in the seed mentions them. */
const NAME = 'Greta Ödmark-Gdprsson';
/** An underscore and a plus, so a LIKE or regular expression that forgets to escape shows. */
const EMAIL = 'greta.odmark_gdpr+samverka@example.org';
const PASSWORD = 'gdpr-testlösenord-1';
/** Someone else's attempts: `_` in a LIKE pattern that is not escaped would match the X. */
const LOOK_ALIKE_KEY = `signin:pair:127.0.0.1:${EMAIL.replace('_', 'X')}`;

let server: TestServer;
let db: pg.Client;
let personId: string;
/** Two browsers of the person; the first also holds a live WebSocket. */
let cookies: string[];
let fixture: Awaited<ReturnType<typeof createPersonWithEverything>>;

beforeAll(async () => {
  server = await startTestServer();
  db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  fixture = await createPersonWithEverything(server.orm.em.fork() as EntityManager);
  personId = fixture.personId;
  cookies = [await signInAs(EMAIL, PASSWORD), await signInAs(EMAIL, PASSWORD)];
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

async function signInAs(email: string, password: string): Promise<string> {
  const res = await server.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code } } }',
    { input: { email, password } },
  );
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`sign-in failed: ${JSON.stringify(res.data)}`);
  return cookie.split(';')[0]!;
}

/** A row in every table that can point to a person, and text with their name and e-mail in shared records. */
async function createPersonWithEverything(em: EntityManager) {
  const person = em.create(Person, { name: NAME, email: EMAIL, passwordHash: await hashPassword(PASSWORD) });
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const network = em.create(Party, {
    name: 'Testnätverket för dataskydd',
    kind: PartyKind.NETWORK,
    description: 'Ett nätverk av föreningar på Vivalla.',
    publicContact: EMAIL,
    networkContactName: NAME,
    networkParticipants: 'Fem föreningar på Vivalla.',
  });
  const department = em.create(Party, {
    name: 'Testförvaltningen',
    kind: PartyKind.MUNICIPAL_DEPARTMENT,
    organisationNumber: '212000-1975',
  });
  // Their party's only contact: the party and what it submitted stay after the deletion.
  em.create(Membership, { person, party: network, role: MembershipRole.CONTACT });
  em.create(CNatetRepresentative, { person, department });
  const accession = em.create(Accession, {
    party: network,
    requestedBy: person,
    decidedBy: person,
    decidedAt: new Date(),
    affirmsDemocraticOrganisation: true,
    affirmsValues: true,
    affirmsPrinciples: true,
    affirmsCommitments: true,
    reason: `Frågor besvarade av ${NAME}.`,
  });
  const nomination = em.create(Nomination, {
    party: network,
    nomineeName: NAME,
    motivation: `Nås på ${EMAIL}.`,
    nominatedBy: person,
  });
  const exclusionCase = em.create(ExclusionCase, {
    party: network,
    grounds: `Anmält av ${NAME} (${EMAIL}) efter årsmötet.`,
    openedBy: person,
  });
  const seat = em.create(CouncilSeat, {
    forum,
    kind: SeatKind.CIVIL_SOCIETY,
    holderName: NAME,
    organisation: 'Testnätverket för dataskydd',
    person,
    position: 99,
  });
  const meeting = em.create(Meeting, {
    forum,
    title: 'Extra sammanträde',
    startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    endsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000 + 2 * 3600 * 1000),
    chair: person,
    summary: `Ordförande: ${NAME.toUpperCase()}.`,
  });
  em.create(MeetingAdjuster, { meeting, person, position: 1 });
  const attendee = em.create(Attendee, { meeting, person, name: NAME });
  em.create(NoticeAnswer, { meeting, person, choice: NoticeAnswerChoice.COMING, answeredAt: new Date() });
  const minutes = em.create(Minutes, {
    meeting,
    attendance: { present: [], absent: [], changes: [] },
    draftedAt: new Date(),
  });
  em.create(MinutesApproval, { minutes, person, name: NAME, role: ApproverRole.CHAIR, position: 0 });
  em.create(ForumConvener, { forum, person });
  const token = (purpose: AccountTokenPurpose, extra: Partial<RequiredEntityData<AccountToken>>) =>
    em.create(AccountToken, {
      tokenHash: randomBytes(32).toString('hex'),
      purpose,
      email: EMAIL,
      expiresAt: new Date(Date.now() + 3600 * 1000),
      ...extra,
    });
  const reset = token(AccountTokenPurpose.PASSWORD_RESET, { person });
  // An invitation they sent stays for its recipient; one sent to their address goes with them.
  const sentInvitation = token(AccountTokenPurpose.INVITATION, {
    email: 'ny.medlem@example.org',
    party: network,
    role: MembershipRole.MEMBER,
    createdBy: person,
  });
  const receivedInvitation = token(AccountTokenPurpose.INVITATION, {
    party: department,
    role: MembershipRole.MEMBER,
  });
  // A document they uploaded stays with what it is attached to, without them.
  const document = em.create(Document, {
    name: 'underlag.pdf',
    mediaType: 'application/pdf',
    size: 5,
    sha256: '0'.repeat(64),
    uploadedBy: person,
  });
  // A matter they raised, signed, commented on and follow stays with the party, without them.
  const submission = em.create(Submission, {
    party: network,
    kind: SubmissionKind.OBSTACLE,
    title: 'Lokaler på Vivalla',
    description: 'Föreningarna saknar lokaler.',
    status: SubmissionStatus.SUBMITTED,
    createdBy: person,
  });
  em.create(SubmissionCosignature, { submission, party: department, signedBy: person });
  em.create(SubmissionEvent, { submission, action: SubmissionAction.SUBMIT, actor: person });
  em.create(SubmissionMessage, {
    submission,
    visibility: SubmissionMessageVisibility.CONVERSATION,
    author: person,
    body: 'Vi har bifogat underlag.',
  });
  em.create(SubmissionFollow, { submission, person });
  em.create(Notification, { person, kind: NotificationKind.SUBMISSION_STEP, submission });
  em.create(NotificationPreference, {
    person,
    kind: NotificationKind.SUBMISSION_MESSAGE,
    delivery: NotificationDelivery.DAILY,
  });
  // An invitation they posted, a participant, input and a consultation response they gave stay with the parties.
  const invitation = em.create(Invitation, {
    party: department,
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: fritidsplan',
    process: 'Fritidsplan 2027',
    stage: ProcessStage.PROPOSAL,
    inputWanted: 'Synpunkter på förslagen.',
    contactName: NAME,
    contactDetails: EMAIL,
    createdBy: person,
  });
  const occasion = em.create(InvitationOccasion, {
    invitation,
    startsAt: new Date(),
    endsAt: new Date(),
    mode: OccasionMode.DIGITAL,
    registrationClosesOn: '2026-12-31',
  });
  em.create(OccasionParticipant, { occasion, party: network, name: NAME, sequence: 1, registeredBy: person });
  em.create(InvitationReply, {
    invitation,
    party: network,
    kind: InvitationReplyKind.INPUT,
    text: 'Tidigt, tack.',
    author: person,
  });
  em.create(ConsultationResponse, { invitation, party: network, text: 'Vi tillstyrker.', author: person });
  em.create(InvitationEvent, { invitation, action: InvitationAction.PUBLISH, actor: person });
  // Signing in clears `signin:pair:` attempts, so the fixture holds the other kinds keyed by the account.
  em.create(RateLimitAttempt, { key: `reset:email:${EMAIL}`, at: new Date() });
  em.create(RateLimitAttempt, { key: `invite:person:${person.id}`, at: new Date() });
  em.create(RateLimitAttempt, { key: LOOK_ALIKE_KEY, at: new Date() });
  await em.flush();
  return {
    personId: person.id,
    network: network.id,
    accession: accession.id,
    nomination: nomination.id,
    exclusionCase: exclusionCase.id,
    seat: seat.id,
    meeting: meeting.id,
    document: document.id,
    attendee: attendee.id,
    minutes: minutes.id,
    tokenHashes: [reset.tokenHash, sentInvitation.tokenHash, receivedInvitation.tokenHash],
    sentInvitation: sentInvitation.id,
    receivedInvitation: receivedInvitation.id,
  };
}

/** Every relation to Person in the ORM's metadata, found independently of the service. */
function personRelations(): { meta: EntityMetadata; prop: EntityProperty }[] {
  return [...server.orm.getMetadata().getAll().values()].flatMap((meta) =>
    meta.relations
      .filter(
        (prop) =>
          (prop.kind === ReferenceKind.MANY_TO_ONE ||
            (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) &&
          prop.targetMeta?.class === Person,
      )
      .map((prop) => ({ meta, prop })),
  );
}

const MY_DATA = '{ myData }';
const DELETE =
  'mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { deleted errors { field code } } }';

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const res = await db.query<{ n: string }>(`select count(*) as n from "${table_name}"`);
    counts[table_name] = Number(res.rows[0]!.n);
  }
  return counts;
}

describe('signed out', () => {
  test('myData and deleteMyAccount answer UNAUTHENTICATED', async () => {
    const data = await server.gql(MY_DATA);
    expect(data.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const del = await server.gql(DELETE, { input: { password: PASSWORD } });
    expect(del.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('myData', () => {
  test('exports every row of every entity that points to the person, without secrets', async () => {
    const res = await server.gql(MY_DATA, {}, cookies[0]);
    expect(res.errors).toBeUndefined();
    const exported = res.data!.myData as {
      generatedAt: string;
      explanation: { sv: string; en: string };
      person: Record<string, unknown>;
      records: Record<string, { id?: string; linkedAs: string[] }[]>;
    };
    expect(Date.parse(exported.generatedAt)).not.toBeNaN();
    expect(exported.explanation.sv).toMatch(/uppgifter/);
    expect(exported.explanation.en).toMatch(/data/);
    expect(exported.person).toMatchObject({ id: personId, name: NAME, email: EMAIL, isCoordinator: false });

    const em = server.orm.em.fork();
    const relations = personRelations();
    expect(relations.length).toBeGreaterThanOrEqual(11);
    for (const { meta, prop } of relations) {
      const where = { [prop.name]: personId };
      const rows = await em.find<any>(meta.class, where);
      // A new entity with a relation to Person needs a row here, so its export is tested.
      expect(rows.length, `no ${meta.className}.${prop.name} row in the fixture: add one`).toBeGreaterThan(0);
      const ids = rows.map((row: any) => row[meta.primaryKeys[0]!]).sort();
      const exportedIds = (exported.records[meta.className] ?? [])
        .filter((row) => row.linkedAs.includes(prop.name))
        .map((row) => (row as Record<string, unknown>)[meta.primaryKeys[0]!])
        .sort();
      expect(exportedIds, `${meta.className}.${prop.name} in the export`).toEqual(ids);
    }

    // Rows keyed by the e-mail address: an invitation to it, sign-in attempts with it (not a look-alike).
    expect(exported.records.AccountToken!.map((row) => row.id)).toContain(fixture.receivedInvitation);
    expect(exported.records.RateLimitAttempt!.map((row) => (row as { key?: string }).key).sort()).toEqual([
      `invite:person:${personId}`,
      `reset:email:${EMAIL}`,
    ]);
    // References to other records read as names.
    expect(exported.records.Membership![0]).toMatchObject({
      role: 'CONTACT',
      party: { id: fixture.network, name: 'Testnätverket för dataskydd' },
    });

    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/passwordHash|tokenHash/);
    for (const hash of fixture.tokenHashes) expect(text).not.toContain(hash);
    const person = await em.findOneOrFail(Person, personId);
    expect(text).not.toContain(person.passwordHash);
  });
});

describe('deleteMyAccount', () => {
  test('a wrong or missing password is refused and nothing is written', async () => {
    const before = await tableCounts();
    const wrong = await server.gql(DELETE, { input: { password: 'inte mitt lösenord' } }, cookies[0]);
    expect(wrong.data!.deleteMyAccount).toEqual({
      deleted: false,
      errors: [{ field: ['input', 'password'], code: 'INVALID_CREDENTIALS' }],
    });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const missing = await server.gql(DELETE, { input: { password: '' } }, cookies[0]);
    expect(missing.data!.deleteMyAccount.errors).toEqual([
      { field: ['input', 'password'], code: 'REQUIRED' },
    ]);
    expect(await tableCounts()).toEqual(before);
    const viewer = await server.gql('{ viewer { id } }', {}, cookies[1]);
    expect(viewer.data!.viewer).toEqual({ id: personId });
  });

  test('deletes the person and their personal data; what the party submitted stays, without them', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { cookie: cookies[0]! },
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    const acked = new Promise((resolve) =>
      socket.on('message', (data) => String(data).includes('connection_ack') && resolve(true)),
    );
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await acked;

    // The search below finds them before the deletion.
    expect(await textHolding([NAME, EMAIL, personId])).toEqual(
      expect.arrayContaining([
        `person.name holds ${NAME}`,
        `person.email holds ${EMAIL}`,
        `council_seat.holder_name holds ${NAME}`,
        `meeting.summary holds ${NAME}`,
        `party.public_contact holds ${EMAIL}`,
        `rate_limit_attempt.key holds ${personId}`,
      ]),
    );

    const res = await server.gql(DELETE, { input: { password: PASSWORD } }, cookies[1]);
    expect(res.data!.deleteMyAccount).toEqual({ deleted: true, errors: [] });
    expect(res.headers.get('set-cookie')).toMatch(/samverka_session=;.*Max-Age=0/);

    // Every session ended: the other browser's live socket closes and its cookie opens nothing.
    expect(await closed).toBe(4403);
    for (const cookie of cookies) {
      const viewer = await server.gql('{ viewer { id } }', {}, cookie);
      expect(viewer.data!.viewer).toBeNull();
    }

    // No foreign key to person, by the metadata and by the catalog, holds their id; nor any uuid column.
    for (const { meta, prop } of personRelations()) {
      const column = prop.fieldNames[0]!;
      const found = await db.query(`select 1 from "${meta.tableName}" where "${column}" = $1`, [personId]);
      expect(found.rowCount, `${meta.tableName}.${column}`).toBe(0);
    }
    const uuidColumns = await db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns c
        where table_schema = 'public' and data_type = 'uuid'
          and exists (select 1 from information_schema.tables t
                       where t.table_schema = 'public' and t.table_name = c.table_name and t.table_type = 'BASE TABLE')`,
    );
    const foreignKeys = await db.query<{ table_name: string; column_name: string }>(
      `select c.conrelid::regclass::text as table_name, a.attname as column_name
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'person'::regclass`,
    );
    expect(foreignKeys.rows.length).toBeGreaterThanOrEqual(personRelations().length);
    for (const { table_name, column_name } of [...uuidColumns.rows, ...foreignKeys.rows]) {
      const found = await db.query(`select 1 from ${quoteTable(table_name)} where "${column_name}" = $1`, [
        personId,
      ]);
      expect(found.rowCount, `${table_name}.${column_name}`).toBe(0);
    }

    // No text anywhere holds their name, e-mail address or id.
    const leaks = await textHolding([NAME, EMAIL, 'Gdprsson', personId]);
    expect(leaks).toEqual([]);

    // What the party submitted stays, without the person.
    const one = async (sql: string, id: string) => (await db.query(sql, [id])).rows[0];
    expect(
      await one(
        'select requested_by_id, decided_by_id, reason from accession where id = $1',
        fixture.accession,
      ),
    ).toEqual({
      requested_by_id: null,
      decided_by_id: null,
      reason: 'Frågor besvarade av Borttagen person.',
    });
    expect(
      await one(
        'select nominated_by_id, nominee_name, motivation from nomination where id = $1',
        fixture.nomination,
      ),
    ).toEqual({
      nominated_by_id: null,
      nominee_name: 'Borttagen person',
      motivation: 'Nås på borttagen e-postadress.',
    });
    expect(
      await one('select opened_by_id, grounds from exclusion_case where id = $1', fixture.exclusionCase),
    ).toEqual({
      opened_by_id: null,
      grounds: 'Anmält av Borttagen person (borttagen e-postadress) efter årsmötet.',
    });
    expect(await one('select chair_id, summary from meeting where id = $1', fixture.meeting)).toEqual({
      chair_id: null,
      summary: 'Ordförande: Borttagen person.',
    });
    expect(await one('select uploaded_by_id, name from document where id = $1', fixture.document)).toEqual({
      uploaded_by_id: null,
      name: 'underlag.pdf',
    });
    // They stay in the meeting's attendance under the name the minutes give, no longer linked to an account.
    expect(await one('select person_id, name from meeting_attendee where id = $1', fixture.attendee)).toEqual(
      {
        person_id: null,
        name: 'Borttagen person',
      },
    );
    // The minutes' approval record keeps the approval, no longer tied to the person.
    expect(
      await one('select person_id, name from minutes_approval where minutes_id = $1', fixture.minutes),
    ).toEqual({ person_id: null, name: 'Borttagen person' });
    // The seat they held is vacant and ended, so the coordinator can fill it again.
    const seat = await one(
      'select person_id, holder_name, ended_at from council_seat where id = $1',
      fixture.seat,
    );
    expect(seat).toMatchObject({ person_id: null, holder_name: 'Vakant' });
    expect(seat.ended_at).toBeInstanceOf(Date);
    // The party they were the only contact of keeps its data; their address and name as its contact go.
    expect(
      await one(
        'select name, public_contact, network_contact_name, description from party where id = $1',
        fixture.network,
      ),
    ).toEqual({
      name: 'Testnätverket för dataskydd',
      public_contact: null,
      network_contact_name: null,
      description: 'Ett nätverk av föreningar på Vivalla.',
    });
    // An invitation they sent stays for its recipient; one sent to their address is gone.
    expect(
      await one('select created_by_id from account_token where id = $1', fixture.sentInvitation),
    ).toEqual({
      created_by_id: null,
    });
    expect(
      await one('select 1 from account_token where id = $1', fixture.receivedInvitation),
    ).toBeUndefined();
    // Sign-in attempts of a look-alike address are not theirs.
    const lookAlike = await db.query('select 1 from rate_limit_attempt where key = $1', [LOOK_ALIKE_KEY]);
    expect(lookAlike.rowCount).toBe(1);

    // The demo data is untouched, and signing in again is impossible.
    const again = await server.gql(
      'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code } } }',
      { input: { email: EMAIL, password: PASSWORD } },
    );
    expect(again.data!.signIn.errors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
  });
});

/** Every text-like column of every table (arrays and JSON as text) that holds one of the needles. */
async function textHolding(needles: string[]): Promise<string[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  expect(columns.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    for (const needle of needles) {
      const rows = await db.query(
        `select 1 from "${table_name}" where position(lower($1) in lower("${column_name}"::text)) > 0`,
        [needle],
      );
      if (rows.rowCount) found.push(`${table_name}.${column_name} holds ${needle}`);
    }
  }
  return found;
}

function quoteTable(name: string): string {
  return name.startsWith('"') ? name : `"${name}"`;
}
