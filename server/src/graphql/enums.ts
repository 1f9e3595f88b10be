import { registerEnumType } from 'type-graphql';
import {
  AccessionStatus,
  ExclusionCaseStatus,
  MembershipRole,
  MembershipStatus,
  PartyKind,
  PartySector,
  AgendaItemKind,
  AgendaItemStatus,
  MeetingEventKind,
  MeetingStatus,
  PrincipleKey,
  SeatKind,
  UserErrorCode,
  Language,
  NotificationDelivery,
  NotificationKind,
  SubmissionAction,
  SubmissionKind,
  SubmissionPublication,
  SubmissionStatus,
  CompilationVerdict,
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  OccasionMode,
  ParticipantStatus,
  InvitationReplyKind,
  ProcessStage,
  ProposalStance,
} from '@samverka/domain';

registerEnumType(PrincipleKey, {
  name: 'PrincipleKey',
  description: 'The six principles of collaboration.',
  valuesConfig: {
    INDEPENDENCE: { description: 'Självständighet och oberoende.' },
    DIALOGUE: { description: 'Dialog.' },
    QUALITY: { description: 'Kvalitet.' },
    LONG_TERM: { description: 'Långsiktighet och stabila förutsättningar.' },
    OPENNESS: { description: 'Öppenhet och insyn.' },
    DIVERSITY: { description: 'Mångfald.' },
  },
});
registerEnumType(SeatKind, {
  name: 'SeatKind',
  description: 'Which part of Samverkansrådet a seat belongs to.',
});
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting is in its workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; only the coordinator and the chair see it.' },
    AGENDA_PUBLISHED: { description: 'The agenda is public; the meeting has not started.' },
    IN_PROGRESS: { description: 'The meeting is running; the live agenda follows it.' },
    CLOSED: { description: 'The meeting is over.' },
  },
});
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What kind of agenda item this is.',
});
registerEnumType(AgendaItemStatus, {
  name: 'AgendaItemStatus',
  description: 'Where an agenda item is in the meeting.',
  valuesConfig: {
    PENDING: { description: 'Not yet dealt with.' },
    CURRENT: { description: 'Being dealt with now.' },
    DONE: { description: 'Dealt with.' },
    DEFERRED: { description: 'Deferred to a later meeting (bordlagd).' },
  },
});
registerEnumType(MeetingEventKind, {
  name: 'MeetingEventKind',
  description: 'What happened to a meeting.',
  valuesConfig: {
    RESYNC: {
      description:
        'Not a change: the events after your cursor could not all be replayed (too many, pruned, or an unknown ' +
        'cursor), so this is the meeting as it is now, with the cursor it reflects; changes after it follow. ' +
        'Replace your state with it.',
    },
  },
});
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why input was refused; clients translate it.',
});
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description:
    'Kinds of organisation that may join: civil society (association, foundation, …) or municipal.',
  valuesConfig: {
    NON_PROFIT_ASSOCIATION: { description: 'Ideell förening.' },
    FOUNDATION: { description: 'Stiftelse.' },
    STUDY_ASSOCIATION: { description: 'Studieförbund.' },
    FAITH_COMMUNITY: { description: 'Registrerat trossamfund.' },
    SOCIAL_ENTERPRISE: { description: 'Socialt företag.' },
    NETWORK: { description: 'Nätverk; may join without an organisationsnummer.' },
    UMBRELLA_ORGANISATION: { description: 'Paraplyorganisation, such as Örebro Föreningsråd.' },
    MUNICIPAL_BOARD: { description: 'Kommunal nämnd.' },
    MUNICIPAL_DEPARTMENT: { description: 'Kommunal förvaltning.' },
    MUNICIPAL_COMPANY: { description: 'Kommunalt bolag.' },
  },
});
registerEnumType(PartySector, { name: 'PartySector', description: 'Civil society or the municipality.' });
registerEnumType(AccessionStatus, {
  name: 'AccessionStatus',
  description: 'Where an accession stands.',
  valuesConfig: {
    REQUESTED: { description: 'Asked to join; the coordinator has not decided.' },
    APPROVED: { description: 'Joined.' },
    REJECTED: { description: 'Rejected by the coordinator, with a reason.' },
    WITHDRAWN: { description: 'Withdrawn by the party.' },
    EXCLUDED: { description: 'Excluded after a decision of Samverkansrådet.' },
  },
});
registerEnumType(ExclusionCaseStatus, {
  name: 'ExclusionCaseStatus',
  description: 'Where an exclusion case stands.',
});
registerEnumType(MembershipRole, { name: 'MembershipRole', description: "A person's role in a party." });
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'Whether a membership is asked for or active.',
});
registerEnumType(SubmissionKind, {
  name: 'SubmissionKind',
  description: 'What a party raises with Samverkansrådet.',
  valuesConfig: {
    QUESTION: { description: 'A specific question for dialogue (fråga för dialog).' },
    OBSTACLE: { description: 'An obstacle to collaboration (hinder för samverkan).' },
    PROPOSAL: { description: 'A proposal (förslag).' },
  },
});
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'Where a submission is in its workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being written; only the submitting party sees it.' },
    SUBMITTED: { description: 'Sent; waits for the coordinator to register it.' },
    RETURNED: { description: 'Sent back to the party to complete and submit again.' },
    REGISTERED: { description: 'Registered with a registration number.' },
    REFERRED: { description: 'Referred to a department for a written answer by a date.' },
    SCHEDULED: { description: 'On an agenda item of a Samverkansrådet meeting.' },
    ANSWERED: { description: "Answered by the meeting's decision or in writing." },
    CLOSED: { description: 'Done.' },
    WITHDRAWN: { description: 'Withdrawn by the party.' },
    DECLINED: { description: "Declined with a stated reason (outside the agreement's scope)." },
  },
});
registerEnumType(SubmissionPublication, {
  name: 'SubmissionPublication',
  description: 'Whether a matter is public (öppenhet och insyn) or handled without publication.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone sees it.' },
    RESTRICTION_REQUESTED: {
      description: 'The submitter asked for no publication; shown restricted until the coordinator decides.',
    },
    RESTRICTED: { description: 'The public sees only that it exists, its number and its status.' },
  },
});
registerEnumType(SubmissionAction, {
  name: 'SubmissionAction',
  description: 'A step of the submission workflow (packages/domain, SUBMISSION_TRANSITIONS).',
});
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification tells of; each person chooses per kind how it reaches them by mail.',
  valuesConfig: {
    SUBMISSION_STEP: { description: 'A followed matter changed status.' },
    SUBMISSION_ANSWERED: { description: 'A followed matter was answered.' },
    SUBMISSION_MESSAGE: { description: "A new message in a matter's conversation." },
  },
});
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How a kind of notification reaches a person by mail.',
  valuesConfig: {
    IMMEDIATE: { description: 'A mail at once.' },
    DAILY: { description: 'In a daily digest.' },
    WEEKLY: { description: 'In a weekly digest.' },
    NONE: { description: 'No mail; in the app only.' },
  },
});
registerEnumType(Language, {
  name: 'Language',
  description: 'A language Samverka speaks: Swedish or English.',
});

registerEnumType(InvitationKind, {
  name: 'InvitationKind',
  description: 'A dialogue invitation, or a consultation (remiss) asking for written responses.',
});
registerEnumType(ProcessStage, {
  name: 'ProcessStage',
  description:
    'How far the process an invitation concerns has come: idea, investigation, proposal, decision, follow-up.',
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation is in its workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being written; only the inviting party sees it.' },
    PUBLISHED: { description: 'Open: parties register, give input, respond.' },
    REGISTRATION_CLOSED: { description: 'The last day to register has passed; occasions still to come.' },
    HELD: { description: 'The last occasion has been held; feedback is due.' },
    DEADLINE_PASSED: {
      description: 'The consultation’s deadline has passed; feedback and compilation are due.',
    },
    FEEDBACK_PUBLISHED: { description: 'The inviter has told what came of the dialogue.' },
    CLOSED: { description: 'Done.' },
    CANCELLED: { description: 'Called off with a reason.' },
  },
});
registerEnumType(InvitationAudience, {
  name: 'InvitationAudience',
  description: 'Who an invitation is for: all parties, kinds of party, areas of interest, or named parties.',
});
registerEnumType(OccasionMode, { name: 'OccasionMode', description: 'Digital with a link, or at a place.' });
registerEnumType(ParticipantStatus, {
  name: 'ParticipantStatus',
  description: 'A participant’s place on an occasion: a seat, the waiting list, or cancelled.',
});
registerEnumType(InvitationReplyKind, {
  name: 'InvitationReplyKind',
  description: 'A party’s written answer to a dialogue invitation: input, or declining with a reason.',
});
registerEnumType(ProposalStance, {
  name: 'ProposalStance',
  description:
    'A consultation response’s view of a proposal: supports (tillstyrker), opposes (avstyrker), no view.',
});
registerEnumType(CompilationVerdict, {
  name: 'CompilationVerdict',
  description:
    'How the compilation (remissammanställning) answers a response: adopted, partly adopted, not adopted.',
});
registerEnumType(InvitationAction, {
  name: 'InvitationAction',
  description: 'A step of an invitation’s workflow; viewerActions lists those the viewer may take now.',
});
