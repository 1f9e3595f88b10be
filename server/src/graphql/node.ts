import { Field, ID, InterfaceType } from 'type-graphql';

/** Types reachable through node(id:), by GraphQL type name. */
export const NODE_TYPES = [
  'Agreement',
  'Forum',
  'Meeting',
  'AgendaItem',
  'ActivityPlan',
  'Activity',
  'Party',
  'Accession',
  'ExclusionCase',
  'Nomination',
  'Membership',
  'CouncilSeat',
  'Attendee',
  'Speaker',
  'StandardAgendaItem',
  'Submission',
  'Invitation',
  'InvitationOccasion',
  'ConsultationProposal',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Global ids are opaque to clients: base64url of "Type:uuid". */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Decodes a global id; null when it is not one of ours, so callers can answer "not found". */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [type, id] = decoded.split(':');
  if (!type || !id || !UUID.test(id) || !(NODE_TYPES as readonly string[]).includes(type)) return null;
  return { type: type as NodeType, id };
}

/** Decodes a global id of one expected type, or null. */
export function idOfType(globalId: string, type: NodeType): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === type ? decoded.id : null;
}

@InterfaceType({
  description: 'An object with a global id, fetchable with node(id:).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global, opaque id.' })
  readonly globalId!: string;
}
