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
  resolvers: [InvitationResolver, ...invitationRegisterResolvers],
  liveFields: [invitationChangedField, invitationsChangedField, partyInvitationsChangedField],
  policies: [],
};
