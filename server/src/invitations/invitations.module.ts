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
import { InvitationFeedbackResolver } from './invitation-feedback.resolver.js';
import { InvitationFollowUpResolver } from './invitation-follow-up.resolver.js';
import { INVITATION_FEEDBACK_MUTATION_RULES } from './invitation-feedback.policy.js';
import { InvitationNotificationResolver } from '../notifications/invitation-notification.resolver.js';

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
    InvitationFeedbackResolver,
    InvitationFollowUpResolver,
    InvitationNotificationResolver,
  ],
  policies: [{ policy: 'invitation', rules: INVITATION_FEEDBACK_MUTATION_RULES }],
};
