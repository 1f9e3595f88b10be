import type { FeatureModule } from '../feature-module.js';
import { Submission } from './submission.entity.js';
import { SubmissionCosignature } from './submission-cosignature.entity.js';
import { SubmissionEvent } from './submission-event.entity.js';
import { SubmissionMessage } from './submission-message.entity.js';
import { SubmissionFollow } from './submission-follow.entity.js';
import { RegistrationCounter } from './registration-counter.entity.js';
import { SubmissionResolver } from './submission.resolver.js';
import { submissionQueueResolvers } from './submission-queues.resolver.js';
import { partySubmissionsChangedField, submissionQueueChangedField } from './submission-queues-live.js';
import {
  SubmissionRegisterFieldsResolver,
  SubmissionRegisterResolver,
} from './submission-register.resolver.js';
import { submissionsChangedField } from './submission-register-live.js';
import { submissionFeedRoutes } from './submission-register-feed.js';
import { SubmissionMatterResolver } from './submission-matter.resolver.js';
import { submissionChangedField } from './submission-matter-live.js';
import { SUBMISSION_MATTER_MUTATION_RULES } from './submission-matter.policy.js';
import {
  AgendaItemSubmissionsResolver,
  SubmissionSchedulingResolver,
} from './submission-scheduling.resolver.js';
import { SUBMISSION_SCHEDULING_MUTATION_RULES } from './submission-scheduling.policy.js';
import { SubmissionLifecycleResolver } from './submission-lifecycle.resolver.js';
import { SUBMISSION_LIFECYCLE_MUTATION_RULES } from './submission-lifecycle.policy.js';

/** Matters raised with Samverkansrådet: drafts, the workflow, the register, timeline, conversation, followers. */
export const submissionsModule: FeatureModule = {
  name: 'submissions',
  entities: [
    Submission,
    SubmissionCosignature,
    SubmissionEvent,
    SubmissionMessage,
    SubmissionFollow,
    RegistrationCounter,
  ],
  resolvers: [
    SubmissionResolver,
    ...submissionQueueResolvers,
    SubmissionRegisterResolver,
    SubmissionRegisterFieldsResolver,
    SubmissionMatterResolver,
    SubmissionSchedulingResolver,
    AgendaItemSubmissionsResolver,
    SubmissionLifecycleResolver,
  ],
  liveFields: [
    submissionQueueChangedField,
    partySubmissionsChangedField,
    submissionsChangedField,
    submissionChangedField,
  ],
  http: submissionFeedRoutes,
  seed: async (em) => (await import('./submission-register.seed.js')).seedDemoSubmissions(em),
  policies: [
    { policy: 'submission', rules: SUBMISSION_MATTER_MUTATION_RULES },
    { policy: 'submission', rules: SUBMISSION_SCHEDULING_MUTATION_RULES },
    { policy: 'submission', rules: SUBMISSION_LIFECYCLE_MUTATION_RULES },
  ],
};
