import { describe, expect, test } from 'vitest';
import {
  MINUTES_TRANSITIONS,
  MinutesAction,
  MinutesRole,
  MinutesStatus,
  allowedMinutesActions,
  canTakeMinutesAction,
  statusAfterApproval,
} from './minutes-workflow.js';

const { DRAFTER, APPROVER } = MinutesRole;

describe('the minutes workflow', () => {
  test('the drafter edits and sends a draft; nothing else can be done with it', () => {
    expect(allowedMinutesActions(MinutesStatus.DRAFT, [DRAFTER])).toEqual([
      MinutesAction.EDIT,
      MinutesAction.SEND_FOR_APPROVAL,
    ]);
    expect(allowedMinutesActions(MinutesStatus.DRAFT, [APPROVER])).toEqual([]);
  });

  test('sent minutes are approved or sent back by an approver, and the drafter can no longer edit them', () => {
    expect(allowedMinutesActions(MinutesStatus.SENT_FOR_APPROVAL, [APPROVER])).toEqual([
      MinutesAction.APPROVE,
      MinutesAction.REQUEST_CORRECTION,
    ]);
    expect(allowedMinutesActions(MinutesStatus.SENT_FOR_APPROVAL, [DRAFTER])).toEqual([]);
    expect(MINUTES_TRANSITIONS[MinutesAction.REQUEST_CORRECTION].to).toBe(MinutesStatus.DRAFT);
  });

  test('a chair who drafts and approves has both roles', () => {
    expect(allowedMinutesActions(MinutesStatus.SENT_FOR_APPROVAL, [DRAFTER, APPROVER])).toContain(
      MinutesAction.APPROVE,
    );
    expect(allowedMinutesActions(MinutesStatus.DRAFT, [DRAFTER, APPROVER])).toContain(MinutesAction.EDIT);
  });

  test('approved minutes are published by the drafter; published minutes are final', () => {
    expect(allowedMinutesActions(MinutesStatus.APPROVED, [DRAFTER])).toEqual([MinutesAction.PUBLISH]);
    expect(allowedMinutesActions(MinutesStatus.APPROVED, [APPROVER])).toEqual([]);
    expect(allowedMinutesActions(MinutesStatus.PUBLISHED, [DRAFTER, APPROVER])).toEqual([]);
  });

  test('nobody without a role takes any step', () => {
    for (const status of Object.values(MinutesStatus)) {
      for (const action of Object.values(MinutesAction)) {
        expect(canTakeMinutesAction(status, action, [])).toBe(false);
      }
    }
  });

  test('the minutes are approved once the chair and every adjuster have approved', () => {
    const now = new Date();
    expect(statusAfterApproval([{ approvedAt: now }, { approvedAt: null }])).toBe(
      MinutesStatus.SENT_FOR_APPROVAL,
    );
    expect(statusAfterApproval([{ approvedAt: now }, { approvedAt: now }, { approvedAt: now }])).toBe(
      MinutesStatus.APPROVED,
    );
  });
});
