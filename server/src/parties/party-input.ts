import {
  MAX_AREAS_OF_INTEREST,
  PartyKind,
  TEXT_LIMITS,
  UserErrorCode,
  checkOrganisationNumber,
  normaliseText,
  requiresOrganisationNumber,
} from '@samverka/domain';
import { InputProblems } from '../graphql/user-error.js';

/** What a party says about itself, on creation or when it edits its profile. */
export interface PartyDetails {
  name: string;
  kind: PartyKind;
  organisationNumber?: string | null;
  description?: string | null;
  areasOfInterest?: string[] | null;
  publicContact?: string | null;
  website?: string | null;
  networkContactName?: string | null;
  networkParticipants?: string | null;
}

export interface CleanPartyDetails {
  name: string;
  kind: PartyKind;
  organisationNumber: string | null;
  description: string | null;
  areasOfInterest: string[];
  publicContact: string | null;
  website: string | null;
  networkContactName: string | null;
  networkParticipants: string | null;
}

function tooLong(problems: InputProblems, field: string, value: string | null, limit: number) {
  if (value && value.length > limit) problems.tooLong(field, limit);
}

/** Validates and normalises a party's details; every problem is reported at once, beside its field. */
export function cleanPartyDetails(input: PartyDetails, path: string[] = ['input']): CleanPartyDetails {
  const problems = new InputProblems(path);
  const name = normaliseText(input.name);
  if (!name) problems.add('name', 'Ange organisationens namn.', UserErrorCode.REQUIRED);
  tooLong(problems, 'name', name, TEXT_LIMITS.partyName);

  let organisationNumber = normaliseText(input.organisationNumber);
  if (organisationNumber) {
    const check = checkOrganisationNumber(organisationNumber);
    if (!check.valid) {
      problems.add(
        'organisationNumber',
        check.reason === 'FORMAT'
          ? 'Skriv organisationsnumret som NNNNNN-NNNN.'
          : 'Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.',
        UserErrorCode.INVALID,
      );
    } else organisationNumber = check.normalised;
  } else if (requiresOrganisationNumber(input.kind)) {
    problems.add(
      'organisationNumber',
      'Ange organisationsnumret (bara nätverk kan vara utan).',
      UserErrorCode.REQUIRED,
    );
  }

  const networkContactName = normaliseText(input.networkContactName);
  const networkParticipants = normaliseText(input.networkParticipants);
  if (input.kind === PartyKind.NETWORK) {
    if (!networkContactName) {
      problems.add(
        'networkContactName',
        'Ett nätverk behöver en namngiven kontaktperson.',
        UserErrorCode.REQUIRED,
      );
    }
    if (!networkParticipants) {
      problems.add(
        'networkParticipants',
        'Beskriv kort vilka som ingår i nätverket.',
        UserErrorCode.REQUIRED,
      );
    }
  }
  tooLong(problems, 'networkContactName', networkContactName, TEXT_LIMITS.name);
  tooLong(problems, 'networkParticipants', networkParticipants, TEXT_LIMITS.description);

  const description = normaliseText(input.description);
  tooLong(problems, 'description', description, TEXT_LIMITS.description);
  const publicContact = normaliseText(input.publicContact);
  tooLong(problems, 'publicContact', publicContact, TEXT_LIMITS.publicContact);
  const website = normaliseText(input.website);
  tooLong(problems, 'website', website, TEXT_LIMITS.website);
  if (website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)) {
    problems.add('website', 'Ange en webbadress som börjar med https://', UserErrorCode.INVALID);
  }

  const areasOfInterest = [
    ...new Set((input.areasOfInterest ?? []).map((area) => area.trim().toLowerCase()).filter(Boolean)),
  ];
  if (areasOfInterest.length > MAX_AREAS_OF_INTEREST) {
    problems.tooLong(
      'areasOfInterest',
      MAX_AREAS_OF_INTEREST,
      `Högst ${MAX_AREAS_OF_INTEREST} intresseområden.`,
    );
  }
  if (areasOfInterest.some((area) => area.length > TEXT_LIMITS.areaOfInterest)) {
    problems.tooLong(
      'areasOfInterest',
      TEXT_LIMITS.areaOfInterest,
      `Varje intresseområde får ha högst ${TEXT_LIMITS.areaOfInterest} tecken.`,
    );
  }

  problems.throwIfAny();
  return {
    name: name!,
    kind: input.kind,
    organisationNumber,
    description,
    areasOfInterest,
    publicContact,
    website,
    networkContactName: input.kind === PartyKind.NETWORK ? networkContactName : null,
    networkParticipants: input.kind === PartyKind.NETWORK ? networkParticipants : null,
  };
}
