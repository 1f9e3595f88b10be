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
import { tooLong, type FieldMessage } from '../../lib/errors';

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

function over(value: string, limit: number): boolean {
  return value.trim().length > limit;
}

/**
 * Client-side check of the party fields, mirroring the server's rules in packages/domain. Returns messages
 * by field, keyed as the server's payload errors are (`prefix` + field, e.g. "createParty.name").
 */
export function validatePartyForm(form: PartyForm, prefix = ''): Record<string, FieldMessage> {
  const errors: Record<string, FieldMessage> = {};
  const set = (field: string, key: FieldMessage) => {
    errors[`${prefix}${field}`] ??= key;
  };
  if (!form.name.trim()) set('name', 'userErrors.REQUIRED');
  else if (over(form.name, TEXT_LIMITS.partyName)) set('name', tooLong(TEXT_LIMITS.partyName));
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
    else if (over(form.networkContactName, TEXT_LIMITS.name))
      set('networkContactName', tooLong(TEXT_LIMITS.name));
    if (!form.networkParticipants.trim()) set('networkParticipants', 'userErrors.REQUIRED');
    else if (over(form.networkParticipants, TEXT_LIMITS.description))
      set('networkParticipants', tooLong(TEXT_LIMITS.description));
  }
  if (over(form.description, TEXT_LIMITS.description)) set('description', tooLong(TEXT_LIMITS.description));
  if (over(form.publicContact, TEXT_LIMITS.publicContact))
    set('publicContact', tooLong(TEXT_LIMITS.publicContact));
  if (over(form.website, TEXT_LIMITS.website)) set('website', tooLong(TEXT_LIMITS.website));
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
