import { SubmissionKind, SubmissionPublication, SubmissionStatus } from '@samverka/domain';
import { Party } from '../src/parties/party.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { Person } from '../src/accounts/person.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import type { TestServer } from './helpers.js';

let sequence = 0;

/**
 * A registered matter made straight in the database (the workflow mutations that register belong to another
 * module): raised by the party the demo member belongs to.
 */
export async function registeredMatter(
  server: TestServer,
  fields: { status?: SubmissionStatus; publication?: SubmissionPublication; title?: string } = {},
) {
  const em = server.orm.em.fork();
  const member = await em.findOneOrFail(Person, { email: 'forening@samverka.example' });
  const membership = await em.findOneOrFail(Membership, { person: member.id });
  const party = await em.findOneOrFail(Party, membership.party.id);
  sequence++;
  const year = new Date().getFullYear();
  const submission = em.create(Submission, {
    party,
    kind: SubmissionKind.OBSTACLE,
    title: fields.title ?? `Lokalbidraget kommer för sent ${sequence}`,
    description: 'Bidraget betalas ut efter terminsstart, så föreningarna ligger ute med hyran.',
    status: fields.status ?? SubmissionStatus.REGISTERED,
    publication: fields.publication ?? SubmissionPublication.PUBLIC,
    createdBy: member,
    submittedAt: new Date(),
    registeredAt: new Date(),
    registrationNumber: `SR ${900 + sequence}/${year}`,
    registrationSeries: 'SR',
    registrationYear: year,
    registrationSequence: 900 + sequence,
  });
  await em.flush();
  return { id: toGlobalId('Submission', submission.id), uuid: submission.id, version: submission.version };
}

export const SUBMISSION_FIELDS = `id version status registrationNumber answeredAt
  scheduledMeeting { id title } scheduledAgendaItem { id title position kind }`;

export const SCHEDULE_MEETING_FIELDS =
  'id version status agenda { id position title kind description status }';

export function schedule(server: TestServer, input: Record<string, unknown>, cookie?: string) {
  return server.gql(
    `mutation($input: ScheduleSubmissionInput!) { scheduleSubmission(input: $input) {
      submission { ${SUBMISSION_FIELDS} } meeting { ${SCHEDULE_MEETING_FIELDS} } errors { field code message } } }`,
    { input },
    cookie,
  );
}

export function unschedule(server: TestServer, input: Record<string, unknown>, cookie?: string) {
  return server.gql(
    `mutation($input: UnscheduleSubmissionInput!) { unscheduleSubmission(input: $input) {
      submission { ${SUBMISSION_FIELDS} } errors { field code message } } }`,
    { input },
    cookie,
  );
}
