import {
  checkOrganisationNumber,
  normaliseText,
  PartyKind,
  PartySector,
  requiresOrganisationNumber,
  sectorOf,
  TEXT_LIMITS,
} from '@samverka/domain';
import type { CreatePartyInput } from '../../gql/graphql';

/** The party fields as the form holds them (text inputs; areas of interest comma-separated). */
export interface PartyForm {
  name: string;
  kind: PartyKind | '';
  organisationNumber: string;
  description: string;
  areasOfInterest: string;
  publicContact: string;
  website: string;
  networkContactName: string;
  networkParticipants: string;
}

export function emptyPartyForm(): PartyForm {
  return {
    name: '',
    kind: '',
    organisationNumber: '',
    description: '',
    areasOfInterest: '',
    publicContact: '',
    website: '',
    networkContactName: '',
    networkParticipants: '',
  };
}

/** The ten kinds, grouped as the agreement describes the parties: civil society, then municipal. */
export const PARTY_KIND_GROUPS: readonly { sector: PartySector; kinds: readonly PartyKind[] }[] = [
  PartySector.CIVIL_SOCIETY,
  PartySector.MUNICIPAL,
].map((sector) => ({
  sector,
  kinds: Object.values(PartyKind).filter((kind) => sectorOf(kind) === sector),
}));

/** "idrott, integration ,, kultur" → ["idrott", "integration", "kultur"], without duplicates. */
export function parseAreas(text: string): string[] {
  const areas = text
    .split(',')
    .map((area) => area.trim())
    .filter(Boolean);
  return [...new Set(areas)];
}

/** Whether the form asks for a network's contact person and participants instead of an organisationsnummer. */
export function isNetwork(form: Pick<PartyForm, 'kind'>): boolean {
  return form.kind !== '' && !requiresOrganisationNumber(form.kind);
}

function tooLong(value: string, limit: number): boolean {
  return value.trim().length > limit;
}

/**
 * Client-side check of the party fields, mirroring the server's rules in packages/domain. Returns i18n keys
 * by field, keyed as the server's payload errors are (`prefix` + field, e.g. "createParty.name").
 */
export function validatePartyForm(form: PartyForm, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (field: string, key: string) => {
    errors[`${prefix}${field}`] ??= key;
  };
  if (!form.name.trim()) set('name', 'userErrors.REQUIRED');
  else if (tooLong(form.name, TEXT_LIMITS.partyName)) set('name', 'userErrors.TOO_LONG');
  if (!form.kind) set('kind', 'userErrors.REQUIRED');
  if (form.kind && requiresOrganisationNumber(form.kind)) {
    if (!form.organisationNumber.trim()) set('organisationNumber', 'userErrors.REQUIRED');
    else {
      const check = checkOrganisationNumber(form.organisationNumber);
      if (!check.valid)
        set(
          'organisationNumber',
          check.reason === 'FORMAT' ? 'validation.orgNumberFormat' : 'validation.orgNumberCheckDigit',
        );
    }
  } else if (form.organisationNumber.trim()) {
    // A network may still give one; then it must be right.
    const check = checkOrganisationNumber(form.organisationNumber);
    if (!check.valid)
      set(
        'organisationNumber',
        check.reason === 'FORMAT' ? 'validation.orgNumberFormat' : 'validation.orgNumberCheckDigit',
      );
  }
  if (isNetwork(form)) {
    if (!form.networkContactName.trim()) set('networkContactName', 'userErrors.REQUIRED');
    else if (tooLong(form.networkContactName, TEXT_LIMITS.name))
      set('networkContactName', 'userErrors.TOO_LONG');
    if (!form.networkParticipants.trim()) set('networkParticipants', 'userErrors.REQUIRED');
    else if (tooLong(form.networkParticipants, TEXT_LIMITS.description))
      set('networkParticipants', 'userErrors.TOO_LONG');
  }
  if (tooLong(form.description, TEXT_LIMITS.description)) set('description', 'userErrors.TOO_LONG');
  if (tooLong(form.publicContact, TEXT_LIMITS.publicContact)) set('publicContact', 'userErrors.TOO_LONG');
  if (tooLong(form.website, TEXT_LIMITS.website)) set('website', 'userErrors.TOO_LONG');
  return errors;
}

/** The form as the API's party input; blank text becomes null, network fields only for networks. */
export function partyInput(form: PartyForm): CreatePartyInput {
  const network = isNetwork(form);
  const organisationNumber = normaliseText(form.organisationNumber);
  const check = organisationNumber ? checkOrganisationNumber(organisationNumber) : null;
  return {
    name: form.name.trim(),
    kind: form.kind as PartyKind,
    organisationNumber: check?.valid ? check.normalised : organisationNumber,
    description: normaliseText(form.description),
    areasOfInterest: parseAreas(form.areasOfInterest),
    publicContact: normaliseText(form.publicContact),
    website: normaliseText(form.website),
    networkContactName: network ? normaliseText(form.networkContactName) : null,
    networkParticipants: network ? normaliseText(form.networkParticipants) : null,
  };
}

/** A party from the API as the form holds it, for editing. */
export function partyToForm(party: {
  name: string;
  kind: string;
  organisationNumber?: string | null;
  description?: string | null;
  areasOfInterest: readonly string[];
  publicContact?: string | null;
  website?: string | null;
  networkContactName?: string | null;
  networkParticipants?: string | null;
}): PartyForm {
  return {
    name: party.name,
    kind: party.kind as PartyKind,
    organisationNumber: party.organisationNumber ?? '',
    description: party.description ?? '',
    areasOfInterest: party.areasOfInterest.join(', '),
    publicContact: party.publicContact ?? '',
    website: party.website ?? '',
    networkContactName: party.networkContactName ?? '',
    networkParticipants: party.networkParticipants ?? '',
  };
}
