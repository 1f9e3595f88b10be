import { describe, expect, test } from 'vitest';
import {
  AccessionAction,
  AccessionStatus,
  PartyKind,
  PartySector,
  canTakeAccessionAction,
  checkOrganisationNumber,
  requiresOrganisationNumber,
  sectorOf,
} from './parties.js';

describe('checkOrganisationNumber', () => {
  test.each([
    ['802002-3746', { valid: true, normalised: '802002-3746' }],
    ['8020023746', { valid: true, normalised: '802002-3746' }],
    [' 212000-1884 ', { valid: true, normalised: '212000-1884' }],
    ['802002-3744', { valid: false, reason: 'CHECK_DIGIT' }],
    ['80200-23744', { valid: false, reason: 'FORMAT' }],
    ['abcdef-ghij', { valid: false, reason: 'FORMAT' }],
    ['', { valid: false, reason: 'FORMAT' }],
  ])('%s', (value, expected) => {
    expect(checkOrganisationNumber(value)).toEqual(expected);
  });
});

test('networks alone may join without an organisationsnummer', () => {
  expect(Object.values(PartyKind).filter((kind) => !requiresOrganisationNumber(kind))).toEqual([
    PartyKind.NETWORK,
  ]);
});

test('municipal boards, departments and companies are the municipal sector', () => {
  expect(Object.values(PartyKind).filter((kind) => sectorOf(kind) === PartySector.MUNICIPAL)).toEqual([
    PartyKind.MUNICIPAL_BOARD,
    PartyKind.MUNICIPAL_DEPARTMENT,
    PartyKind.MUNICIPAL_COMPANY,
  ]);
});

test.each([
  [AccessionStatus.REQUESTED, AccessionAction.APPROVE, true],
  [AccessionStatus.REQUESTED, AccessionAction.EXCLUDE, false],
  [AccessionStatus.APPROVED, AccessionAction.EXCLUDE, true],
  [AccessionStatus.APPROVED, AccessionAction.WITHDRAW, true],
  [AccessionStatus.REJECTED, AccessionAction.APPROVE, false],
  [AccessionStatus.EXCLUDED, AccessionAction.WITHDRAW, false],
])('a %s accession may %s: %s', (status, action, allowed) => {
  expect(canTakeAccessionAction(status, action)).toBe(allowed);
});
