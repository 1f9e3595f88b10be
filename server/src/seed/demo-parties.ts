import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessionStatus, MembershipRole, MembershipStatus, PartyKind } from '@samverka/domain';
import { Party } from '../parties/party.entity.js';
import { Membership } from '../parties/membership.entity.js';
import { Accession } from '../accession/accession.entity.js';
import { Person } from '../accounts/person.entity.js';
import { DEMO_PARTY_CONTACTS, DEMO_PEOPLE } from './demo-data.js';

const CONTACTS = { ...DEMO_PEOPLE, ...DEMO_PARTY_CONTACTS };

/** Made-up parties (Örebro Föreningsråd and the municipality's organs are real names), in every state. */
const PARTIES: {
  name: string;
  kind: PartyKind;
  organisationNumber: string | null;
  description: string;
  areasOfInterest: string[];
  accession: AccessionStatus | null;
  contact?: keyof typeof CONTACTS;
  networkContactName?: string;
  networkParticipants?: string;
}[] = [
  {
    name: 'Örebro Föreningsråd',
    kind: PartyKind.UMBRELLA_ORGANISATION,
    organisationNumber: '802002-3746',
    description: 'Paraplyorganisation som samlar alla kategorier av föreningar och driver Föreningarnas Hus.',
    areasOfInterest: ['föreningsliv', 'demokrati'],
    accession: AccessionStatus.APPROVED,
  },
  {
    name: 'Vivalla Kvinnoförening',
    kind: PartyKind.NON_PROFIT_ASSOCIATION,
    organisationNumber: '802411-5555',
    description: 'Mötesplats för kvinnor i Vivalla med språkcafé, läxhjälp och föreningens egna kurser.',
    areasOfInterest: ['integration', 'jämställdhet'],
    accession: AccessionStatus.APPROVED,
    contact: 'member',
  },
  {
    name: 'Studieförbundet Bildning Örebro',
    kind: PartyKind.STUDY_ASSOCIATION,
    organisationNumber: '817600-1231',
    description: 'Studiecirklar och kulturarrangemang för alla åldrar.',
    areasOfInterest: ['folkbildning', 'kultur', 'integration'],
    accession: AccessionStatus.APPROVED,
    contact: 'studyAssociation',
  },
  {
    name: 'Idrottsalliansen Örebro',
    kind: PartyKind.NON_PROFIT_ASSOCIATION,
    organisationNumber: '802477-2108',
    description: 'Samarbete mellan idrottsföreningar om anläggningar och ledarutbildning.',
    areasOfInterest: ['idrott', 'barn och unga'],
    accession: AccessionStatus.REQUESTED,
  },
  {
    name: 'Ungdomsnätverket Norr',
    kind: PartyKind.NETWORK,
    organisationNumber: null,
    description: 'Unga i norra Örebro som ordnar aktiviteter tillsammans.',
    areasOfInterest: ['barn och unga'],
    accession: AccessionStatus.REQUESTED,
    networkContactName: 'Ahmed Karimi',
    networkParticipants: 'Ett tjugotal unga från Vivalla, Varberga och Oxhagen, och två fritidsledare.',
  },
  {
    name: 'Kultur- och fritidsförvaltningen',
    kind: PartyKind.MUNICIPAL_DEPARTMENT,
    organisationNumber: '212000-1884',
    description: 'Örebro kommuns förvaltning för kultur, idrott och fritid.',
    areasOfInterest: ['kultur', 'idrott'],
    accession: AccessionStatus.APPROVED,
    contact: 'department',
  },
  {
    name: 'Socialförvaltningen',
    kind: PartyKind.MUNICIPAL_DEPARTMENT,
    organisationNumber: '212000-1884',
    description: 'Örebro kommuns socialförvaltning.',
    areasOfInterest: ['social välfärd'],
    accession: AccessionStatus.APPROVED,
  },
];

/** Seeds the demo parties once: joined ones for the register, waiting ones for the coordinator's queue. */
export async function seedDemoParties(em: EntityManager): Promise<boolean> {
  if (await em.count(Party, {})) return false;
  await em.transactional(async (tx) => {
    const people = await tx.find(Person, { email: Object.values(CONTACTS).map((p) => p.email) });
    const person = (key: keyof typeof CONTACTS) => people.find((p) => p.email === CONTACTS[key].email)!;
    const coordinator = person('coordinator');
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
    PARTIES.forEach((seed, i) => {
      const { accession, contact, ...details } = seed;
      const party = tx.create(Party, details);
      if (contact) {
        tx.create(Membership, {
          person: person(contact),
          party,
          role: MembershipRole.CONTACT,
          status: MembershipStatus.ACTIVE,
        });
      }
      if (accession) {
        tx.create(Accession, {
          party,
          status: accession,
          requestedAt: daysAgo(120 - i * 10),
          affirmsDemocraticOrganisation: true,
          affirmsValues: true,
          affirmsPrinciples: true,
          affirmsCommitments: true,
          decidedAt: accession === AccessionStatus.APPROVED ? daysAgo(100 - i * 10) : null,
          decidedBy: accession === AccessionStatus.APPROVED ? coordinator : null,
        });
      }
    });
  });
  return true;
}
