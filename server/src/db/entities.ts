import { Person } from '../accounts/person.entity.js';
import { Session } from '../accounts/session.entity.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { ActivityPlan } from '../activity-plan/activity-plan.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { LiveEvent } from '../live/live-event.entity.js';
import { Party } from '../parties/party.entity.js';
import { Membership } from '../parties/membership.entity.js';
import { CNatetRepresentative } from '../parties/cnatet-representative.entity.js';
import { Accession } from '../accession/accession.entity.js';
import { ExclusionCase } from '../accession/exclusion-case.entity.js';
import { Nomination } from '../council/nomination.entity.js';
import { AccountToken } from '../accounts/account-token.entity.js';
import { RateLimitAttempt } from '../accounts/rate-limit.entity.js';

export const entities = [
  Person,
  Session,
  Agreement,
  Forum,
  CouncilSeat,
  ActivityPlan,
  Activity,
  Meeting,
  AgendaItem,
  LiveEvent,
  Party,
  Membership,
  CNatetRepresentative,
  Accession,
  ExclusionCase,
  Nomination,
  AccountToken,
  RateLimitAttempt,
];
