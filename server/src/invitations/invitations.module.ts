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
// H3 consultations: responses and the compilation.
import {
  ConsultationInvitationResolver,
  ConsultationPositionResolver,
  ConsultationResponseResolver,
} from './consultation-responses.resolver.js';
import { ConsultationCompilationResolver } from './consultation-compilation.resolver.js';
import { CONSULTATION_RESPONSE_MUTATION_RULES } from './consultation-responses.policy.js';
import { CONSULTATION_COMPILATION_MUTATION_RULES } from './consultation-compilation.policy.js';

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
    // H3 consultations
    ConsultationInvitationResolver,
    ConsultationResponseResolver,
    ConsultationPositionResolver,
    ConsultationCompilationResolver,
  ],
  policies: [
    // H3 consultations
    { policy: 'invitation', rules: CONSULTATION_RESPONSE_MUTATION_RULES },
    { policy: 'invitation', rules: CONSULTATION_COMPILATION_MUTATION_RULES },
  ],
};
