import { isEmailAddress, MIN_PASSWORD_LENGTH, TEXT_LIMITS } from '@samverka/domain';
import type { RegisterInput } from '../../gql/graphql';
import { tooLong, type FieldMessage } from '../../lib/errors';
import { emptyPartyForm, partyInput, validatePartyForm, type PartyForm } from '../parties/party-form';

/** What the person does with a party when registering. */
export type PartyChoice = 'create' | 'join' | 'none';

export interface RegistrationForm {
  name: string;
  email: string;
  password: string;
  choice: PartyChoice;
  party: PartyForm;
  /** The party asked to join, chosen from the public register. */
  joinPartyId: string | null;
}

export function emptyRegistrationForm(): RegistrationForm {
  return { name: '', email: '', password: '', choice: 'none', party: emptyPartyForm(), joinPartyId: null };
}

/** Field errors for the person's own fields (also used when accepting an invitation). */
export function validatePerson(
  form: Pick<RegistrationForm, 'name' | 'password'> & { email?: string },
): Record<string, FieldMessage> {
  const errors: Record<string, FieldMessage> = {};
  if (!form.name.trim()) errors.name = 'userErrors.REQUIRED';
  else if (form.name.trim().length > TEXT_LIMITS.name) errors.name = tooLong(TEXT_LIMITS.name);
  if (form.email !== undefined) {
    if (!form.email.trim()) errors.email = 'userErrors.REQUIRED';
    else if (!isEmailAddress(form.email.trim())) errors.email = 'validation.email';
  }
  const passwordError = validatePassword(form.password);
  if (passwordError) errors.password = passwordError;
  return errors;
}

/** A new password: at least MIN_PASSWORD_LENGTH characters, at most the text limit. */
export function validatePassword(password: string): FieldMessage | null {
  if (!password) return 'userErrors.REQUIRED';
  if (password.length < MIN_PASSWORD_LENGTH) return 'validation.passwordTooShort';
  if (password.length > TEXT_LIMITS.password) return tooLong(TEXT_LIMITS.password);
  return null;
}

/**
 * Client-side check of the registration form, mirroring packages/domain. Keys are the server's payload
 * error fields ("email", "createParty.organisationNumber", "joinPartyId") so both show in the same place.
 */
export function validateRegistration(form: RegistrationForm): Record<string, FieldMessage> {
  const errors = validatePerson(form);
  if (form.choice === 'create') Object.assign(errors, validatePartyForm(form.party, 'createParty.'));
  if (form.choice === 'join' && !form.joinPartyId) errors.joinPartyId = 'validation.chooseParty';
  return errors;
}

export function registrationInput(form: RegistrationForm): RegisterInput {
  return {
    name: form.name.trim(),
    email: form.email.trim(),
    password: form.password,
    createParty: form.choice === 'create' ? partyInput(form.party) : null,
    joinPartyId: form.choice === 'join' ? form.joinPartyId : null,
  };
}

/** The order fields appear on the page, so focus goes to the first one with an error. */
export const REGISTRATION_FIELD_ORDER = [
  'name',
  'email',
  'password',
  'createParty.name',
  'createParty.kind',
  'createParty.organisationNumber',
  'createParty.networkContactName',
  'createParty.networkParticipants',
  'createParty.description',
  'createParty.areasOfInterest',
  'createParty.publicContact',
  'createParty.website',
  'joinPartyId',
] as const;

/** The first field, in page order, that has an error. */
export function firstErrorField(
  errors: Record<string, FieldMessage>,
  order: readonly string[],
): string | null {
  return order.find((field) => errors[field]) ?? Object.keys(errors)[0] ?? null;
}
