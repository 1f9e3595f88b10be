import { tooLong } from '../../lib/errors';
import { describe, expect, test } from 'vitest';
import { PartyKind } from '@samverka/domain';
import { emptyPartyForm } from '../parties/party-form';
import {
  emptyRegistrationForm,
  firstErrorField,
  registrationInput,
  REGISTRATION_FIELD_ORDER,
  validatePassword,
  validateRegistration,
  type RegistrationForm,
} from './registration-form';

const person = { name: 'Anna Andersson', email: 'anna@example.se', password: 'en lång fras' };
const form = (changes: Partial<RegistrationForm>): RegistrationForm => ({
  ...emptyRegistrationForm(),
  ...person,
  ...changes,
});

describe('validateRegistration', () => {
  test.each([
    ['a person without a party', {}, {}],
    ['no name', { name: '' }, { name: 'userErrors.REQUIRED' }],
    ['no e-mail', { email: ' ' }, { email: 'userErrors.REQUIRED' }],
    ['a malformed e-mail', { email: 'anna.example.se' }, { email: 'validation.email' }],
    ['no password', { password: '' }, { password: 'userErrors.REQUIRED' }],
    ['a password of nine characters', { password: '123456789' }, { password: 'validation.passwordTooShort' }],
    ['a password of ten characters', { password: '1234567890' }, {}],
    ['a password too long', { password: 'x'.repeat(201) }, { password: tooLong(200) }],
    [
      'creating a party checks the party too, keyed as the server does',
      { choice: 'create' as const },
      { 'createParty.name': 'userErrors.REQUIRED', 'createParty.kind': 'userErrors.REQUIRED' },
    ],
    [
      'creating a party with a bad organisationsnummer',
      {
        choice: 'create' as const,
        party: {
          ...emptyPartyForm(),
          name: 'Klubben',
          kind: PartyKind.FOUNDATION,
          organisationNumber: '802002-4281',
        },
      },
      { 'createParty.organisationNumber': 'validation.orgNumberCheckDigit' },
    ],
    [
      'joining without choosing a party',
      { choice: 'join' as const },
      { joinPartyId: 'validation.chooseParty' },
    ],
    ['joining a chosen party', { choice: 'join' as const, joinPartyId: 'P1' }, {}],
    [
      'the party fields are ignored when not creating one',
      { choice: 'none' as const, joinPartyId: null },
      {},
    ],
  ] as [string, Partial<RegistrationForm>, Record<string, string>][])('%s', (_name, changes, expected) => {
    expect(validateRegistration(form(changes))).toEqual(expected);
  });
});

describe('registrationInput', () => {
  test.each([
    ['none', { choice: 'none' as const, joinPartyId: 'P1' }, { createParty: null, joinPartyId: null }],
    ['join', { choice: 'join' as const, joinPartyId: 'P1' }, { createParty: null, joinPartyId: 'P1' }],
  ] as [string, Partial<RegistrationForm>, object][])('%s', (_name, changes, expected) => {
    expect(registrationInput(form({ ...changes, email: ' anna@example.se ' }))).toEqual({
      name: 'Anna Andersson',
      email: 'anna@example.se',
      password: 'en lång fras',
      ...expected,
    });
  });

  test('create sends the party', () => {
    const input = registrationInput(
      form({
        choice: 'create',
        party: {
          ...emptyPartyForm(),
          name: 'Klubben',
          kind: PartyKind.NETWORK,
          networkContactName: 'Anna',
          networkParticipants: 'Alla',
        },
      }),
    );
    expect(input.createParty).toMatchObject({ name: 'Klubben', kind: 'NETWORK', networkContactName: 'Anna' });
    expect(input.joinPartyId).toBeNull();
  });
});

test.each([
  ['', 'userErrors.REQUIRED'],
  ['kort', 'validation.passwordTooShort'],
  ['tillräckligt lång', null],
])('validatePassword(%j) = %s', (password, expected) => {
  expect(validatePassword(password)).toBe(expected);
});

test('focus goes to the first field in page order', () => {
  expect(
    firstErrorField({ 'createParty.kind': 'x', password: 'y', joinPartyId: 'z' }, REGISTRATION_FIELD_ORDER),
  ).toBe('password');
  expect(firstErrorField({}, REGISTRATION_FIELD_ORDER)).toBeNull();
});
