import type { LocationQuery } from 'vue-router';
import {
  PrincipleKey as Principles,
  SubmissionKind as Kinds,
  SubmissionStatus as Statuses,
} from '@samverka/domain';
import type {
  PrincipleKey,
  SortDirection,
  SubmissionKind,
  SubmissionOrderField,
  SubmissionRegisterFilterInput,
  SubmissionStatus,
} from '../../gql/graphql';

/** The register's search, filters and order, kept in the address so a search can be linked and the back button works. */
export interface SubmissionListFilters {
  search: string;
  kind: SubmissionKind | null;
  status: SubmissionStatus | null;
  principle: PrincipleKey | null;
  /** A party's global id. */
  party: string | null;
  year: number | null;
  /** `${field}-${direction}`, or null for the default (relevance when searching, else newest first). */
  order: string | null;
}

/** The orders offered, in the sort select's order. */
export const ORDER_CHOICES: readonly { field: SubmissionOrderField; direction: SortDirection }[] = [
  { field: 'SUBMITTED_AT', direction: 'DESC' },
  { field: 'SUBMITTED_AT', direction: 'ASC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
  { field: 'REGISTERED_AT', direction: 'DESC' },
  { field: 'REGISTRATION_NUMBER', direction: 'DESC' },
  { field: 'REGISTRATION_NUMBER', direction: 'ASC' },
  { field: 'RELEVANCE', direction: 'DESC' },
];

export const orderKey = (choice: { field: SubmissionOrderField; direction: SortDirection }) =>
  `${choice.field}-${choice.direction}`;

const single = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  const text = single(value);
  return text && (values as readonly string[]).includes(text) ? (text as T) : null;
}

/** The kinds, statuses (drafts are never listed) and principles the filters offer. */
export const KINDS = Object.values(Kinds) as SubmissionKind[];
export const LISTED_STATUSES = Object.values(Statuses).filter(
  (status) => status !== Statuses.DRAFT,
) as SubmissionStatus[];
export const PRINCIPLES = Object.values(Principles) as PrincipleKey[];

export function filtersFromQuery(query: LocationQuery): SubmissionListFilters {
  const year = Number(single(query.ar));
  const order = single(query.ordning);
  return {
    search: single(query.q) ?? '',
    kind: oneOf(KINDS, query.typ),
    status: oneOf(LISTED_STATUSES, query.status),
    principle: oneOf(PRINCIPLES, query.princip),
    party: single(query.part),
    year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : null,
    order: order && ORDER_CHOICES.some((choice) => orderKey(choice) === order) ? order : null,
  };
}

export function queryFromFilters(filters: SubmissionListFilters): Record<string, string> {
  return {
    ...(filters.search.trim() ? { q: filters.search.trim() } : {}),
    ...(filters.kind ? { typ: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.principle ? { princip: filters.principle } : {}),
    ...(filters.party ? { part: filters.party } : {}),
    ...(filters.year ? { ar: String(filters.year) } : {}),
    ...(filters.order ? { ordning: filters.order } : {}),
  };
}

/** The query's variables for the filters. */
export function variablesFromFilters(filters: SubmissionListFilters) {
  const filter: SubmissionRegisterFilterInput = {
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.principle ? { principles: [filters.principle] } : {}),
    ...(filters.party ? { partyId: filters.party } : {}),
    ...(filters.year ? { year: filters.year } : {}),
  };
  const choice = ORDER_CHOICES.find((c) => orderKey(c) === filters.order) ?? null;
  return {
    search: filters.search.trim() || null,
    filter,
    orderBy: choice ? { field: choice.field, direction: choice.direction } : null,
  };
}

/** The Atom feed of new public matters and answers. */
export const SUBMISSIONS_FEED_PATH = '/arenden.atom';
