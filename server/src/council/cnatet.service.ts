import type { EntityManager } from '@mikro-orm/postgresql';
import { PartyKind, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { CNatetRepresentative } from '../parties/cnatet-representative.entity.js';
import { Party } from '../parties/party.entity.js';
import { partyPolicy } from '../parties/party.policy.js';

/** A municipal department's place in C-nätet: its representative, or none yet. */
export interface CNatetDepartmentView {
  department: Party;
  representative: { name: string; email: string; appointedAt: Date } | null;
}

/** Coordinator: every municipal department by name, each with its representative in C-nätet. */
export async function listCNatetDepartments(
  em: EntityManager,
  viewer: Viewer | null,
  { limit, offset }: { limit: number; offset: number },
): Promise<[CNatetDepartmentView[], number]> {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  const [departments, total] = await em.findAndCount(
    Party,
    { kind: PartyKind.MUNICIPAL_DEPARTMENT },
    { orderBy: { name: 'asc', id: 'asc' }, limit, offset },
  );
  const appointments = await em.find(
    CNatetRepresentative,
    { department: { $in: departments.map((d) => d.id) } },
    { populate: ['person'] },
  );
  const byDepartment = new Map(appointments.map((a) => [a.department.id, a]));
  const views = departments.map((department) => {
    const appointment = byDepartment.get(department.id);
    const person = appointment?.person.getEntity();
    return {
      department,
      representative:
        appointment && person
          ? { name: person.name, email: person.email, appointedAt: appointment.appointedAt }
          : null,
    };
  });
  return [views, total];
}

/** The coordinator ends a department's appointment in C-nätet, leaving it without a representative. */
export async function removeCNatetRepresentative(
  em: EntityManager,
  viewer: Viewer | null,
  departmentId: string | null,
): Promise<Party> {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const department = departmentId ? await tx.findOne(Party, departmentId) : null;
    if (!department || department.kind !== PartyKind.MUNICIPAL_DEPARTMENT) {
      throw userError('departmentId', 'Förvaltningen finns inte.', UserErrorCode.NOT_FOUND);
    }
    if (!(await tx.nativeDelete(CNatetRepresentative, { department: department.id }))) {
      throw userError(
        'departmentId',
        'Förvaltningen har ingen representant i C-nätet.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    return department;
  });
}
