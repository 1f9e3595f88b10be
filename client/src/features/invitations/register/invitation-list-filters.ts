import type { LocationQuery } from 'vue-router';
import { InvitationKind as Kinds, PartySector as Sectors, ProcessStage as Stages } from '@samverka/domain';
import type {
  InvitationKind,
  InvitationRegisterFilterInput,
  PartySector,
  ProcessStage,
} from '../../../gql/graphql';

/** Which invitations the list shows by their status: the open ones unless the reader asks for others. */
export type InvitationShown = 'open' | 'all' | 'concluded';

/** The list's search and filters, kept in the address so a search can be linked and the back button works. */
export interface InvitationListFilters {
  search: string;
  kind: InvitationKind | null;
  stage: ProcessStage | null;
  sector: PartySector | null;
  area: string;
  /** The last day to answer, from and to (YYYY-MM-DD). */
  from: string | null;
  to: string | null;
  shown: InvitationShown;
}

export const KINDS = Object.values(Kinds) as InvitationKind[];
export const STAGES = Object.values(Stages) as ProcessStage[];
export const SECTORS = Object.values(Sectors) as PartySector[];
export const SHOWN: readonly InvitationShown[] = ['open', 'all', 'concluded'];

/** The address's words for what is shown; the default (open) is left out of the address. */
const SHOWN_PARAM: Record<InvitationShown, string | null> = {
  open: null,
  all: 'alla',
  concluded: 'avslutade',
};

const single = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  const text = single(value);
  return text && (values as readonly string[]).includes(text) ? (text as T) : null;
}
const date = (value: unknown): string | null => {
  const text = single(value);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
};

export function filtersFromQuery(query: LocationQuery): InvitationListFilters {
  const shown = single(query.visa);
  return {
    search: single(query.q) ?? '',
    kind: oneOf(KINDS, query.typ),
    stage: oneOf(STAGES, query.skede),
    sector: oneOf(SECTORS, query.sektor),
    area: single(query.omrade)?.trim() ?? '',
    from: date(query.senastFran),
    to: date(query.senastTill),
    shown: SHOWN.find((choice) => SHOWN_PARAM[choice] === shown && shown !== null) ?? 'open',
  };
}

export function queryFromFilters(filters: InvitationListFilters): Record<string, string> {
  const shown = SHOWN_PARAM[filters.shown];
  return {
    ...(filters.search.trim() ? { q: filters.search.trim() } : {}),
    ...(filters.kind ? { typ: filters.kind } : {}),
    ...(filters.stage ? { skede: filters.stage } : {}),
    ...(filters.sector ? { sektor: filters.sector } : {}),
    ...(filters.area.trim() ? { omrade: filters.area.trim() } : {}),
    ...(filters.from ? { senastFran: filters.from } : {}),
    ...(filters.to ? { senastTill: filters.to } : {}),
    ...(shown ? { visa: shown } : {}),
  };
}

/** The list query's variables for the filters. */
export function variablesFromFilters(filters: InvitationListFilters) {
  const filter: InvitationRegisterFilterInput = {
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.stage ? { stages: [filters.stage] } : {}),
    ...(filters.sector ? { inviterSectors: [filters.sector] } : {}),
    ...(filters.area.trim() ? { areas: [filters.area.trim()] } : {}),
    ...(filters.from ? { deadlineFrom: filters.from } : {}),
    ...(filters.to ? { deadlineTo: filters.to } : {}),
    ...(filters.shown === 'all' ? {} : { open: filters.shown === 'open' }),
  };
  return { search: filters.search.trim() || null, filter };
}
