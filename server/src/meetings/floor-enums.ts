import { registerEnumType } from 'type-graphql';
import { AttendanceChange, AttendanceState, SpeakerStatus } from '@samverka/domain';

registerEnumType(AttendanceState, {
  name: 'AttendanceState',
  description: "Where a person stands in a meeting's attendance (närvaro).",
  valuesConfig: {
    ABSENT: { description: 'Not recorded present.' },
    PRESENT: { description: 'Present now.' },
    LEFT: { description: 'Was present and left during the meeting.' },
  },
});
registerEnumType(AttendanceChange, {
  name: 'AttendanceChange',
  description: 'What the chair records about one person.',
  valuesConfig: {
    PRESENT_AT_START: { description: 'Roll call: present from the start.' },
    NOT_PRESENT_AT_START: { description: 'Undoes a roll call made by mistake, before the meeting starts.' },
    ARRIVED: { description: 'Came during the meeting.' },
    LEFT: { description: 'Left during the meeting.' },
  },
});
registerEnumType(SpeakerStatus, {
  name: 'SpeakerStatus',
  description: "Where a speaker (talare) is on an item's speakers' list.",
  valuesConfig: {
    WAITING: { description: 'Asked for the floor and waits.' },
    SPEAKING: { description: 'Has the floor now.' },
    DONE: { description: 'Has spoken.' },
    WITHDRAWN: { description: 'Withdrew, or the chair took the request off the list.' },
  },
});
