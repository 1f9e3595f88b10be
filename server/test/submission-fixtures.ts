import { AccessionStatus } from '@samverka/domain';
import { Accession } from '../src/accession/accession.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { partyWithContact, registerPerson, uuidOf } from './accounts-fixtures.js';
import type { GraphQLResponse, TestServer } from './helpers.js';

/** What tests read of a matter after each step. */
export const SUBMISSION_FIELDS = `id version status publication registrationNumber title description
  kind principles commitments statusReason answer answerDueOn submittedAt registeredAt answeredAt closedAt
  viewerActions viewerCanSeeContent party { id name } referredTo { id name } cosigners { id name }
  activity { id number } documents { id name mediaType url }`;

/** The GraphQL input type of each workflow mutation. */
export const SUBMISSION_INPUT_TYPES: Record<string, string> = {
  createSubmissionDraft: 'CreateSubmissionDraftInput',
  updateSubmissionDraft: 'UpdateSubmissionDraftInput',
  submitSubmission: 'SubmissionStepInput',
  withdrawSubmission: 'WithdrawSubmissionInput',
  returnSubmissionForCompletion: 'SubmissionReasonInput',
  registerSubmission: 'SubmissionStepInput',
  declineSubmission: 'SubmissionReasonInput',
  referSubmission: 'ReferSubmissionInput',
  answerSubmissionInWriting: 'AnswerSubmissionInWritingInput',
  closeSubmission: 'SubmissionStepInput',
  cosignSubmission: 'CosignSubmissionInput',
  decideSubmissionPublication: 'DecideSubmissionPublicationInput',
};

/** Tables a workflow step may write: a refused one leaves them all as they were. */
export const SUBMISSION_TABLES = [
  'submission',
  'submission_event',
  'submission_cosignature',
  'registration_counter',
  'document',
  'document_attachment',
  'live_event',
];

/** Runs one workflow mutation; `res.data[mutation]` is its payload. */
export function submissionStep(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  return server.gql(
    `mutation($input: ${SUBMISSION_INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) {
      submission { ${SUBMISSION_FIELDS} } errors { field code message max } } }`,
    { input },
    cookie,
  );
}

/** A complete, valid draft's content; `overrides` replace fields. */
export function draftContent(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'OBSTACLE',
    title: 'Lokalbokningen stänger ute små föreningar',
    description: 'Bokningssystemet kräver organisationsnummer, som många nätverk saknar.',
    principles: ['DIALOGUE', 'DIVERSITY'],
    commitments: [2, 5],
    activityId: null,
    documentIds: [],
    requestsRestriction: false,
    ...overrides,
  };
}

export type Matter = { id: string; version: number; status: string; [field: string]: any };

/** A step that must succeed: its matter, or the test fails with the payload's errors. */
export async function stepOk(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<Matter> {
  const res = await submissionStep(server, mutation, input, cookie);
  const payload = res.data?.[mutation] as { submission: Matter | null; errors: unknown[] } | undefined;
  if (!payload?.submission)
    throw new Error(`${mutation} failed: ${JSON.stringify(res.errors ?? payload?.errors)}`);
  return payload.submission;
}

/** Marks a party as joined (its accession approved), as the coordinator's approval would. */
export async function approveParty(server: TestServer, partyGlobalId: string): Promise<void> {
  const em = server.orm.em.fork();
  em.create(Accession, {
    party: em.getReference(Party, uuidOf(partyGlobalId)),
    status: AccessionStatus.APPROVED,
    requestedAt: new Date(),
    decidedAt: new Date(),
    affirmsDemocraticOrganisation: true,
    affirmsValues: true,
    affirmsPrinciples: true,
    affirmsCommitments: true,
  });
  await em.flush();
}

/** A new party that has joined the agreement, with its contact signed in. */
export async function joinedParty(server: TestServer, name = 'Föreningen Test') {
  const party = await partyWithContact(server, name);
  await approveParty(server, party.partyId);
  return party;
}

/** The global id of a demo party, by name. */
export async function partyIdByName(server: TestServer, name: string): Promise<string> {
  const res = await server.gql('{ parties(first: 100) { edges { node { id name } } } }');
  const party = res.data!.parties.edges.find((e: any) => e.node.name === name);
  if (!party) throw new Error(`no party ${name}`);
  return party.node.id as string;
}

/** A municipal department with a newly appointed C-nätet representative, signed in. */
export async function departmentWithRepresentative(
  server: TestServer,
  coordinatorCookie: string,
  department = 'Kultur- och fritidsförvaltningen',
) {
  const departmentId = await partyIdByName(server, department);
  const person = await registerPerson(server);
  const res = await server.gql(
    `mutation($input: AppointCNatetRepresentativeInput!) { appointCNatetRepresentative(input: $input) { errors { code } } }`,
    { input: { departmentId, personEmail: person.email } },
    coordinatorCookie,
  );
  if (res.data?.appointCNatetRepresentative?.errors?.length !== 0) {
    throw new Error(`appointing failed: ${JSON.stringify(res)}`);
  }
  return { departmentId, cookie: person.cookie, personId: person.personId, email: person.email };
}

/** A draft of the party by one of its people. */
export function draftMatter(
  server: TestServer,
  cookie: string,
  partyId: string,
  overrides: Record<string, unknown> = {},
): Promise<Matter> {
  return stepOk(server, 'createSubmissionDraft', { partyId, ...draftContent(overrides) }, cookie);
}

/** A draft, submitted. */
export async function submittedMatter(
  server: TestServer,
  cookie: string,
  partyId: string,
  overrides: Record<string, unknown> = {},
): Promise<Matter> {
  const draft = await draftMatter(server, cookie, partyId, overrides);
  return stepOk(
    server,
    'submitSubmission',
    { submissionId: draft.id, expectedVersion: draft.version },
    cookie,
  );
}

/** A submitted matter, registered by the coordinator. */
export async function registeredMatter(
  server: TestServer,
  cookies: { party: string; coordinator: string },
  partyId: string,
): Promise<Matter> {
  const submitted = await submittedMatter(server, cookies.party, partyId);
  return stepOk(
    server,
    'registerSubmission',
    { submissionId: submitted.id, expectedVersion: submitted.version },
    cookies.coordinator,
  );
}

/** A date some days from today, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A registered matter, referred by the coordinator to the department. */
export async function referredMatter(
  server: TestServer,
  cookies: { party: string; coordinator: string },
  partyId: string,
  departmentId: string,
): Promise<Matter> {
  const registered = await registeredMatter(server, cookies, partyId);
  return stepOk(
    server,
    'referSubmission',
    {
      submissionId: registered.id,
      expectedVersion: registered.version,
      departmentId,
      answerDueOn: daysFromToday(30),
    },
    cookies.coordinator,
  );
}
