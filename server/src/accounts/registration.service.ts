import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@samverka/domain';
import type { Mailer } from '../mail/mailer.js';
import { registrationAttemptMail, welcomeMail } from '../mail/templates.js';
import { InputProblems, UserError, UserErrors } from '../graphql/user-error.js';
import { cleanPartyDetails, type PartyDetails } from '../parties/party-input.js';
import { createParty, requestMembership } from '../parties/party.service.js';
import { checkEmail, checkName, checkNewPassword } from './account-input.js';
import { hashPassword } from './password.js';
import { Person } from './person.entity.js';
import { countAttempt, type RateLimit } from './rate-limit.js';

export interface RegisterInput {
  name: string;
  email: string;
  password: string;
  /** A party to create, with the new person as its contact. */
  createParty?: PartyDetails | null;
  /**
   * A party to ask to join: its uuid; null when the given id was not a party's; undefined when not asked.
   */
  joinPartyId?: string | null;
}

/** Field paths are segments; services of other features sometimes write nested fields as "a.b". */
function splitFields(error: UserErrors, rename: Record<string, string> = {}): UserErrors {
  return new UserErrors(
    error.errors.map(
      (e) =>
        new UserError(
          e.field.flatMap((segment) => segment.split('.')).map((segment) => rename[segment] ?? segment),
          e.message,
          e.code,
        ),
    ),
  );
}

function problemsOf(problems: InputProblems): UserError[] {
  try {
    problems.throwIfAny();
    return [];
  } catch (error) {
    return (error as UserErrors).errors;
  }
}

/** Rolls back a registration that was run only for its answer (the address has an account already). */
class DryRun extends Error {}

/**
 * Creates an account (and in the same transaction a party, or a request to join one, so a bad party input
 * leaves nothing behind) and mails a welcome. Nobody is signed in, and the answer is the same for an address
 * that has an account already: then the same transaction runs for a placeholder and is rolled back, so the
 * party's problems are reported alike and nothing is written, and the owner is told by mail. The attempt is
 * counted before any password is hashed; every input problem is reported at once.
 */
export async function register(
  em: EntityManager,
  mailer: Mailer,
  input: RegisterInput,
  limits: RateLimit[] = [],
): Promise<{ email: string }> {
  const problems = new InputProblems();
  const name = checkName(problems, 'name', input.name);
  const email = checkEmail(problems, 'email', input.email);
  checkNewPassword(problems, 'password', input.password);
  const joining = input.joinPartyId !== undefined;
  if (input.createParty && joining) {
    problems.add(
      '',
      'Välj antingen att registrera en ny part eller att gå med i en befintlig.',
      UserErrorCode.INVALID,
    );
  }
  let partyProblems: UserError[] = [];
  if (input.createParty) {
    try {
      cleanPartyDetails(input.createParty, ['input', 'createParty']);
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      partyProblems = splitFields(error).errors;
    }
  }
  const errors = [...problemsOf(problems), ...partyProblems];
  if (errors.length) throw new UserErrors(errors);
  // Committed on its own before the hash, so a burst over the limit costs no hashing.
  await em.transactional((tx) => countAttempt(tx, limits));
  const passwordHash = await hashPassword(input.password);
  const known = (await em.count(Person, { email })) > 0;
  const create = (address: string) =>
    em.transactional(async (tx) => {
      const person = tx.create(Person, { name, email: address, passwordHash });
      await tx.flush();
      if (input.createParty) await createParty(tx, person, input.createParty, ['input', 'createParty']);
      else if (joining) await requestMembership(tx, person, input.joinPartyId ?? null, ['input']);
      if (known) throw new DryRun();
    });
  try {
    await create(known ? `registration-check-${randomUUID()}@invalid` : email);
  } catch (error) {
    if (error instanceof UserErrors) throw splitFields(error, { partyId: 'joinPartyId' });
    const raced = error instanceof UniqueConstraintViolationException && /person_email/.test(error.message);
    if (!(error instanceof DryRun) && !raced) throw error;
    tellOwner(mailer, email);
    return { email };
  }
  if (known) tellOwner(mailer, email);
  else mailer.sendInBackground(welcomeMail(email, mailer.link('/logga-in', {})));
  return { email };
}

function tellOwner(mailer: Mailer, email: string) {
  mailer.sendInBackground(
    registrationAttemptMail(email, mailer.link('/logga-in', {}), mailer.link('/aterstall-losenord', {})),
  );
}
