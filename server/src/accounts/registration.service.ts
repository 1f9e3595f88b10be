import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { InputProblems, UserError, UserErrors, userError } from '../graphql/user-error.js';
import type { Party } from '../parties/party.entity.js';
import { cleanPartyDetails, type PartyDetails } from '../parties/party-input.js';
import { createParty, requestMembership } from '../parties/party.service.js';
import { checkEmail, checkName, checkNewPassword } from './account-input.js';
import { hashPassword } from './password.js';
import { Person } from './person.entity.js';
import { countAttempt, type RateLimit } from './rate-limit.js';
import { openSession } from './session.service.js';

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

export function duplicateEmail(field = 'email') {
  return userError(
    field,
    'Det finns redan ett konto med den e-postadressen. Logga in i stället.',
    UserErrorCode.DUPLICATE,
  );
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

/**
 * Creates an account and signs it in; in the same transaction it creates a party or asks to join one, so a
 * bad party input leaves nothing behind (no account either). Every input problem is reported at once.
 */
export async function register(
  em: EntityManager,
  viewer: Viewer | null,
  input: RegisterInput,
  limits: RateLimit[] = [],
): Promise<{ person: Person; sessionToken: string; party: Party | null }> {
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
  const passwordHash = await hashPassword(input.password);
  try {
    return await em.transactional(async (tx) => {
      // Counted with the account: a registration that is refused for its input costs nothing.
      await countAttempt(tx, limits);
      if (await tx.count(Person, { email })) throw duplicateEmail();
      const person = tx.create(Person, { name, email, passwordHash });
      await tx.flush();
      let party: Party | null = null;
      if (input.createParty)
        party = await createParty(tx, person, input.createParty, ['input', 'createParty']);
      else if (joining) party = await requestMembership(tx, person, input.joinPartyId ?? null, ['input']);
      const sessionToken = await openSession(tx, person, viewer?.sessionId ?? null);
      return { person, sessionToken, party };
    });
  } catch (error) {
    // Two registrations of one address at the same moment: the unique index decides.
    if (error instanceof UniqueConstraintViolationException && /person_email/.test(error.message)) {
      throw duplicateEmail();
    }
    if (error instanceof UserErrors) throw splitFields(error, { partyId: 'joinPartyId' });
    throw error;
  }
}
