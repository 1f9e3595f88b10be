import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../graphql/context.js';

/**
 * How a field's value depends on who asks, declared on the field with `@Extensions(...)`:
 * - ROLE_DEPENDENT: on the viewer's role toward the object (chair of this meeting, contact of this party),
 *   which the live field works out when the subscription starts (`LiveAccess.role`);
 * - PERSON_DEPENDENT: on the person (the drafts they chair, their memberships).
 * Every other field is the same for everyone of one visibility class who may see the object.
 */
export const ROLE_DEPENDENT = { viewerDependent: 'role' } as const;
export const PERSON_DEPENDENT = { viewerDependent: 'person' } as const;

/** What a viewer may see in general: signed out, signed in, or the coordinator, who sees everything. */
export function visibilityClass(viewer: Viewer | null): string {
  if (!viewer) return 'signed-out';
  return viewer.isCoordinator ? 'coordinator' : 'signed-in';
}

const personal = new WeakMap<DocumentNode, Map<string | null, boolean>>();

/**
 * True when the document's answer depends on the person, not only on their class and role: it selects a
 * person-dependent field, or a role-dependent field of another type than the subscription's subject (the
 * role was worked out for the subject only).
 */
function dependsOnPerson(schema: GraphQLSchema, document: DocumentNode, subjectType: string | null): boolean {
  let bySubject = personal.get(document);
  if (!bySubject) personal.set(document, (bySubject = new Map()));
  let answer = bySubject.get(subjectType);
  if (answer === undefined) {
    answer = false;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const dependence = typeInfo.getFieldDef()?.extensions?.viewerDependent;
          if (dependence === 'person') answer = true;
          if (dependence === 'role' && typeInfo.getParentType()?.name !== subjectType) answer = true;
        },
      }),
    );
    bySubject.set(subjectType, answer);
  }
  return answer;
}

/**
 * The one place that decides who shares a live answer: viewers of one visibility class and one role toward
 * the subject get the same payload, so they form one audience, executed once per change; only a document that
 * depends on the person makes an audience of one.
 */
export function audienceOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  viewer: Viewer | null,
  subjectType: string | null,
  role: string,
): string {
  const person = viewer && dependsOnPerson(schema, document, subjectType) ? viewer.id : null;
  return JSON.stringify([visibilityClass(viewer), role, person]);
}
