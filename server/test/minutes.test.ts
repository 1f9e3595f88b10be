import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';
import { registerPerson } from './accounts-fixtures.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import {
  APPROVE,
  CORRECT,
  DRAFT,
  EDIT,
  MINUTES_QUERY,
  PUBLISH,
  SEND,
  closedMeeting,
  minutesTables,
  personId,
} from './minutes-fixtures.js';

let server: TestServer;
let mailbox: TestMailbox;
const cookies = {} as Record<'coordinator' | 'chair' | 'member', string>;
let second: Awaited<ReturnType<typeof registerPerson>>;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url });
  for (const role of ['coordinator', 'chair', 'member'] as const) cookies[role] = await server.signIn(role);
  second = await registerPerson(server, { name: 'Leila Haddad' });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

/** A closed meeting with the member and a second person as adjusters, and its drafted minutes. */
async function drafted() {
  const em = server.orm.em.fork();
  const meetingId = await closedMeeting(server, [await personId(em, 'member'), second.personId]);
  const res = await server.gql(DRAFT, { input: { meetingId } }, cookies.coordinator);
  expect(res.data!.draftMinutes.errors).toEqual([]);
  return { meetingId, minutes: res.data!.draftMinutes.minutes };
}

async function sent() {
  const { meetingId } = await drafted();
  const res = await server.gql(SEND, { input: { meetingId, expectedVersion: 1 } }, cookies.chair);
  expect(res.data!.sendMinutesForApproval.errors).toEqual([]);
  return meetingId;
}

const step = (query: string, input: Record<string, unknown>, cookie: string) =>
  server.gql(query, { input }, cookie);

async function pdfOf(meetingId: string) {
  return fetch(`${server.url}/moten/${meetingId}/protokoll.pdf`);
}

describe('drafting', () => {
  test('the minutes of a closed meeting are drafted from what was recorded: facts, items as paragraphs, outcomes', async () => {
    const { meetingId, minutes } = await drafted();
    expect(minutes).toMatchObject({
      status: 'DRAFT',
      version: 1,
      meeting: {
        id: meetingId,
        forumName: 'Samverkansrådet',
        chairName: DEMO_PEOPLE.chair.name,
        adjusterNames: [DEMO_PEOPLE.member.name, 'Leila Haddad'],
        location: 'Rådhuset, Drottninggatan 9',
      },
      // Nobody's presence was recorded, so the forum's members with an account are listed as absent.
      attendance: { present: [], absent: [{ name: 'Erik Holm' }, { name: 'Samira Lind' }], changes: [] },
      approvals: [],
      viewerActions: ['EDIT', 'SEND_FOR_APPROVAL'],
      pdfUrl: null,
    });
    expect(minutes.paragraphs).toEqual([
      { number: 1, title: 'Mötets öppnande', deferred: false, decision: 'Mötet öppnades.', minute: null },
      {
        number: 2,
        title: 'Rutin för uteslutning av aktör',
        deferred: false,
        decision: 'Rådet antar rutinen för uteslutning med ändringen i punkt 3.',
        minute: 'Frågan om överklagande utreds vidare.',
      },
      { number: 3, title: 'Nätverk utan organisationsnummer', deferred: true, decision: null, minute: null },
    ]);
  });

  test('the drafter corrects decisions, minutes and the notes while in draft; each correction bumps the version', async () => {
    const { meetingId } = await drafted();
    const res = await step(
      EDIT,
      {
        meetingId,
        expectedVersion: 1,
        openingNote: 'Ordföranden hälsade välkommen.',
        closingNote: '  ',
        paragraphs: [
          { number: 1, decision: 'Ordföranden förklarade mötet öppnat.', minute: 'Alla var i tid.' },
        ],
      },
      cookies.chair,
    );
    expect(res.data!.editMinutes.errors).toEqual([]);
    expect(res.data!.editMinutes.minutes).toMatchObject({
      version: 2,
      openingNote: 'Ordföranden hälsade välkommen.',
      closingNote: null,
    });
    expect(res.data!.editMinutes.minutes.paragraphs[0]).toMatchObject({
      decision: 'Ordföranden förklarade mötet öppnat.',
      minute: 'Alla var i tid.',
    });
    expect(res.data!.editMinutes.minutes.paragraphs[1].decision).toMatch(/antar rutinen/);
  });

  test('unpublished minutes are seen by the drafters, the chair and the adjusters only; no PDF before publishing', async () => {
    const { meetingId } = await drafted();
    expect((await server.gql(MINUTES_QUERY, { id: meetingId })).data!.minutes).toBeNull();
    const adjuster = await server.gql(MINUTES_QUERY, { id: meetingId }, cookies.member);
    expect(adjuster.data!.minutes.status).toBe('DRAFT');
    expect(adjuster.data!.minutes.viewerActions).toEqual([]);
    const outsider = await registerPerson(server);
    expect((await server.gql(MINUTES_QUERY, { id: meetingId }, outsider.cookie)).data!.minutes).toBeNull();
    expect((await pdfOf(meetingId)).status).toBe(404);
  });
});

describe('the full cycle', () => {
  test('draft → sent (mails to the chair and every adjuster) → approved by all → published, page and PDF public', async () => {
    const { meetingId } = await drafted();
    const sentRes = await step(SEND, { meetingId, expectedVersion: 1 }, cookies.coordinator);
    expect(sentRes.data!.sendMinutesForApproval.errors).toEqual([]);
    expect(sentRes.data!.sendMinutesForApproval.minutes).toMatchObject({
      status: 'SENT_FOR_APPROVAL',
      approvals: [
        { name: DEMO_PEOPLE.chair.name, role: 'CHAIR', approvedAt: null },
        { name: DEMO_PEOPLE.member.name, role: 'ADJUSTER', approvedAt: null },
        { name: 'Leila Haddad', role: 'ADJUSTER', approvedAt: null },
      ],
    });
    for (const to of [DEMO_PEOPLE.chair.email, DEMO_PEOPLE.member.email, second.email]) {
      const mail = await mailbox.waitFor(to, /Protokoll att justera/);
      expect(mail.text).toContain(`/moten/${meetingId}/protokoll`);
      expect(mail.text).toMatch(/In English[\s\S]*ready for your approval/);
    }

    const chairView = await server.gql(MINUTES_QUERY, { id: meetingId }, cookies.chair);
    expect(chairView.data!.minutes.viewerActions).toEqual(['APPROVE', 'REQUEST_CORRECTION']);
    for (const cookie of [cookies.chair, cookies.member]) {
      const res = await step(APPROVE, { meetingId, expectedVersion: 1 }, cookie);
      expect(res.data!.approveMinutes.errors).toEqual([]);
      expect(res.data!.approveMinutes.minutes.status).toBe('SENT_FOR_APPROVAL');
    }
    const last = await step(APPROVE, { meetingId, expectedVersion: 1 }, second.cookie);
    expect(last.data!.approveMinutes.errors).toEqual([]);
    expect(last.data!.approveMinutes.minutes.status).toBe('APPROVED');
    expect(last.data!.approveMinutes.minutes.approvedAt).not.toBeNull();
    expect((await pdfOf(meetingId)).status).toBe(404);

    const published = await step(PUBLISH, { meetingId, expectedVersion: 1 }, cookies.chair);
    expect(published.data!.publishMinutes.errors).toEqual([]);

    const open = await server.gql(MINUTES_QUERY, { id: meetingId });
    expect(open.data!.minutes).toMatchObject({
      status: 'PUBLISHED',
      viewerActions: [],
      pdfUrl: `/moten/${meetingId}/protokoll.pdf`,
    });
    const approvals = open.data!.minutes.approvals;
    expect(approvals.map((approval: { name: string }) => approval.name)).toEqual([
      DEMO_PEOPLE.chair.name,
      DEMO_PEOPLE.member.name,
      'Leila Haddad',
    ]);
    for (const approval of approvals) expect(Date.parse(approval.approvedAt)).not.toBeNaN();

    const pdf = await pdfOf(meetingId);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('inline; filename="protokoll-2026-11-20.pdf"');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(raw)![1];
    expect(raw).toMatch(new RegExp(`\\n${markInfo} 0 obj\\s*<<\\s*/Marked true\\s*>>`));
    expect(raw).toContain('/Lang (sv-SE)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('pdfuaid:part');

    const loading = getDocument({ data: bytes, disableFontFace: true, useSystemFonts: false });
    const document = await loading.promise;
    const { info } = (await document.getMetadata()) as { info: Record<string, string> };
    expect(info.Title).toBe('Protokoll – Samverkansrådet, 20 november 2026');
    expect(info.Author).toBe('Samverkansrådet');
    let text = '';
    const roles = new Set<string>();
    const collectRoles = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.add(node.role);
      for (const child of node.children ?? []) collectRoles(child as typeof node);
    };
    for (let page = 1; page <= document.numPages; page++) {
      const content = await (await document.getPage(page)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + ' ';
      collectRoles((await (await document.getPage(page)).getStructTree()) as never);
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Beslut: Rådet antar rutinen för uteslutning med ändringen i punkt 3.');
    expect(flat).toContain('§ 2 Rutin för uteslutning av aktör');
    expect(flat).toContain('Punkten bordlades.');
    expect(flat).toContain('Ordförande: Erik Holm');
    expect(flat).toMatch(/Leila Haddad \(justerare\): justerat/);
    expect([...roles]).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody']));
    await loading.destroy();
  });

  test('an approver asks for a correction: back to draft, approvals lapse, the note is kept; the corrected text is sent again', async () => {
    const meetingId = await sent();
    expect(
      (await step(APPROVE, { meetingId, expectedVersion: 1 }, cookies.chair)).data!.approveMinutes.errors,
    ).toEqual([]);
    const res = await step(
      CORRECT,
      { meetingId, expectedVersion: 1, note: 'I § 2 ska det stå punkt 4.' },
      cookies.member,
    );
    expect(res.data!.requestMinutesCorrection.errors).toEqual([]);
    const back = res.data!.requestMinutesCorrection.minutes;
    expect(back.status).toBe('DRAFT');
    expect(back.approvals.every((approval: { approvedAt: unknown }) => approval.approvedAt === null)).toBe(
      true,
    );
    expect(back.approvals[1]).toMatchObject({ correctionNote: 'I § 2 ska det stå punkt 4.' });

    const edited = await step(
      EDIT,
      {
        meetingId,
        expectedVersion: 1,
        paragraphs: [{ number: 2, decision: 'Rådet antar rutinen med punkt 4.' }],
      },
      cookies.coordinator,
    );
    expect(edited.data!.editMinutes.minutes.version).toBe(2);
    await step(SEND, { meetingId, expectedVersion: 2 }, cookies.coordinator);
    // An approval of the text read before the correction is refused.
    const staleAfterResend = await step(APPROVE, { meetingId, expectedVersion: 1 }, cookies.chair);
    expect(staleAfterResend.data!.approveMinutes.errors[0]).toMatchObject({
      code: 'STALE_VERSION',
      field: ['input', 'expectedVersion'],
    });
    const resent = await server.gql(MINUTES_QUERY, { id: meetingId }, cookies.chair);
    expect(resent.data!.minutes.approvals[1]).toMatchObject({ approvedAt: null, correctionNote: null });
  });
});

describe('concurrent approvals', () => {
  test('the chair and both adjusters approving at once end approved, each approval recorded once', async () => {
    const meetingId = await sent();
    const results = await Promise.all(
      [cookies.chair, cookies.member, second.cookie].map((cookie) =>
        step(APPROVE, { meetingId, expectedVersion: 1 }, cookie),
      ),
    );
    for (const res of results) expect(res.data!.approveMinutes.errors).toEqual([]);
    const after = await server.gql(MINUTES_QUERY, { id: meetingId }, cookies.coordinator);
    expect(after.data!.minutes.status).toBe('APPROVED');
    expect(after.data!.minutes.approvedAt).not.toBeNull();
    expect(after.data!.minutes.approvals.filter((a: { approvedAt: unknown }) => a.approvedAt)).toHaveLength(
      3,
    );
  });
});

describe('out of turn, twice and bad input: a field error and nothing written', () => {
  async function refused(query: string, input: Record<string, unknown>, cookie: string) {
    const before = await minutesTables(server);
    const res = await step(query, input, cookie);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0] as {
      minutes: unknown;
      errors: { field: string[]; code: string; max: number | null }[];
    };
    expect(payload.minutes).toBeNull();
    expect(payload.errors.length).toBeGreaterThan(0);
    expect(await minutesTables(server)).toEqual(before);
    return payload.errors;
  }

  test('approving minutes not sent yet', async () => {
    const { meetingId } = await drafted();
    const errors = await refused(APPROVE, { meetingId, expectedVersion: 1 }, cookies.chair);
    expect(errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: ['input'] });
  });

  test('approving as someone who is not an approver (the coordinator drafts but does not approve)', async () => {
    const meetingId = await sent();
    const errors = await refused(APPROVE, { meetingId, expectedVersion: 1 }, cookies.coordinator);
    expect(errors[0]!.code).toBe('INVALID_TRANSITION');
  });

  test('approving twice', async () => {
    const meetingId = await sent();
    await step(APPROVE, { meetingId, expectedVersion: 1 }, cookies.member);
    const errors = await refused(APPROVE, { meetingId, expectedVersion: 1 }, cookies.member);
    expect(errors[0]!.code).toBe('DUPLICATE');
  });

  test('approving minutes one may not see, or of a meeting that has none', async () => {
    const meetingId = await sent();
    const outsider = await registerPerson(server);
    expect((await refused(APPROVE, { meetingId, expectedVersion: 1 }, outsider.cookie))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'meetingId'],
    });
    expect(
      (await refused(APPROVE, { meetingId: 'bm90LWFuLWlk', expectedVersion: 1 }, cookies.chair))[0]!.code,
    ).toBe('NOT_FOUND');
  });

  test('approving with a version that is not the one sent', async () => {
    const meetingId = await sent();
    expect((await refused(APPROVE, { meetingId, expectedVersion: 7 }, cookies.chair))[0]!.code).toBe(
      'STALE_VERSION',
    );
  });

  test('editing sent minutes, publishing minutes not approved, sending twice', async () => {
    const meetingId = await sent();
    expect(
      (await refused(EDIT, { meetingId, expectedVersion: 1, openingNote: 'x' }, cookies.chair))[0]!.code,
    ).toBe('INVALID_TRANSITION');
    expect((await refused(PUBLISH, { meetingId, expectedVersion: 1 }, cookies.chair))[0]!.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await refused(SEND, { meetingId, expectedVersion: 1 }, cookies.chair))[0]!.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  test('texts over their limits, an unknown paragraph, an empty correction', async () => {
    const { meetingId } = await drafted();
    const errors = await refused(
      EDIT,
      {
        meetingId,
        expectedVersion: 1,
        openingNote: 'x'.repeat(8001),
        paragraphs: [{ number: 1, decision: 'x'.repeat(4001) }],
      },
      cookies.chair,
    );
    expect(errors).toEqual([
      expect.objectContaining({ field: ['input', 'openingNote'], code: 'TOO_LONG', max: 8000 }),
      expect.objectContaining({
        field: ['input', 'paragraphs', '0', 'decision'],
        code: 'TOO_LONG',
        max: 4000,
      }),
    ]);
    expect(
      (
        await refused(
          EDIT,
          { meetingId, expectedVersion: 1, paragraphs: [{ number: 9, minute: 'x' }] },
          cookies.chair,
        )
      )[0],
    ).toMatchObject({ field: ['input', 'paragraphs', '0', 'number'], code: 'NOT_FOUND' });
    expect((await refused(EDIT, { meetingId, expectedVersion: 1 }, cookies.chair))[0]!.code).toBe('REQUIRED');

    const sentId = await sent();
    expect(
      (await refused(CORRECT, { meetingId: sentId, expectedVersion: 1, note: '  ' }, cookies.member))[0],
    ).toMatchObject({
      field: ['input', 'note'],
      code: 'REQUIRED',
    });
    expect(
      (
        await refused(
          CORRECT,
          { meetingId: sentId, expectedVersion: 1, note: 'x'.repeat(4001) },
          cookies.member,
        )
      )[0],
    ).toMatchObject({ code: 'TOO_LONG', max: 4000 });
  });

  test('drafting minutes of a meeting that is not closed, or twice', async () => {
    const upcoming = await server.gql(
      `{ meetings(first: 10, upcoming: true) { edges { node { id status } } } }`,
      {},
      cookies.coordinator,
    );
    const open = upcoming.data!.meetings.edges.find(
      (e: { node: { status: string } }) => e.node.status !== 'CLOSED',
    ).node;
    expect((await refused(DRAFT, { meetingId: open.id }, cookies.coordinator))[0]!.code).toBe(
      'INVALID_TRANSITION',
    );
    const { meetingId } = await drafted();
    expect((await refused(DRAFT, { meetingId }, cookies.chair))[0]!.code).toBe('DUPLICATE');
  });

  test('sending minutes of a meeting without adjusters', async () => {
    const meetingId = await closedMeeting(server);
    await step(DRAFT, { meetingId }, cookies.chair);
    expect((await refused(SEND, { meetingId, expectedVersion: 1 }, cookies.chair))[0]).toMatchObject({
      field: ['input', 'meetingId'],
      code: 'REQUIRED',
    });
  });
});
