import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  MembershipRole,
  MembershipStatus,
  SUBMISSION_LIMITS,
  SUBMISSION_MAX_DOCUMENTS,
} from '@samverka/domain';
import { Membership } from '../src/parties/membership.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { Person } from '../src/accounts/person.entity.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { FILES, uploadFile } from './document-fixtures.js';
import {
  SUBMISSION_TABLES,
  daysFromToday,
  departmentWithRepresentative,
  draftContent,
  draftMatter,
  joinedParty,
  partyIdByName,
  referredMatter,
  registeredMatter,
  submissionStep,
  submittedMatter,
  type Matter,
} from './submission-fixtures.js';

/**
 * Bad input on every workflow mutation, from someone allowed to take the step: a field error in the payload
 * beside its field, and nothing written (row counts before and after).
 */
const LIMIT = 100 * 1024;
let server: TestServer;
let member: string;
let coordinator: string;
let vivalla: string;
let other: Awaited<ReturnType<typeof joinedParty>>;
let department: Awaited<ReturnType<typeof departmentWithRepresentative>>;

beforeAll(async () => {
  server = await startTestServer({ DOCUMENT_MAX_BYTES: String(LIMIT) });
  member = await server.signIn('member');
  coordinator = await server.signIn('coordinator');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  other = await joinedParty(server, 'Tredje föreningen');
  department = await departmentWithRepresentative(server, coordinator);
});
afterAll(() => server?.close());

const long = (n: number) => 'x'.repeat(n + 1);
const NUL = 'Rubrik\u0000';

/** Runs the step and expects exactly these field errors (path after "input", code) and nothing written. */
async function refused(
  mutation: string,
  input: Record<string, unknown>,
  cookie: string,
  expected: [string, string][],
) {
  const before = await rowCounts(server, SUBMISSION_TABLES);
  const res = await submissionStep(server, mutation, input, cookie);
  expect(res.errors).toBeUndefined();
  const payload = res.data![mutation] as { submission: unknown; errors: { field: string[]; code: string }[] };
  expect(payload.submission).toBeNull();
  expect(payload.errors.map((e) => [e.field.slice(1).join('.'), e.code])).toEqual(expected);
  expect(await rowCounts(server, SUBMISSION_TABLES)).toEqual(before);
  return payload.errors;
}

async function upload(cookie = member) {
  const res = await uploadFile(server, 'underlag.pdf', FILES.pdf, cookie);
  expect(res.status).toBe(201);
  return res.body.document!.id;
}

/** The content checks, the same on a new draft and on an edit. */
const CONTENT_CASES: [
  string,
  () => Promise<Record<string, unknown>> | Record<string, unknown>,
  [string, string][],
][] = [
  [
    'a missing title and description',
    () => ({ title: '  ', description: '' }),
    [
      ['title', 'REQUIRED'],
      ['description', 'REQUIRED'],
    ],
  ],
  ['a title too long', () => ({ title: long(SUBMISSION_LIMITS.title) }), [['title', 'TOO_LONG']]],
  [
    'a description too long',
    () => ({ description: long(SUBMISSION_LIMITS.description) }),
    [['description', 'TOO_LONG']],
  ],
  ['a control character', () => ({ title: NUL }), [['title', 'INVALID']]],
  ['a wrong kind', () => ({ kind: 'COMPLAINT' }), [['kind', 'INVALID']]],
  ['an unknown principle', () => ({ principles: ['DIALOGUE', 'LOYALTY'] }), [['principles', 'INVALID']]],
  ['a principle twice', () => ({ principles: ['DIALOGUE', 'DIALOGUE'] }), [['principles', 'DUPLICATE']]],
  ['a commitment outside 1–6', () => ({ commitments: [0, 7] }), [['commitments', 'INVALID']]],
  ['a commitment twice', () => ({ commitments: [3, 3] }), [['commitments', 'DUPLICATE']]],
  ['an activity that does not exist', () => ({ activityId: 'bm9wZQ' }), [['activityId', 'NOT_FOUND']]],
  ['a document id that is none', () => ({ documentIds: ['bm9wZQ'] }), [['documentIds.0', 'NOT_FOUND']]],
  [
    "someone else's upload: its id is no permission",
    async () => ({ documentIds: [await upload(other.cookie)] }),
    [['documentIds.0', 'NOT_FOUND']],
  ],
  [
    'too many documents',
    () => ({ documentIds: Array.from({ length: SUBMISSION_MAX_DOCUMENTS + 1 }, () => 'bm9wZQ') }),
    [['documentIds', 'TOO_LONG']],
  ],
];

describe('createSubmissionDraft', () => {
  test.each(CONTENT_CASES)('%s', async (_case, overrides, expected) => {
    await refused(
      'createSubmissionDraft',
      { partyId: vivalla, ...draftContent(await overrides()) },
      member,
      expected,
    );
  });

  test('a party that has not joined the agreement', async () => {
    const em = server.orm.em.fork();
    const party = await em.findOneOrFail(Party, { name: 'Idrottsalliansen Örebro' });
    const person = await em.findOneOrFail(Person, { email: 'forening@samverka.example' });
    em.create(Membership, { person, party, role: MembershipRole.MEMBER, status: MembershipStatus.ACTIVE });
    await em.flush();
    const partyId = Buffer.from(`Party:${party.id}`).toString('base64url');
    await refused('createSubmissionDraft', { partyId, ...draftContent() }, member, [
      ['partyId', 'INVALID_TRANSITION'],
    ]);
  });
});

describe('documents', () => {
  test('a document too large is refused at POST /dokument, so there is nothing to attach', async () => {
    const before = await rowCounts(server, SUBMISSION_TABLES);
    const bytes = Buffer.concat([FILES.pdf, Buffer.alloc(LIMIT + 100 - FILES.pdf.length, 0x20)]);
    const res = await uploadFile(server, 'stor.pdf', bytes, member);
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE' })]);
    expect(await rowCounts(server, SUBMISSION_TABLES)).toEqual(before);
  });

  test('a document of a forged type is refused at POST /dokument', async () => {
    const before = await rowCounts(server, SUBMISSION_TABLES);
    const res = await uploadFile(server, 'inte-en-pdf.pdf', FILES.exe, member);
    expect(res.status).toBe(415);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'FILE_TYPE_NOT_ACCEPTED' })]);
    expect(await rowCounts(server, SUBMISSION_TABLES)).toEqual(before);
  });

  test('a document on another matter cannot be attached to a second one', async () => {
    const id = await upload();
    await draftMatter(server, member, vivalla, { documentIds: [id] });
    await refused(
      'createSubmissionDraft',
      { partyId: vivalla, ...draftContent({ documentIds: [id] }) },
      member,
      [['documentIds.0', 'NOT_FOUND']],
    );
  });

  test('an edit keeps the documents already on the matter and drops those left out', async () => {
    const [kept, dropped] = [await upload(), await upload()];
    const draft = await draftMatter(server, member, vivalla, { documentIds: [kept, dropped] });
    expect(draft.documents.map((d: { id: string }) => d.id)).toEqual([kept, dropped]);
    const res = await submissionStep(
      server,
      'updateSubmissionDraft',
      { submissionId: draft.id, expectedVersion: draft.version, ...draftContent({ documentIds: [kept] }) },
      member,
    );
    expect(res.data!.updateSubmissionDraft.submission.documents.map((d: { id: string }) => d.id)).toEqual([
      kept,
    ]);
    const rows = await server.orm.em
      .fork()
      .getConnection()
      .execute(`select id from document where id = ?`, [
        Buffer.from(dropped, 'base64url').toString().split(':')[1],
      ]);
    expect(rows).toEqual([]);
  });
});

describe('updateSubmissionDraft', () => {
  let draft: Matter;
  beforeAll(async () => {
    draft = await draftMatter(server, member, vivalla);
  });

  test.each(CONTENT_CASES)('%s', async (_case, overrides, expected) => {
    await refused(
      'updateSubmissionDraft',
      { submissionId: draft.id, expectedVersion: draft.version, ...draftContent(await overrides()) },
      member,
      expected,
    );
  });

  test('a stale version', async () => {
    await refused(
      'updateSubmissionDraft',
      { submissionId: draft.id, expectedVersion: draft.version + 5, ...draftContent() },
      member,
      [['expectedVersion', 'STALE_VERSION']],
    );
  });

  test('a matter that is no longer a draft', async () => {
    const submitted = await submittedMatter(server, member, vivalla);
    await refused(
      'updateSubmissionDraft',
      { submissionId: submitted.id, expectedVersion: submitted.version, ...draftContent() },
      member,
      [['', 'INVALID_TRANSITION']],
    );
  });
});

describe('steps with texts', () => {
  test.each([
    ['returnSubmissionForCompletion', 'reason'],
    ['declineSubmission', 'reason'],
  ])('%s: the reason missing, too long, with a control character', async (mutation, field) => {
    const matter = await submittedMatter(server, member, vivalla);
    const input = { submissionId: matter.id, expectedVersion: matter.version };
    await refused(mutation, { ...input, [field]: ' ' }, coordinator, [[field, 'REQUIRED']]);
    await refused(mutation, { ...input, [field]: long(SUBMISSION_LIMITS.text) }, coordinator, [
      [field, 'TOO_LONG'],
    ]);
    await refused(mutation, { ...input, [field]: NUL }, coordinator, [[field, 'INVALID']]);
  });

  test('withdrawSubmission: a reason too long, or with a control character', async () => {
    const matter = await submittedMatter(server, member, vivalla);
    const input = { submissionId: matter.id, expectedVersion: matter.version };
    await refused('withdrawSubmission', { ...input, reason: long(SUBMISSION_LIMITS.text) }, member, [
      ['reason', 'TOO_LONG'],
    ]);
    await refused('withdrawSubmission', { ...input, reason: NUL }, member, [['reason', 'INVALID']]);
  });

  test('answerSubmissionInWriting: the answer missing, too long, with a control character', async () => {
    const matter = await referredMatter(
      server,
      { party: member, coordinator },
      vivalla,
      department.departmentId,
    );
    const input = { submissionId: matter.id, expectedVersion: matter.version };
    await refused('answerSubmissionInWriting', { ...input, answer: '' }, department.cookie, [
      ['answer', 'REQUIRED'],
    ]);
    await refused(
      'answerSubmissionInWriting',
      { ...input, answer: long(SUBMISSION_LIMITS.text) },
      department.cookie,
      [['answer', 'TOO_LONG']],
    );
    await refused('answerSubmissionInWriting', { ...input, answer: NUL }, department.cookie, [
      ['answer', 'INVALID'],
    ]);
  });

  test('referSubmission: no department, a party that is no department, a date missing or in the past', async () => {
    const matter = await registeredMatter(server, { party: member, coordinator }, vivalla);
    const input = { submissionId: matter.id, expectedVersion: matter.version };
    await refused(
      'referSubmission',
      { ...input, departmentId: 'bm9wZQ', answerDueOn: daysFromToday(5) },
      coordinator,
      [['departmentId', 'NOT_FOUND']],
    );
    await refused('referSubmission', { ...input, departmentId: vivalla, answerDueOn: 'snart' }, coordinator, [
      ['departmentId', 'INVALID'],
      ['answerDueOn', 'REQUIRED'],
    ]);
    await refused(
      'referSubmission',
      { ...input, departmentId: department.departmentId, answerDueOn: daysFromToday(-2) },
      coordinator,
      [['answerDueOn', 'INVALID']],
    );
    await refused(
      'referSubmission',
      { ...input, departmentId: department.departmentId, answerDueOn: '2027-02-30' },
      coordinator,
      [['answerDueOn', 'REQUIRED']],
    );
  });

  test('decideSubmissionPublication: a wrong value', async () => {
    const matter = await submittedMatter(server, member, vivalla);
    await refused(
      'decideSubmissionPublication',
      { submissionId: matter.id, expectedVersion: matter.version, publication: 'SECRET' },
      coordinator,
      [['publication', 'INVALID']],
    );
  });
});

describe('a transition not allowed from the current state', () => {
  test.each([
    ['submitSubmission', 'submitted', 'member'],
    ['registerSubmission', 'registered', 'coordinator'],
    ['returnSubmissionForCompletion', 'registered', 'coordinator'],
    ['referSubmission', 'submitted', 'coordinator'],
    ['closeSubmission', 'registered', 'coordinator'],
    ['withdrawSubmission', 'declined', 'member'],
    ['declineSubmission', 'declined', 'coordinator'],
  ])('%s on a %s matter', async (mutation, state, who) => {
    let matter: Matter =
      state === 'submitted'
        ? await submittedMatter(server, member, vivalla)
        : await registeredMatter(server, { party: member, coordinator }, vivalla);
    if (state === 'declined') {
      const res = await submissionStep(
        server,
        'declineSubmission',
        { submissionId: matter.id, expectedVersion: matter.version, reason: 'Utanför.' },
        coordinator,
      );
      matter = res.data!.declineSubmission.submission;
    }
    await refused(mutation, pick(mutation, matter), who === 'member' ? member : coordinator, [
      ['', 'INVALID_TRANSITION'],
    ]);
  });

  test('co-signing a matter that is closed', async () => {
    const matter = await submittedMatter(server, member, vivalla);
    await submissionStep(
      server,
      'withdrawSubmission',
      { submissionId: matter.id, expectedVersion: matter.version },
      member,
    );
    await refused('cosignSubmission', { submissionId: matter.id, partyId: other.partyId }, other.cookie, [
      ['', 'INVALID_TRANSITION'],
    ]);
  });
});

/** The input each step takes, with valid values, so only the status refuses it. */
function pick(mutation: string, matter: Matter): Record<string, unknown> {
  const base = { submissionId: matter.id, expectedVersion: matter.version };
  switch (mutation) {
    case 'returnSubmissionForCompletion':
    case 'declineSubmission':
      return { ...base, reason: 'Skäl.' };
    case 'referSubmission':
      return { ...base, departmentId: department.departmentId, answerDueOn: daysFromToday(5) };
    default:
      return base;
  }
}
