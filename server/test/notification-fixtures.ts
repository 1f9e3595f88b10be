import { randomUUID } from 'node:crypto';
import {
  Language,
  MembershipRole,
  MembershipStatus,
  PartyKind,
  SubmissionAction,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
} from '@samverka/domain';
import { Person } from '../src/accounts/person.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { CNatetRepresentative } from '../src/parties/cnatet-representative.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionFollow } from '../src/submissions/submission-follow.entity.js';
import { recordSubmissionStep } from '../src/submissions/submission-steps.js';
import type { RunningSamverka } from '../src/app.js';
import { freshEmail } from './accounts-fixtures.js';

type Running = Pick<RunningSamverka, 'orm' | 'outbox'>;

/** A person who can be told of steps, optionally member of a party (by uuid). */
export async function person(
  server: Running,
  options: { partyId?: string; language?: Language; isCoordinator?: boolean } = {},
) {
  const em = server.orm.em.fork();
  const row = em.create(Person, {
    name: 'Avi Sering',
    email: freshEmail('avisering'),
    passwordHash: 'x',
    language: options.language ?? Language.SV,
    isCoordinator: options.isCoordinator ?? false,
  });
  if (options.partyId) {
    em.create(Membership, {
      person: row,
      party: options.partyId,
      role: MembershipRole.MEMBER,
      status: MembershipStatus.ACTIVE,
    });
  }
  await em.flush();
  return { id: row.id, email: row.email };
}

/** Makes someone an active member of the party (uuid). */
export async function join(server: Running, personId: string, partyId: string) {
  const em = server.orm.em.fork();
  em.create(Membership, {
    person: personId,
    party: partyId,
    role: MembershipRole.MEMBER,
    status: MembershipStatus.ACTIVE,
  });
  await em.flush();
}

/** A submitted matter of the party (uuid), public unless said otherwise. */
export async function matter(
  server: Running,
  partyId: string,
  options: {
    publication?: SubmissionPublication;
    registrationNumber?: string;
    title?: string;
    /** The department (party uuid) asked for a written answer. */
    referredTo?: string;
  } = {},
) {
  const em = server.orm.em.fork();
  const submission = em.create(Submission, {
    party: partyId,
    kind: SubmissionKind.OBSTACLE,
    title: options.title ?? `Lokaler saknas ${randomUUID().slice(0, 6)}`,
    description: 'Föreningar får inte boka skolans lokaler på kvällar.',
    status: SubmissionStatus.SUBMITTED,
    publication: options.publication ?? SubmissionPublication.PUBLIC,
    registrationNumber: options.registrationNumber ?? null,
    referredTo: options.referredTo ?? null,
    submittedAt: new Date(),
  });
  await em.flush();
  return submission.id;
}

/** Makes someone the C-nätet representative of a department (party uuid): the handler of matters referred to it. */
export async function representative(server: Running, personId: string, departmentId: string) {
  const em = server.orm.em.fork();
  em.create(CNatetRepresentative, { person: personId, department: departmentId });
  await em.flush();
}

/** Someone follows (or, with false, stopped following) a matter. */
export async function follow(server: Running, personId: string, submissionId: string, following = true) {
  const em = server.orm.em.fork();
  em.create(SubmissionFollow, { person: personId, submission: submissionId, following });
  await em.flush();
}

/** A party of its own for a test (a network: no organisation number), uuid. */
export async function party(server: Running): Promise<string> {
  const em = server.orm.em.fork();
  const row = em.create(Party, { name: `Nätverk ${randomUUID().slice(0, 8)}`, kind: PartyKind.NETWORK });
  await em.flush();
  return row.id;
}

/**
 * Takes a step on a matter as a workflow mutation would: the status changes and recordSubmissionStep records
 * it with the real outbox, in one transaction.
 */
export async function takeStep(
  server: Running,
  submissionId: string,
  step: { action: SubmissionAction | null; to?: SubmissionStatus; actorId: string | null; text?: string },
) {
  await server.orm.em.fork().transactional(async (tx) => {
    const submission = await tx.findOneOrFail(Submission, submissionId);
    const fromStatus = submission.status;
    if (step.to) submission.status = step.to;
    await recordSubmissionStep(tx, server.outbox, {
      submission,
      action: step.action,
      fromStatus,
      actorId: step.actorId,
      text: step.text ?? null,
    });
  });
}

/** The notifications a person has, oldest first. */
export async function notificationsOf(server: Running, personId: string) {
  return server.orm.em.fork().getConnection().execute<
    {
      kind: string;
      params: Record<string, string>;
      submission_id: string;
      mailed_at: Date | null;
      read_at: Date | null;
    }[]
  >(`select kind, params, submission_id, mailed_at, read_at from notification where person_id = ? order by created_at`, [personId]);
}

/** The outbox's jobs of notification mails to an address. */
export async function mailJobsTo(server: Running, email: string) {
  return server.orm.em
    .fork()
    .getConnection()
    .execute<{ name: string; state: string }[]>(
      `select name, state from pgboss.job where name like 'notifications.%' and data->>'to' = ?`,
      [email],
    );
}
