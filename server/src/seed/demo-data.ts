import { AgendaItemKind, SeatKind } from '@samverka/domain';

/** The password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'samverka-demo';

/** Made-up people: the documents' own people are not demo accounts. */
export const DEMO_PEOPLE = {
  coordinator: { name: 'Samira Lind', email: 'samordnare@samverka.example', isCoordinator: true },
  chair: { name: 'Erik Holm', email: 'ordforande@samverka.example', isCoordinator: false },
  member: { name: 'Maja Berg', email: 'forening@samverka.example', isCoordinator: false },
} as const;

/** Contact persons of more demo parties, who post and answer dialogue invitations and consultations. */
export const DEMO_PARTY_CONTACTS = {
  /** Kultur- och fritidsförvaltningen: posts the department's invitations and consultations. */
  department: { name: 'Anders Nilsson', email: 'forvaltning@samverka.example', isCoordinator: false },
  /** Studieförbundet Bildning Örebro: answers them. */
  studyAssociation: { name: 'Eva Lund', email: 'studieforbund@samverka.example', isCoordinator: false },
} as const;

/** Samverkansrådet's seats, made up, in its real structure: 10 civil society, 3 politicians, 1 coordinator. */
export const COUNCIL_SEATS: {
  kind: SeatKind;
  holderName: string;
  organisation: string;
  person?: keyof typeof DEMO_PEOPLE;
}[] = [
  {
    kind: SeatKind.CIVIL_SOCIETY,
    holderName: 'Erik Holm',
    organisation: 'Örebro Föreningsråd',
    person: 'chair',
  },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Leila Haddad', organisation: 'Vivalla Kvinnoförening' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Johan Ek', organisation: 'Studieförbundet Bildning Örebro' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Amina Yusuf', organisation: 'Somaliska föräldraföreningen' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Karin Sjöberg', organisation: 'Idrottsalliansen Örebro' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Mikael Larsson', organisation: 'Funktionsrätt Örebro' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Sara Nyström', organisation: 'Ekumeniska nätverket i Örebro' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Ahmed Karimi', organisation: 'Ungdomsnätverket Norr' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Lena Forsberg', organisation: 'Pensionärsföreningen Eken' },
  { kind: SeatKind.CIVIL_SOCIETY, holderName: 'Oskar Wallin', organisation: 'Socialt företag Returverket' },
  { kind: SeatKind.POLITICIAN, holderName: 'Birgitta Åberg', organisation: 'Kommunstyrelsen (S)' },
  { kind: SeatKind.POLITICIAN, holderName: 'Henrik Dahl', organisation: 'Kommunstyrelsen (C)' },
  { kind: SeatKind.POLITICIAN, holderName: 'Elin Strand', organisation: 'Kommunstyrelsen (M)' },
  {
    kind: SeatKind.COORDINATOR,
    holderName: 'Samira Lind',
    organisation: 'Örebro kommun',
    person: 'coordinator',
  },
];

export interface DemoAgendaItem {
  title: string;
  kind: AgendaItemKind;
  presenter?: string;
  plannedMinutes: number;
  /** Number of the activity of the plan the item follows up. */
  activity?: number;
  decision?: string;
  minute?: string;
}

export const UPCOMING_AGENDA: DemoAgendaItem[] = [
  {
    title: 'Mötets öppnande och val av justerare',
    kind: AgendaItemKind.FORMALITY,
    presenter: 'Erik Holm',
    plannedMinutes: 5,
  },
  {
    title: 'Föregående mötes protokoll',
    kind: AgendaItemKind.FORMALITY,
    presenter: 'Samira Lind',
    plannedMinutes: 5,
  },
  {
    title: 'Översynen av Samverkansrådets roll, mandat och funktion',
    kind: AgendaItemKind.DISCUSSION,
    presenter: 'Arbetsgruppen',
    plannedMinutes: 20,
    activity: 1,
  },
  {
    title: 'Förslag till rutin för uteslutning av aktör',
    kind: AgendaItemKind.DECISION,
    presenter: 'Samira Lind',
    plannedMinutes: 15,
    activity: 5,
  },
  {
    title: 'Hur nätverk utan organisationsnummer kan ansluta sig',
    kind: AgendaItemKind.DISCUSSION,
    presenter: 'Ahmed Karimi',
    plannedMinutes: 15,
    activity: 4,
  },
  {
    title: 'Anmälda frågor från föreningarna',
    kind: AgendaItemKind.INFORMATION,
    presenter: 'Erik Holm',
    plannedMinutes: 15,
  },
  {
    title: 'Övriga frågor och mötets avslutande',
    kind: AgendaItemKind.FORMALITY,
    presenter: 'Erik Holm',
    plannedMinutes: 5,
  },
];

export const PAST_AGENDA: DemoAgendaItem[] = [
  {
    title: 'Mötets öppnande och val av justerare',
    kind: AgendaItemKind.FORMALITY,
    presenter: 'Erik Holm',
    plannedMinutes: 5,
    decision: 'Leila Haddad valdes att justera protokollet.',
  },
  {
    title: 'Kartläggning av civilsamhällets förutsättningar',
    kind: AgendaItemKind.INFORMATION,
    presenter: 'Utvecklings- och hållbarhetsavdelningen',
    plannedMinutes: 20,
    activity: 6,
    minute: 'Enkäten till föreningarna har fått 212 svar. En första analys redovisas vid nästa möte.',
  },
  {
    title: 'Karta över forum för samverkan',
    kind: AgendaItemKind.DECISION,
    presenter: 'Johan Ek',
    plannedMinutes: 20,
    activity: 2,
    decision: 'Rådet ställer sig bakom utkastet till karta och ber kommunikationsavdelningen publicera den.',
  },
  {
    title: 'Mötets avslutande',
    kind: AgendaItemKind.FORMALITY,
    presenter: 'Erik Holm',
    plannedMinutes: 5,
  },
];
