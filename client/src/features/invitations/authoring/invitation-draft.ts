import type {
  InvitationAudience,
  InvitationKind,
  OccasionMode,
  PartyKind,
  PrincipleKey,
  ProcessStage,
} from '../../../gql/graphql';
import type { FieldMessage } from '../../../lib/errors';
import type { UploadedDocument } from '../../documents/upload-document';

/** One occasion as the form edits it: times in the browser's local time, seats as typed. */
export interface OccasionValues {
  /** The occasion kept; null for a new one. */
  id: string | null;
  /** Stable for Vue's list while editing, also for new occasions. */
  key: string;
  startsAt: string;
  endsAt: string;
  mode: OccasionMode;
  link: string;
  place: string;
  accessibility: string;
  capacity: string;
  registrationClosesOn: string;
}

export interface ProposalValues {
  id: string | null;
  key: string;
  title: string;
  description: string;
}

/** What the invitation form edits. */
export interface InvitationValues {
  partyId: string;
  kind: InvitationKind;
  title: string;
  process: string;
  stage: ProcessStage | '';
  plannedDecisionOn: string;
  decidingBody: string;
  inputWanted: string;
  principles: PrincipleKey[];
  areas: string[];
  audience: InvitationAudience;
  partyKinds: PartyKind[];
  namedPartyIds: string[];
  contactName: string;
  contactDetails: string;
  documents: Pick<UploadedDocument, 'id' | 'name' | 'url'>[];
  occasions: OccasionValues[];
  proposals: ProposalValues[];
  responseDeadline: string;
  registrationSeries: string;
}

export const INVITATION_KINDS: InvitationKind[] = ['DIALOGUE', 'CONSULTATION'];
export const PROCESS_STAGES: ProcessStage[] = ['IDEA', 'INVESTIGATION', 'PROPOSAL', 'DECISION', 'FOLLOW_UP'];
export const AUDIENCES: InvitationAudience[] = [
  'ALL_PARTIES',
  'PARTY_KINDS',
  'AREAS_OF_INTEREST',
  'NAMED_PARTIES',
];
export const OCCASION_MODES: OccasionMode[] = ['IN_PERSON', 'DIGITAL'];
export const PARTY_KINDS: PartyKind[] = [
  'NON_PROFIT_ASSOCIATION',
  'FOUNDATION',
  'STUDY_ASSOCIATION',
  'FAITH_COMMUNITY',
  'SOCIAL_ENTERPRISE',
  'NETWORK',
  'UMBRELLA_ORGANISATION',
  'MUNICIPAL_BOARD',
  'MUNICIPAL_DEPARTMENT',
  'MUNICIPAL_COMPANY',
];
export const PRINCIPLE_KEYS: PrincipleKey[] = [
  'INDEPENDENCE',
  'DIALOGUE',
  'QUALITY',
  'LONG_TERM',
  'OPENNESS',
  'DIVERSITY',
];

let keys = 0;
const nextKey = () => `new-${++keys}`;

export function emptyOccasion(): OccasionValues {
  return {
    id: null,
    key: nextKey(),
    startsAt: '',
    endsAt: '',
    mode: 'IN_PERSON',
    link: '',
    place: '',
    accessibility: '',
    capacity: '',
    registrationClosesOn: '',
  };
}

export function emptyProposal(): ProposalValues {
  return { id: null, key: nextKey(), title: '', description: '' };
}

export function emptyInvitation(partyId = ''): InvitationValues {
  return {
    partyId,
    kind: 'DIALOGUE',
    title: '',
    process: '',
    stage: '',
    plannedDecisionOn: '',
    decidingBody: '',
    inputWanted: '',
    principles: [],
    areas: [],
    audience: 'ALL_PARTIES',
    partyKinds: [],
    namedPartyIds: [],
    contactName: '',
    contactDetails: '',
    documents: [],
    occasions: [emptyOccasion()],
    proposals: [emptyProposal()],
    responseDeadline: '',
    registrationSeries: '',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local field shows it, in the browser's time. */
export function toLocalInput(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A datetime-local value as an instant; an empty or broken one is sent as is, for the server's field error. */
export function fromLocalInput(value: string): string {
  const at = new Date(value);
  return value && !Number.isNaN(at.getTime()) ? at.toISOString() : value;
}

interface LoadedInvitation {
  kind: InvitationKind;
  title: string;
  process: string;
  stage: ProcessStage;
  plannedDecisionOn?: unknown;
  decidingBody?: string | null;
  inputWanted: string;
  principles: PrincipleKey[];
  areas: string[];
  audience: InvitationAudience;
  partyKinds: PartyKind[];
  contactName: string;
  contactDetails: string;
  responseDeadline?: unknown;
  registrationNumber?: string | null;
  party: { id: string };
  namedParties: { id: string }[];
  occasions: {
    id: string;
    startsAt: unknown;
    endsAt: unknown;
    mode: OccasionMode;
    link?: string | null;
    place?: string | null;
    accessibility?: string | null;
    capacity?: number | null;
    registrationClosesOn: unknown;
  }[];
  proposals: { id: string; title: string; description?: string | null }[];
  documents: { id: string; name: string; url: string }[];
}

/** The form's values for an invitation as the server has it. */
export function valuesOf(invitation: LoadedInvitation): InvitationValues {
  return {
    partyId: invitation.party.id,
    kind: invitation.kind,
    title: invitation.title,
    process: invitation.process,
    stage: invitation.stage,
    plannedDecisionOn: (invitation.plannedDecisionOn as string | null) ?? '',
    decidingBody: invitation.decidingBody ?? '',
    inputWanted: invitation.inputWanted,
    principles: [...invitation.principles],
    areas: [...invitation.areas],
    audience: invitation.audience,
    partyKinds: [...invitation.partyKinds],
    namedPartyIds: invitation.namedParties.map((party) => party.id),
    contactName: invitation.contactName,
    contactDetails: invitation.contactDetails,
    documents: invitation.documents.map(({ id, name, url }) => ({ id, name, url })),
    occasions: invitation.occasions.map((occasion) => ({
      id: occasion.id,
      key: occasion.id,
      startsAt: toLocalInput(occasion.startsAt as string),
      endsAt: toLocalInput(occasion.endsAt as string),
      mode: occasion.mode,
      link: occasion.link ?? '',
      place: occasion.place ?? '',
      accessibility: occasion.accessibility ?? '',
      capacity:
        occasion.capacity === null || occasion.capacity === undefined ? '' : String(occasion.capacity),
      registrationClosesOn: occasion.registrationClosesOn as string,
    })),
    proposals: invitation.proposals.map((proposal) => ({
      id: proposal.id,
      key: proposal.id,
      title: proposal.title,
      description: proposal.description ?? '',
    })),
    responseDeadline: (invitation.responseDeadline as string | null) ?? '',
    registrationSeries: invitation.registrationNumber?.split(' ')[0] ?? '',
  };
}

const orNull = (value: string) => (value.trim() ? value : null);

/** The content the mutations take. A dialogue sends its occasions, a consultation its proposals and deadline. */
export function invitationInput(values: InvitationValues) {
  const dialogue = values.kind === 'DIALOGUE';
  return {
    kind: values.kind,
    title: values.title,
    process: values.process,
    stage: values.stage,
    plannedDecisionOn: orNull(values.plannedDecisionOn),
    decidingBody: orNull(values.decidingBody),
    inputWanted: values.inputWanted,
    principles: values.principles,
    areas: values.areas,
    audience: values.audience,
    partyKinds: values.audience === 'PARTY_KINDS' ? values.partyKinds : [],
    namedPartyIds: values.audience === 'NAMED_PARTIES' ? values.namedPartyIds : [],
    contactName: values.contactName,
    contactDetails: values.contactDetails,
    documentIds: values.documents.map((document) => document.id),
    occasions: dialogue
      ? values.occasions.map((occasion) => ({
          id: occasion.id,
          startsAt: fromLocalInput(occasion.startsAt),
          endsAt: fromLocalInput(occasion.endsAt),
          mode: occasion.mode,
          link: occasion.mode === 'DIGITAL' ? orNull(occasion.link) : null,
          place: occasion.mode === 'IN_PERSON' ? orNull(occasion.place) : null,
          accessibility: orNull(occasion.accessibility),
          // A number field's model may hold a number once typed in.
          capacity: String(occasion.capacity).trim() === '' ? null : Number(occasion.capacity),
          registrationClosesOn: occasion.registrationClosesOn,
        }))
      : [],
    proposals: dialogue
      ? []
      : values.proposals.map((proposal) => ({
          id: proposal.id,
          title: proposal.title,
          description: orNull(proposal.description),
        })),
    responseDeadline: dialogue ? null : orNull(values.responseDeadline),
    registrationSeries: dialogue ? null : orNull(values.registrationSeries),
  };
}

/** Checks the form makes before sending: the required texts. The server checks everything again. */
export function missingFields(values: InvitationValues): Record<string, string> {
  const missing: Record<string, string> = {};
  const required = 'invitationForm.required';
  for (const field of ['title', 'process', 'inputWanted', 'contactName', 'contactDetails'] as const) {
    if (!values[field].trim()) missing[field] = required;
  }
  if (!values.stage) missing.stage = required;
  return missing;
}

/** Payload errors no field of the form shows (the version seen, the invitation itself): said above it. */
export function unplacedErrors(errors: Record<string, FieldMessage>): FieldMessage[] {
  const placed =
    /^(partyId|kind|title|process|stage|plannedDecisionOn|decidingBody|inputWanted|principles|areas|audience|partyKinds|namedPartyIds|contactName|contactDetails|documentIds|occasions|proposals|responseDeadline|registrationSeries)(\.|$)/;
  return Object.entries(errors)
    .filter(([field]) => !placed.test(field))
    .map(([, message]) => message);
}
