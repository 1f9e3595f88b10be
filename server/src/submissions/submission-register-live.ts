import type { LiveField } from '../live/live-hub.js';
import { SUBMISSIONS_TOPIC } from '../live/publish.js';
import type { SubmissionsChangedEvent } from './submission-register.resolver.js';

/**
 * The public register, live: anyone may watch it. The event carries only a cursor and the kind of step, never
 * content, so the payload is the same for every viewer and reveals nothing of a draft or a restricted matter.
 */
export const submissionsChangedField: LiveField<SubmissionsChangedEvent> = {
  fieldName: 'submissionsChanged',
  subjectType: null,

  async open() {
    return { topic: SUBMISSIONS_TOPIC, subjectId: null, role: 'public' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};
