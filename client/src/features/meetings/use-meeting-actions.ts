import { ref, type Ref } from 'vue';
import { useApolloClient } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@apollo/client/core';
import {
  CloseMeetingDocument,
  CompleteAgendaItemDocument,
  DeferAgendaItemDocument,
  MakeAgendaItemCurrentDocument,
  MoveToNextAgendaItemDocument,
  MoveToPreviousAgendaItemDocument,
  PauseAgendaTimerDocument,
  PublishAgendaDocument,
  RecordAgendaItemOutcomeDocument,
  ResumeAgendaTimerDocument,
  StartMeetingDocument,
  type MeetingDetailsFragment,
  type UserErrorCode,
} from '../../gql/graphql';
import { topLevelErrorKey, type FieldMessage } from '../../lib/errors';
import { interpretPayload, type ChairAction, type ItemAction } from './meeting-actions';

/** Every chair mutation returns a MeetingPayload under its own field name. */
interface MeetingPayload {
  meeting: MeetingDetailsFragment | null;
  errors: { field: string[]; message: string; code: UserErrorCode }[];
}
type AnyDocument = TypedDocumentNode<Record<string, MeetingPayload>, { input: Record<string, unknown> }>;

const MEETING_DOCUMENTS: Record<ChairAction, AnyDocument> = {
  publishAgenda: PublishAgendaDocument as unknown as AnyDocument,
  startMeeting: StartMeetingDocument as unknown as AnyDocument,
  previous: MoveToPreviousAgendaItemDocument as unknown as AnyDocument,
  next: MoveToNextAgendaItemDocument as unknown as AnyDocument,
  pause: PauseAgendaTimerDocument as unknown as AnyDocument,
  resume: ResumeAgendaTimerDocument as unknown as AnyDocument,
  close: CloseMeetingDocument as unknown as AnyDocument,
};

const ITEM_DOCUMENTS: Record<ItemAction, AnyDocument> = {
  makeCurrent: MakeAgendaItemCurrentDocument as unknown as AnyDocument,
  complete: CompleteAgendaItemDocument as unknown as AnyDocument,
  defer: DeferAgendaItemDocument as unknown as AnyDocument,
  recordOutcome: RecordAgendaItemOutcomeDocument as unknown as AnyDocument,
};

/**
 * Runs chair mutations with `expectedVersion: meeting.version`. Payload errors become field errors or an
 * alert; a stale version shows a notice and refetches; top-level errors are translated by code.
 */
export function useMeetingActions(meeting: Ref<MeetingDetailsFragment | null>, refetch: () => unknown) {
  const { resolveClient } = useApolloClient();
  const busy = ref(false);
  const alerts = ref<string[]>([]);
  /** Field errors of the last item mutation, keyed by agenda item id, then field. */
  const fieldErrors = ref<Record<string, Record<string, FieldMessage>>>({});
  const savedItemId = ref<string | null>(null);

  async function mutate(
    document: AnyDocument,
    input: Record<string, unknown>,
    itemId?: string,
  ): Promise<boolean> {
    const current = meeting.value;
    if (!current || busy.value) return false;
    busy.value = true;
    alerts.value = [];
    savedItemId.value = null;
    if (itemId) fieldErrors.value = { ...fieldErrors.value, [itemId]: {} };
    try {
      const { data } = await resolveClient().mutate({
        mutation: document,
        variables: { input: { meetingId: current.id, expectedVersion: current.version, ...input } },
      });
      const payload = data ? Object.values(data)[0] : undefined;
      const outcome = interpretPayload(payload?.errors ?? []);
      alerts.value = outcome.alerts;
      if (itemId) fieldErrors.value = { ...fieldErrors.value, [itemId]: outcome.byField };
      if (outcome.stale) await refetch();
      return outcome.ok;
    } catch (error) {
      alerts.value = [topLevelErrorKey(error)];
      return false;
    } finally {
      busy.value = false;
    }
  }

  const runMeetingAction = (action: ChairAction) => mutate(MEETING_DOCUMENTS[action], {});

  async function runItemAction(
    action: ItemAction,
    itemId: string,
    outcome?: { decision: string | null; minute: string | null },
  ): Promise<boolean> {
    const ok = await mutate(ITEM_DOCUMENTS[action], { agendaItemId: itemId, ...(outcome ?? {}) }, itemId);
    if (ok && action === 'recordOutcome') savedItemId.value = itemId;
    return ok;
  }

  return { busy, alerts, fieldErrors, savedItemId, runMeetingAction, runItemAction };
}
