import { registerEnumType } from 'type-graphql';
import {
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
registerEnumType(MeetingEventKind, { name: 'MeetingEventKind', description: 'What happened to a meeting.' });
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why input was refused; clients translate it.',
});
