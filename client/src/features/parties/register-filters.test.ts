import { describe, expect, test } from 'vitest';
import type { LocationQuery } from 'vue-router';
import { PartyKind, PartySector } from '@samverka/domain';
import {
  filtersFromQuery,
  filtersToQuery,
  filtersToVariables,
  kindsForSector,
  sortByName,
  type RegisterFilters,
} from './register-filters';

describe('filtersFromQuery', () => {
  test.each([
    ['nothing', {}, { search: '', kind: '', sector: '' }],
    ['a search', { sok: '  schack ' }, { search: 'schack', kind: '', sector: '' }],
    ['a kind', { typ: 'FOUNDATION' }, { search: '', kind: 'FOUNDATION', sector: '' }],
    ['a sector', { sektor: 'MUNICIPAL' }, { search: '', kind: '', sector: 'MUNICIPAL' }],
    ['an unknown kind is ignored', { typ: 'CLUB' }, { search: '', kind: '', sector: '' }],
    ['an unknown sector is ignored', { sektor: 'PRIVATE' }, { search: '', kind: '', sector: '' }],
    [
      'a kind outside the sector is dropped',
      { typ: 'FOUNDATION', sektor: 'MUNICIPAL' },
      { search: '', kind: '', sector: 'MUNICIPAL' },
    ],
    [
      'a kind inside the sector stays',
      { typ: 'MUNICIPAL_BOARD', sektor: 'MUNICIPAL' },
      { search: '', kind: 'MUNICIPAL_BOARD', sector: 'MUNICIPAL' },
    ],
    ['repeated parameters take the first', { sok: ['a', 'b'] }, { search: 'a', kind: '', sector: '' }],
  ] as [string, LocationQuery, object][])('%s', (_name, query, expected) => {
    expect(filtersFromQuery(query)).toEqual(expected);
  });
});

describe('filtersToQuery and filtersToVariables', () => {
  test.each([
    [{ search: '', kind: '', sector: '' }, {}, { search: null, kind: null, sector: null }],
    [
      { search: ' idrott ', kind: PartyKind.NETWORK, sector: PartySector.CIVIL_SOCIETY },
      { sok: 'idrott', typ: 'NETWORK', sektor: 'CIVIL_SOCIETY' },
      { search: 'idrott', kind: 'NETWORK', sector: 'CIVIL_SOCIETY' },
    ],
  ] as [RegisterFilters, object, object][])('%j', (filters, query, variables) => {
    expect(filtersToQuery(filters)).toEqual(query);
    expect(filtersToVariables(filters)).toEqual(variables);
  });

  test('a round trip through the address keeps the filters', () => {
    const filters = { search: 'kör', kind: PartyKind.STUDY_ASSOCIATION, sector: PartySector.CIVIL_SOCIETY };
    expect(filtersFromQuery(filtersToQuery(filters) as LocationQuery)).toEqual(filters);
  });
});

test.each([
  ['', 10],
  [PartySector.CIVIL_SOCIETY, 7],
  [PartySector.MUNICIPAL, 3],
] as const)('kindsForSector(%j) offers %i kinds', (sector, count) => {
  expect(kindsForSector(sector)).toHaveLength(count);
});

test('sortByName sorts as Swedish does', () => {
  const names = ['Örebro FF', 'Ängens förening', 'Åby IK', 'adelsö', 'Zonta'];
  expect(sortByName(names.map((name) => ({ name }))).map((p) => p.name)).toEqual([
    'adelsö',
    'Zonta',
    'Åby IK',
    'Ängens förening',
    'Örebro FF',
  ]);
});
