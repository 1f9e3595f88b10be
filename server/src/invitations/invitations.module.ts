import type { FeatureModule } from '../feature-module.js';
import { Invitation } from './invitation.entity.js';
import { InvitationInvitee } from './invitation-invitee.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { OccasionParticipant } from './occasion-participant.entity.js';
import { InvitationReply } from './invitation-reply.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationPosition } from './consultation-position.entity.js';
import { InvitationEvent } from './invitation-event.entity.js';
import { InvitationResolver } from './invitation.resolver.js';
import {
  OccasionParticipantResolver,
  OccasionRegistrationResolver,
} from './occasion-registration.resolver.js';
import { InvitationRepliesResolver, InvitationReplyResolver } from './invitation-replies.resolver.js';
import { OCCASION_REGISTRATION_MUTATION_RULES } from './occasion-registration.policy.js';
import { INVITATION_REPLIES_MUTATION_RULES } from './invitation-replies.policy.js';
import { InvitationIndicatorsResolver } from './invitation-indicators.resolver.js';
import { invitationFeedRoutes } from './invitation-feeds.js';
import { InvitationAuthoringResolver } from './invitation-authoring.resolver.js';
import { INVITATION_AUTHORING_MUTATION_RULES } from './invitation-authoring.policy.js';
import { invitationClockKind } from './invitation-clock.js';
import {
  ConsultationInvitationResolver,
  ConsultationPositionResolver,
  ConsultationResponseResolver,
} from './consultation-responses.resolver.js';
import { ConsultationCompilationResolver } from './consultation-compilation.resolver.js';
import { CONSULTATION_RESPONSE_MUTATION_RULES } from './consultation-responses.policy.js';
import { CONSULTATION_COMPILATION_MUTATION_RULES } from './consultation-compilation.policy.js';
import { InvitationFeedbackResolver } from './invitation-feedback.resolver.js';
import { InvitationFollowUpResolver } from './invitation-follow-up.resolver.js';
import { INVITATION_FEEDBACK_MUTATION_RULES } from './invitation-feedback.policy.js';
import { InvitationNotificationResolver } from '../notifications/invitation-notification.resolver.js';
import { invitationRegisterResolvers } from './invitation-register.resolver.js';
import {
  invitationChangedField,
  invitationsChangedField,
  partyInvitationsChangedField,
} from './invitation-live.js';

/** Early dialogue: invitations and consultations (remiss), their occasions, answers, compilation and feedback. */
export const invitationsModule: FeatureModule = {
  name: 'invitations',
  entities: [
    Invitation,
    InvitationInvitee,
    InvitationOccasion,
    OccasionParticipant,
    InvitationReply,
    ConsultationProposal,
    ConsultationResponse,
    ConsultationPosition,
    InvitationEvent,
  ],
  resolvers: [
    InvitationResolver,
    OccasionRegistrationResolver,
    OccasionParticipantResolver,
    InvitationRepliesResolver,
    InvitationReplyResolver,
    InvitationIndicatorsResolver,
    InvitationAuthoringResolver,
    ConsultationInvitationResolver,
    ConsultationResponseResolver,
    ConsultationPositionResolver,
    ConsultationCompilationResolver,
    InvitationFeedbackResolver,
    InvitationFollowUpResolver,
    InvitationNotificationResolver,
    ...invitationRegisterResolvers,
  ],
  policies: [
    { policy: 'invitation', rules: OCCASION_REGISTRATION_MUTATION_RULES },
    { policy: 'invitation', rules: INVITATION_REPLIES_MUTATION_RULES },
    { policy: 'invitation', rules: INVITATION_AUTHORING_MUTATION_RULES },
    { policy: 'invitation', rules: CONSULTATION_RESPONSE_MUTATION_RULES },
    { policy: 'invitation', rules: CONSULTATION_COMPILATION_MUTATION_RULES },
    { policy: 'invitation', rules: INVITATION_FEEDBACK_MUTATION_RULES },
  ],
  sideEffects: [invitationClockKind],
  http: invitationFeedRoutes,
  seed: async (em) => (await import('./invitation.seed.js')).seedDemoInvitations(em),
  liveFields: [invitationChangedField, invitationsChangedField, partyInvitationsChangedField],
};
