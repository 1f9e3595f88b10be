import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stockholmYear } from '@samverka/domain';
import { loadConfig } from '../src/config.js';
import type { Viewer } from '../src/graphql/context.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { RegistrationCounter } from '../src/submissions/registration-counter.entity.js';
import { registerSubmission } from '../src/submissions/submission-lifecycle.service.js';
import { uuidOf } from './accounts-fixtures.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { FILES, uploadFile } from './document-fixtures.js';
import {
  SUBMISSION_FIELDS,
  SUBMISSION_TABLES,
  daysFromToday,
  departmentWithRepresentative,
  draftMatter,
  joinedParty,
  partyIdByName,
  registeredMatter,
  stepOk,
  submissionStep,
  submittedMatter,
} from './submission-fixtures.js';

let server: TestServer;
let member: string;
let coordinator: string;
let coordinatorId: string;
let vivalla: string;
let other: Awaited<ReturnType<typeof joinedParty>>;
let department: Awaited<ReturnType<typeof departmentWithRepresentative>>;
const year = stockholmYear(new Date());

beforeAll(async () => {
  server = await startTestServer();
  member = await server.signIn('member');
  coordinator = await server.signIn('coordinator');
  coordinatorId = (await server.gql('{ viewer { id } }', {}, coordinator)).data!.viewer.id;
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  other = await joinedParty(server, 'Grannföreningen');
  department = await departmentWithRepresentative(server, coordinator);
});
afterAll(() => server?.close());

const coordinatorViewer = (): Viewer => ({
  id: coordinatorId,
  name: '',
  email: '',
  isCoordinator: true,
  convenes: [],
  sessionId: '',
});

async function read(id: string, cookie?: string) {
  const res = await server.gql(
    `query($id: ID!) { submission(id: $id) { ${SUBMISSION_FIELDS} } }`,
    { id },
    cookie,
  );
  return res.data!.submission;
}

async function timeline(id: string) {
  const events = await server.orm.em
    .fork()
    .find(SubmissionEvent, { submission: uuidOf(id) }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
  return events.map((event) => [event.action, event.fromStatus, event.toStatus, event.text]);
}

/** The last number given in the SR series this year: the demo's registered matters have taken the first ones. */
async function lastNumber(): Promise<number> {
  const counter = await server.orm.em.fork().findOne(RegistrationCounter, { series: 'SR', year });
  return counter?.last ?? 0;
}

describe('registration numbers', () => {
  // First in the file, so no other test of it registers between these numbers.
  test('20 registrations at the same instant get 20 distinct, consecutive numbers', async () => {
    const start = await lastNumber();
    const matters = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submittedMatter(server, member, vivalla, { title: `Ärende ${i + 1}` }),
      ),
    );
    const registered = await Promise.all(
      matters.map((m) =>
        stepOk(server, 'registerSubmission', { submissionId: m.id, expectedVersion: m.version }, coordinator),
      ),
    );
    const numbers = registered.map((m) => Number(/^SR (\d+)\/(\d+)$/.exec(m.registrationNumber)![1]));
    expect(registered.every((m) => m.registrationNumber.endsWith(`/${year}`))).toBe(true);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
  });

  test('a registration that fails leaves no gap: a stale version, and a rollback after the increment', async () => {
    const stale = await submittedMatter(server, member, vivalla);
    const next = `SR ${(await lastNumber()) + 1}/${year}`;
    const before = await rowCounts(server, SUBMISSION_TABLES);
    const res = await submissionStep(
      server,
      'registerSubmission',
      { submissionId: stale.id, expectedVersion: stale.version - 1 },
      coordinator,
    );
    expect(res.data!.registerSubmission.errors).toMatchObject([
      { field: ['input', 'expectedVersion'], code: 'STALE_VERSION' },
    ]);
    expect(await rowCounts(server, SUBMISSION_TABLES)).toEqual(before);

    await expect(
      server.orm.em.fork().transactional(async (tx) => {
        const done = await registerSubmission(tx, coordinatorViewer(), {
          submissionId: uuidOf(stale.id),
          expectedVersion: stale.version,
        });
        expect(done.registrationNumber).toBe(next);
        throw new Error('the server died after the increment');
      }),
    ).rejects.toThrow('died');
    const registered = await stepOk(
      server,
      'registerSubmission',
      { submissionId: stale.id, expectedVersion: stale.version },
      coordinator,
    );
    expect(registered.registrationNumber).toBe(next);
  });

  test('a new year restarts at 1, and the pattern from the configuration lays the number out', async () => {
    const matter = await submittedMatter(server, member, vivalla);
    const config = loadConfig({
      REGISTRATION_SERIES: 'Ks',
      REGISTRATION_PATTERN: '{series} {year}/{number:4}',
    });
    // Half an hour into New Year's Day in Stockholm is still the old year in UTC.
    const newYear = new Date(`${year + 1}-01-01T00:30:00+01:00`);
    const done = await server.orm.em
      .fork()
      .transactional((tx) =>
        registerSubmission(
          tx,
          coordinatorViewer(),
          { submissionId: uuidOf(matter.id), expectedVersion: matter.version },
          { registration: config.registration, now: newYear },
        ),
      );
    expect(done.registrationNumber).toBe(`Ks ${year + 1}/0001`);
    const next = await submittedMatter(server, member, vivalla);
    const again = await server.orm.em
      .fork()
      .transactional((tx) =>
        registerSubmission(
          tx,
          coordinatorViewer(),
          { submissionId: uuidOf(next.id), expectedVersion: next.version },
          { registration: { series: 'SR', pattern: '{series} {number}/{year}' }, now: newYear },
        ),
      );
    expect(again.registrationNumber).toBe(`SR 1/${year + 1}`);
  });
});

test('draft → submit → return → resubmit → register → refer → answer in writing → close, each on the timeline', async () => {
  const draft = await draftMatter(server, member, vivalla);
  expect(draft).toMatchObject({
    status: 'DRAFT',
    kind: 'OBSTACLE',
    principles: ['DIALOGUE', 'DIVERSITY'],
    commitments: [2, 5],
  });
  expect(draft.viewerActions).toEqual(['EDIT', 'SUBMIT']);
  expect(await read(draft.id)).toBeNull();
  expect(await read(draft.id, other.cookie)).toBeNull();

  const edited = await stepOk(
    server,
    'updateSubmissionDraft',
    {
      submissionId: draft.id,
      expectedVersion: draft.version,
      kind: 'QUESTION',
      title: '  Hur bokar nätverk lokaler?  ',
      description: 'Vi saknar organisationsnummer.',
      principles: ['OPENNESS'],
      commitments: [1],
      activityId: null,
      documentIds: [],
      requestsRestriction: false,
    },
    member,
  );
  expect(edited).toMatchObject({
    kind: 'QUESTION',
    title: 'Hur bokar nätverk lokaler?',
    principles: ['OPENNESS'],
  });

  const submitted = await stepOk(
    server,
    'submitSubmission',
    { submissionId: draft.id, expectedVersion: edited.version },
    member,
  );
  expect(submitted.status).toBe('SUBMITTED');
  expect(submitted.submittedAt).toBeTruthy();
  expect((await read(draft.id)).title).toBe('Hur bokar nätverk lokaler?');

  const returned = await stepOk(
    server,
    'returnSubmissionForCompletion',
    {
      submissionId: draft.id,
      expectedVersion: submitted.version,
      reason: 'Beskriv vilka lokaler det gäller.',
    },
    coordinator,
  );
  expect(returned).toMatchObject({ status: 'RETURNED', statusReason: 'Beskriv vilka lokaler det gäller.' });

  const completed = await stepOk(
    server,
    'updateSubmissionDraft',
    {
      submissionId: draft.id,
      expectedVersion: returned.version,
      kind: 'QUESTION',
      title: 'Hur bokar nätverk lokaler?',
      description: 'Vi saknar organisationsnummer. Det gäller Föreningarnas hus.',
      principles: ['OPENNESS'],
      commitments: [1],
      activityId: null,
      documentIds: [],
      requestsRestriction: false,
    },
    member,
  );
  const resubmitted = await stepOk(
    server,
    'submitSubmission',
    { submissionId: draft.id, expectedVersion: completed.version },
    member,
  );
  expect(resubmitted.submittedAt).toBe(submitted.submittedAt);
  expect(resubmitted.statusReason).toBeNull();

  const registered = await stepOk(
    server,
    'registerSubmission',
    { submissionId: draft.id, expectedVersion: resubmitted.version },
    coordinator,
  );
  expect(registered.status).toBe('REGISTERED');
  expect(registered.registrationNumber).toMatch(new RegExp(`^SR \\d+/${year}$`));

  const referred = await stepOk(
    server,
    'referSubmission',
    {
      submissionId: draft.id,
      expectedVersion: registered.version,
      departmentId: department.departmentId,
      answerDueOn: daysFromToday(14),
    },
    coordinator,
  );
  expect(referred).toMatchObject({
    status: 'REFERRED',
    answerDueOn: daysFromToday(14),
    referredTo: { name: 'Kultur- och fritidsförvaltningen' },
  });
  expect((await read(draft.id, department.cookie)).viewerActions).toEqual(['ANSWER_IN_WRITING']);

  const answered = await stepOk(
    server,
    'answerSubmissionInWriting',
    {
      submissionId: draft.id,
      expectedVersion: referred.version,
      answer: 'Nätverk bokar genom Föreningsrådet.',
    },
    department.cookie,
  );
  expect(answered).toMatchObject({ status: 'ANSWERED', answer: 'Nätverk bokar genom Föreningsrådet.' });
  expect(answered.answeredAt).toBeTruthy();

  const closed = await stepOk(
    server,
    'closeSubmission',
    { submissionId: draft.id, expectedVersion: answered.version },
    coordinator,
  );
  expect(closed.status).toBe('CLOSED');
  expect(closed.closedAt).toBeTruthy();

  expect(await timeline(draft.id)).toEqual([
    ['EDIT', 'DRAFT', 'DRAFT', null],
    ['SUBMIT', 'DRAFT', 'SUBMITTED', null],
    ['RETURN_FOR_COMPLETION', 'SUBMITTED', 'RETURNED', 'Beskriv vilka lokaler det gäller.'],
    ['EDIT', 'RETURNED', 'RETURNED', null],
    ['SUBMIT', 'RETURNED', 'SUBMITTED', null],
    ['REGISTER', 'SUBMITTED', 'REGISTERED', null],
    ['REFER', 'REGISTERED', 'REFERRED', null],
    ['ANSWER_IN_WRITING', 'REFERRED', 'ANSWERED', 'Nätverk bokar genom Föreningsrådet.'],
    ['CLOSE', 'ANSWERED', 'CLOSED', null],
  ]);
});

test('the party withdraws its matter; the coordinator declines another with a reason', async () => {
  const mine = await submittedMatter(server, member, vivalla);
  const withdrawn = await stepOk(
    server,
    'withdrawSubmission',
    { submissionId: mine.id, expectedVersion: mine.version, reason: 'Löst på annat sätt.' },
    member,
  );
  expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', statusReason: 'Löst på annat sätt.' });
  expect(withdrawn.closedAt).toBeTruthy();

  const registered = await registeredMatter(server, { party: member, coordinator }, vivalla);
  const missingReason = await submissionStep(
    server,
    'declineSubmission',
    { submissionId: registered.id, expectedVersion: registered.version, reason: '   ' },
    coordinator,
  );
  expect(missingReason.data!.declineSubmission.errors).toMatchObject([
    { field: ['input', 'reason'], code: 'REQUIRED' },
  ]);
  const declined = await stepOk(
    server,
    'declineSubmission',
    { submissionId: registered.id, expectedVersion: registered.version, reason: 'Utanför överenskommelsen.' },
    coordinator,
  );
  expect(declined).toMatchObject({ status: 'DECLINED', statusReason: 'Utanför överenskommelsen.' });
  expect((await timeline(registered.id)).at(-1)).toEqual([
    'DECLINE',
    'REGISTERED',
    'DECLINED',
    'Utanför överenskommelsen.',
  ]);
});

test('another joined party co-signs once: a double click writes one row, the second is a field error', async () => {
  const matter = await submittedMatter(server, member, vivalla);
  expect((await read(matter.id, other.cookie)).viewerActions).toEqual(['COSIGN']);
  const input = { submissionId: matter.id, partyId: other.partyId };
  const [first, second] = await Promise.all([
    submissionStep(server, 'cosignSubmission', input, other.cookie),
    submissionStep(server, 'cosignSubmission', input, other.cookie),
  ]);
  const payloads = [first.data!.cosignSubmission, second.data!.cosignSubmission];
  expect(payloads.filter((p) => p.submission)).toHaveLength(1);
  expect(payloads.find((p) => !p.submission).errors).toMatchObject([
    { field: ['input', 'partyId'], code: 'DUPLICATE' },
  ]);
  const seen = await read(matter.id);
  expect(seen.cosigners.map((p: { name: string }) => p.name)).toEqual([
    expect.stringContaining('Grannföreningen'),
  ]);
  expect((await read(matter.id, other.cookie)).viewerActions).toEqual([]);
  expect((await timeline(matter.id)).filter(([action]) => action === 'COSIGN')).toHaveLength(1);
});

test('handling without publication: asked for by the party, decided by the coordinator', async () => {
  const draft = await draftMatter(server, member, vivalla, {
    requestsRestriction: true,
    title: 'Namngivna personer',
  });
  expect(draft.publication).toBe('RESTRICTION_REQUESTED');
  const submitted = await stepOk(
    server,
    'submitSubmission',
    { submissionId: draft.id, expectedVersion: draft.version },
    member,
  );
  const registered = await stepOk(
    server,
    'registerSubmission',
    { submissionId: draft.id, expectedVersion: submitted.version },
    coordinator,
  );
  const restricted = await stepOk(
    server,
    'decideSubmissionPublication',
    {
      submissionId: draft.id,
      expectedVersion: registered.version,
      publication: 'RESTRICTED',
      reason: 'Namnger enskilda.',
    },
    coordinator,
  );
  expect(restricted.publication).toBe('RESTRICTED');
  for (const outsider of [undefined, other.cookie]) {
    const seen = await read(draft.id, outsider);
    expect(seen).toMatchObject({
      status: 'REGISTERED',
      registrationNumber: registered.registrationNumber,
      viewerCanSeeContent: false,
      title: null,
      description: null,
      party: null,
      principles: [],
      documents: [],
      cosigners: [],
    });
  }
  expect((await read(draft.id, member)).title).toBe('Namngivna personer');
  const invalid = await submissionStep(
    server,
    'decideSubmissionPublication',
    { submissionId: draft.id, expectedVersion: restricted.version, publication: 'RESTRICTION_REQUESTED' },
    coordinator,
  );
  expect(invalid.data!.decideSubmissionPublication.errors).toMatchObject([
    { field: ['input', 'publication'], code: 'INVALID' },
  ]);
  const opened = await stepOk(
    server,
    'decideSubmissionPublication',
    { submissionId: draft.id, expectedVersion: restricted.version, publication: 'PUBLIC' },
    coordinator,
  );
  expect(opened.publication).toBe('PUBLIC');
  expect((await read(draft.id)).title).toBe('Namngivna personer');
  expect((await timeline(draft.id)).slice(-2).map(([action]) => action)).toEqual([
    'DECIDE_PUBLICATION',
    'DECIDE_PUBLICATION',
  ]);
});

test("a matter's documents download for those who may read it: the party while a draft, everyone once public", async () => {
  const upload = await uploadFile(server, 'underlag.pdf', FILES.pdf, member);
  const draft = await draftMatter(server, member, vivalla, { documentIds: [upload.body.document!.id] });
  const url = `${server.url}${draft.documents[0].url as string}`;
  const status = async (cookie?: string) => (await fetch(url, { headers: cookie ? { cookie } : {} })).status;
  expect(await status(other.cookie)).toBe(404);
  expect(await status()).toBe(404);
  const submitted = await stepOk(
    server,
    'submitSubmission',
    { submissionId: draft.id, expectedVersion: draft.version },
    member,
  );
  expect(await status()).toBe(200);
  await stepOk(
    server,
    'decideSubmissionPublication',
    { submissionId: draft.id, expectedVersion: submitted.version, publication: 'RESTRICTED' },
    coordinator,
  );
  expect(await status(other.cookie)).toBe(404);
  expect(await status(coordinator)).toBe(200);
});
