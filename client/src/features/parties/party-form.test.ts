import { tooLong } from '../../lib/errors';
import { describe, expect, test } from 'vitest';
import { PartyKind } from '@samverka/domain';
import {
  emptyPartyForm,
  isNetwork,
  parseAreas,
  PARTY_KIND_GROUPS,
  partyInput,
  validatePartyForm,
  type PartyForm,
} from './party-form';

const form = (changes: Partial<PartyForm>): PartyForm => ({
  ...emptyPartyForm(),
  name: 'Örebro Schackklubb',
  kind: PartyKind.NON_PROFIT_ASSOCIATION,
  organisationNumber: '802002-4280',
  ...changes,
});

describe('validatePartyForm', () => {
  test.each([
    ['a complete association', {}, {}],
    ['no name', { name: '  ' }, { name: 'userErrors.REQUIRED' }],
    ['a name too long', { name: 'x'.repeat(201) }, { name: tooLong(200) }],
    ['no kind', { kind: '' as const }, { kind: 'userErrors.REQUIRED' }],
    ['no organisationsnummer', { organisationNumber: '' }, { organisationNumber: 'userErrors.REQUIRED' }],
    [
      'a malformed organisationsnummer',
      { organisationNumber: '80200-4280' },
      { organisationNumber: 'validation.orgNumberFormat' },
    ],
    [
      'a wrong check digit',
      { organisationNumber: '802002-4281' },
      { organisationNumber: 'validation.orgNumberCheckDigit' },
    ],
    ['without the hyphen', { organisationNumber: '8020024280' }, {}],
    [
      'a network needs a contact person and participants instead',
      { kind: PartyKind.NETWORK, organisationNumber: '' },
      { networkContactName: 'userErrors.REQUIRED', networkParticipants: 'userErrors.REQUIRED' },
    ],
    [
      'a complete network',
      {
        kind: PartyKind.NETWORK,
        organisationNumber: '',
        networkContactName: 'Anna',
        networkParticipants: 'Fem föreningar',
      },
      {},
    ],
    [
      'a network that gives a wrong organisationsnummer',
      {
        kind: PartyKind.NETWORK,
        organisationNumber: '1',
        networkContactName: 'Anna',
        networkParticipants: 'Alla',
      },
      { organisationNumber: 'validation.orgNumberFormat' },
    ],
    [
      'a municipal board needs one too',
      { kind: PartyKind.MUNICIPAL_BOARD, organisationNumber: '' },
      { organisationNumber: 'userErrors.REQUIRED' },
    ],
    ['a description too long', { description: 'x'.repeat(4001) }, { description: tooLong(4000) }],
    ['a website too long', { website: 'x'.repeat(301) }, { website: tooLong(300) }],
  ] as [string, Partial<PartyForm>, Record<string, string>][])('%s', (_name, changes, expected) => {
    expect(validatePartyForm(form(changes))).toEqual(expected);
  });

  test('keys carry the prefix of the input they sit in', () => {
    expect(validatePartyForm(form({ name: '' }), 'createParty.')).toEqual({
      'createParty.name': 'userErrors.REQUIRED',
    });
  });
});

describe('parseAreas', () => {
  test.each([
    ['idrott, integration', ['idrott', 'integration']],
    [' idrott ,, kultur ,', ['idrott', 'kultur']],
    ['idrott, idrott', ['idrott']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseAreas(text)).toEqual(expected);
  });
});

describe('partyInput', () => {
  test('normalises the organisationsnummer, trims and nulls blanks, drops network fields for others', () => {
    expect(
      partyInput(
        form({
          organisationNumber: '8020024280',
          description: '  ',
          networkContactName: 'x',
          areasOfInterest: 'a, b',
        }),
      ),
    ).toEqual({
      name: 'Örebro Schackklubb',
      kind: 'NON_PROFIT_ASSOCIATION',
      organisationNumber: '802002-4280',
      description: null,
      areasOfInterest: ['a', 'b'],
      publicContact: null,
      website: null,
      networkContactName: null,
      networkParticipants: null,
    });
  });

  test('a network keeps its contact person and participants', () => {
    const input = partyInput(
      form({
        kind: PartyKind.NETWORK,
        organisationNumber: '',
        networkContactName: ' Anna ',
        networkParticipants: 'Alla',
      }),
    );
    expect([input.organisationNumber, input.networkContactName, input.networkParticipants]).toEqual([
      null,
      'Anna',
      'Alla',
    ]);
    expect(isNetwork({ kind: PartyKind.NETWORK })).toBe(true);
  });
});

test('the ten kinds are grouped civil society first, then municipal', () => {
  expect(PARTY_KIND_GROUPS.map((g) => [g.sector, g.kinds.length])).toEqual([
    ['CIVIL_SOCIETY', 7],
    ['MUNICIPAL', 3],
  ]);
});
