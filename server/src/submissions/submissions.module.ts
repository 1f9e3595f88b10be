import type { FeatureModule } from '../feature-module.js';
import { Submission } from './submission.entity.js';
import { SubmissionCosignature } from './submission-cosignature.entity.js';
import { SubmissionEvent } from './submission-event.entity.js';
import { SubmissionMessage } from './submission-message.entity.js';
import { SubmissionFollow } from './submission-follow.entity.js';
import { RegistrationCounter } from './registration-counter.entity.js';
import { SubmissionResolver } from './submission.resolver.js';
import {
  SubmissionRegisterFieldsResolver,
  SubmissionRegisterResolver,
} from './submission-register.resolver.js';
import { submissionsChangedField } from './submission-register-live.js';
import { submissionFeedRoutes } from './submission-register-feed.js';

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
  resolvers: [SubmissionResolver, SubmissionRegisterResolver, SubmissionRegisterFieldsResolver],
  liveFields: [submissionsChangedField],
  http: submissionFeedRoutes,
  seed: async (em) => (await import('./submission-register.seed.js')).seedDemoSubmissions(em),
};
