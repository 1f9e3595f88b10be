import { describe, expect, test } from 'vitest';
import {
  SubmissionAction,
  SubmissionRole,
  SubmissionStatus,
  allowedSubmissionActions,
  canTakeSubmissionAction,
  formatRegistrationNumber,
  isValidRegistrationPattern,
} from './submissions.js';

describe('the submission workflow', () => {
  test('a draft is the party’s to edit and submit, nobody else’s', () => {
    expect(allowedSubmissionActions(SubmissionStatus.DRAFT, [SubmissionRole.SUBMITTER])).toEqual([
      SubmissionAction.EDIT,
      SubmissionAction.SUBMIT,
    ]);
    expect(allowedSubmissionActions(SubmissionStatus.DRAFT, [SubmissionRole.COORDINATOR])).toEqual([]);
  });

  test('the coordinator registers, returns or declines a submitted matter', () => {
    expect(allowedSubmissionActions(SubmissionStatus.SUBMITTED, [SubmissionRole.COORDINATOR])).toEqual(
      expect.arrayContaining([
        SubmissionAction.REGISTER,
        SubmissionAction.RETURN_FOR_COMPLETION,
        SubmissionAction.DECLINE,
      ]),
    );
  });

  test('a returned matter is completed and submitted again by the party', () => {
    expect(
      canTakeSubmissionAction(SubmissionStatus.RETURNED, SubmissionAction.SUBMIT, [SubmissionRole.SUBMITTER]),
    ).toBe(true);
  });

  test('only the meeting answers a scheduled matter; the handler answers a referred one in writing', () => {
    expect(
      canTakeSubmissionAction(SubmissionStatus.SCHEDULED, SubmissionAction.RECORD_MEETING_ANSWER, [
        SubmissionRole.MEETING,
      ]),
    ).toBe(true);
    expect(
      canTakeSubmissionAction(SubmissionStatus.SCHEDULED, SubmissionAction.RECORD_MEETING_ANSWER, [
        SubmissionRole.COORDINATOR,
      ]),
    ).toBe(false);
    expect(
      canTakeSubmissionAction(SubmissionStatus.REFERRED, SubmissionAction.ANSWER_IN_WRITING, [
        SubmissionRole.HANDLER,
      ]),
    ).toBe(true);
  });

  test('nothing moves a closed, withdrawn or declined matter but the publication decision', () => {
    for (const status of [SubmissionStatus.CLOSED, SubmissionStatus.WITHDRAWN, SubmissionStatus.DECLINED]) {
      expect(allowedSubmissionActions(status, Object.values(SubmissionRole))).toEqual([
        SubmissionAction.DECIDE_PUBLICATION,
      ]);
    }
  });

  test('other parties stand behind a matter only while it is handled', () => {
    expect(
      canTakeSubmissionAction(SubmissionStatus.REGISTERED, SubmissionAction.COSIGN, [
        SubmissionRole.SUPPORTER,
      ]),
    ).toBe(true);
    expect(
      canTakeSubmissionAction(SubmissionStatus.ANSWERED, SubmissionAction.COSIGN, [SubmissionRole.SUPPORTER]),
    ).toBe(false);
  });
});

describe('registration numbers', () => {
  test('the municipality’s form by default', () => {
    expect(formatRegistrationNumber('{series} {number}/{year}', 'SR', 14, 2026)).toBe('SR 14/2026');
  });

  test('a padded number in another layout', () => {
    expect(formatRegistrationNumber('{series}-{year}-{number:4}', 'KS', 7, 2027)).toBe('KS-2027-0007');
  });

  test('a pattern without the number or the year is refused', () => {
    expect(isValidRegistrationPattern('{series} {number}/{year}')).toBe(true);
    expect(isValidRegistrationPattern('{series} {number}')).toBe(false);
    expect(isValidRegistrationPattern('{series}/{year}')).toBe(false);
  });
});
