import { PartyKind, PartySector, sectorOf } from '@samverka/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** The public register's filters, kept in the address so a filtered list can be linked and reloaded. */
export interface RegisterFilters {
  search: string;
  kind: PartyKind | '';
  sector: PartySector | '';
}

const KINDS = new Set<string>(Object.values(PartyKind));
const SECTORS = new Set<string>(Object.values(PartySector));

function single(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Reads ?sok=&typ=&sektor=; unknown values are ignored, a kind outside the chosen sector is dropped. */
export function filtersFromQuery(query: LocationQuery): RegisterFilters {
  const search = single(query.sok).trim();
  const kindValue = single(query.typ);
  const sectorValue = single(query.sektor);
  const sector = SECTORS.has(sectorValue) ? (sectorValue as PartySector) : '';
  let kind: PartyKind | '' = KINDS.has(kindValue) ? (kindValue as PartyKind) : '';
  if (kind && sector && sectorOf(kind) !== sector) kind = '';
  return { search, kind, sector };
}

/** The filters as an address query, leaving out what is not set. */
export function filtersToQuery(filters: RegisterFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.search.trim()) query.sok = filters.search.trim();
  if (filters.kind) query.typ = filters.kind;
  if (filters.sector) query.sektor = filters.sector;
  return query;
}

/** The filters as the `parties` query's arguments. */
export function filtersToVariables(filters: RegisterFilters): {
  search: string | null;
  kind: PartyKind | null;
  sector: PartySector | null;
} {
  return {
    search: filters.search.trim() || null,
    kind: filters.kind || null,
    sector: filters.sector || null,
  };
}

/** The kinds offered once a sector is chosen (all ten without one). */
export function kindsForSector(sector: PartySector | ''): PartyKind[] {
  const all = Object.values(PartyKind);
  return sector ? all.filter((kind) => sectorOf(kind) === sector) : all;
}

/** Parties in name order as Swedish sorts them (å, ä, ö last). */
export function sortByName<T extends { name: string }>(parties: readonly T[]): T[] {
  const collator = new Intl.Collator('sv-SE', { sensitivity: 'base' });
  return [...parties].sort((a, b) => collator.compare(a.name, b.name));
}
