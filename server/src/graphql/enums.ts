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
