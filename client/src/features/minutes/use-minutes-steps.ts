import { ref } from 'vue';
import type { TypedDocumentNode } from '@apollo/client/core';
import {
  ApproveMinutesDocument,
  DraftMinutesDocument,
  EditMinutesDocument,
  PublishMinutesDocument,
  RequestMinutesCorrectionDocument,
  SendMinutesForApprovalDocument,
  type EditMinutesInput,
  type MinutesPayloadFieldsFragment,
} from '../../gql/graphql';
import { usePayloadMutation } from '../../lib/use-payload-mutation';

/** The texts the drafter corrects, as the edit form holds them. */
export interface MinutesTexts {
  openingNote: string;
  closingNote: string;
  paragraphs: { number: number; decision: string; minute: string }[];
}

/**
 * The steps of the minutes' workflow, each a payload mutation. A step that succeeds says so (`done`, an i18n
 * key for the page's live region) and calls `refresh`, since minutes have no id for Apollo's cache to update.
 */
export function useMinutesSteps(meetingId: () => string, refresh: () => unknown) {
  const { busy, fieldErrors, alerts, run } = usePayloadMutation();
  const done = ref<string | null>(null);

  async function step<TData, TVariables extends Record<string, unknown>>(
    mutation: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    pick: (data: TData) => MinutesPayloadFieldsFragment,
    doneKey: string,
  ): Promise<boolean> {
    done.value = null;
    const payload = await run(mutation, variables, pick);
    if (!payload) return false;
    done.value = doneKey;
    await refresh();
    return true;
  }

  const stepInput = (expectedVersion: number) => ({ input: { meetingId: meetingId(), expectedVersion } });

  return {
    busy,
    fieldErrors,
    alerts,
    done,
    draft: () =>
      step(
        DraftMinutesDocument,
        { input: { meetingId: meetingId() } },
        (d) => d.draftMinutes,
        'minutes.drafted',
      ),
    edit: (expectedVersion: number, texts: MinutesTexts) => {
      const input: EditMinutesInput = { meetingId: meetingId(), expectedVersion, ...texts };
      return step(EditMinutesDocument, { input }, (d) => d.editMinutes, 'minutes.saved');
    },
    send: (expectedVersion: number) =>
      step(
        SendMinutesForApprovalDocument,
        stepInput(expectedVersion),
        (d) => d.sendMinutesForApproval,
        'minutes.sent',
      ),
    approve: (expectedVersion: number) =>
      step(ApproveMinutesDocument, stepInput(expectedVersion), (d) => d.approveMinutes, 'minutes.approved'),
    requestCorrection: (expectedVersion: number, note: string) =>
      step(
        RequestMinutesCorrectionDocument,
        { input: { meetingId: meetingId(), expectedVersion, note } },
        (d) => d.requestMinutesCorrection,
        'minutes.correctionSent',
      ),
    publish: (expectedVersion: number) =>
      step(PublishMinutesDocument, stepInput(expectedVersion), (d) => d.publishMinutes, 'minutes.published'),
  };
}
