import { PrincipleKey } from '@samverka/domain';

/** The agreement 2024–2027 as adopted (seed 001), Ks 1132/2023. */
export const AGREEMENT_2024 = {
  title: 'Överenskommelse om samverkan i Örebro mellan det civila samhället och kommunen 2024–2027',
  registrationNumber: 'Ks 1132/2023',
  adoptedOn: '2023-11-22',
  endorsedByCouncilOn: '2023-09-16',
  validFromYear: 2024,
  validToYear: 2027,
  summary:
    'För att nå en hållbar samhällsutveckling i Örebro behöver alla hjälpas åt. Överenskommelsen om samverkan i Örebro är ett övergripande dokument med syfte att främja samverkan mellan det civila samhället och kommunen. En aktivitetsplan med konkreta aktiviteter tas fram vartannat år och kopplas till överenskommelsens principer och åtaganden. Samverkansrådet, som består av representanter från civilsamhället och förtroendevalda politiker, arbetar under perioden löpande med genomförande och uppföljning av planen.',
  values:
    'Samverkan mellan kommunen och det civila samhället ska bygga på demokratiska värderingar och idéer där mångfald, människors lika värde, jämställdhet, medmänsklighet, ansvarstagande, engagemang och möjlighet till påverkan är grundläggande. Samverkan ska också bygga på Agenda 2030 och det lokala arbetet för en hållbar samhällsutveckling. En förutsättning för samverkan är ömsesidig respekt för det civila samhällets villkor och för kommunens ansvar och skyldigheter.',
  principles: [
    {
      key: PrincipleKey.INDEPENDENCE,
      name: 'Självständighet och oberoende',
      description:
        'Organisationer och deras medlemmar ska ha möjlighet att självständigt bedriva sin verksamhet utan obefogad kontroll eller inblandning av offentliga aktörer.',
    },
    {
      key: PrincipleKey.DIALOGUE,
      name: 'Dialog',
      description:
        'Relationen mellan kommunen och det civila samhället ska präglas av dialog. Syftet är dels att bredda och fördjupa beslutsunderlag, dels att bidra till ömsesidig förståelse och förtroende.',
    },
    {
      key: PrincipleKey.QUALITY,
      name: 'Kvalitet',
      description:
        'Det finns ett värde i att civilsamhällets aktörer är utförare av välfärdstjänster. Det civila samhällets unika kunskaper och perspektiv bör beaktas i utvecklandet av metoder för att mäta och följa upp kvalitet.',
    },
    {
      key: PrincipleKey.LONG_TERM,
      name: 'Långsiktighet och stabila förutsättningar',
      description:
        'Långsiktighet och stabila förutsättningar är nödvändiga för civilsamhällets existens och verksamhet, till exempel stabilitet i bidragssystem, rättsliga förutsättningar och de generella villkoren.',
    },
    {
      key: PrincipleKey.OPENNESS,
      name: 'Öppenhet och insyn',
      description:
        'Vikten av transparenta beslutsprocesser. När det offentliga präglas av öppenhet och insyn får det civila samhället de förutsättningar som krävs för att de ska kunna vara röstbärare och opinionsbildare.',
    },
    {
      key: PrincipleKey.DIVERSITY,
      name: 'Mångfald',
      description:
        'Samhället välkomnar civilsamhället som utförare av välfärdstjänster. Olikheter bland utförare ska ses som en tillgång. Det civila samhället bör i sin tur avspegla och omfatta människor från olika delar av befolkningen och ge goda förutsättningar för människor att engagera sig.',
    },
  ],
  commitments: [
    'Parterna åtar sig att bidra efter förmåga till en hållbar samhällsutveckling i Örebro.',
    'Parterna åtar sig att ta initiativ till dialog och bjuda in varandra i ett så tidigt skede som möjligt i relevanta processer.',
    'Parterna åtar sig att medverka i dialog som man inbjuds till, med hänsyn tagen till parternas olika förutsättningar och villkor.',
    'Parterna skapar gemensamt förutsättningar för en ömsesidig relation präglad av nyfikenhet, mod, öppenhet och tillit.',
    'Parterna använder Samverkansrådet som ett forum för att i dialog utveckla förutsättningarna för samverkan.',
    'Parterna tar via Samverkansrådet och C-nätet gemensamt ansvar för överenskommelsen och följer årligen upp ovanstående åtaganden samt aktivitetsplanen.',
  ].map((text, i) => ({ position: i + 1, text })),
};

/** The forum list of orebro.se (seed 003), plus C-nätet from the agreement. */
export const FORUMS = [
  {
    slug: 'samverkansradet',
    name: 'Samverkansrådet',
    withPoliticalParticipation: true,
    convener: 'Anna Fogel',
    responsiblePolitician: 'Per-Åke Sörman (C)',
    description:
      'Forum för aktuella frågor och dialog mellan det civila samhället och kommunen: tio representanter från civila samhället, tre politiker och en samordnande tjänsteperson. Parterna kan anmäla frågor och hinder för samverkan hit.',
  },
  {
    slug: 'tillganglighetsradet',
    name: 'Tillgänglighetsrådet',
    withPoliticalParticipation: true,
    convener: 'Tommy Krångh',
    responsiblePolitician: 'Carina Toro Hartman (S)',
  },
  {
    slug: 'nationella-minoriteter',
    name: 'Dialogforum för nationella minoriteter och minoritetsspråk',
    withPoliticalParticipation: true,
    convener: 'Lovisa Strand',
    responsiblePolitician: 'Per-Åke Sörman (C)',
  },
  {
    slug: 'pensionarsradet',
    name: 'Kommunala pensionärsrådet',
    description: 'Pensionärsråd (Programnämnd social välfärd).',
    withPoliticalParticipation: true,
    convener: 'Linn Björkstrand',
    responsiblePolitician: 'Marie Brorson (S)',
  },
  {
    slug: 'orebra',
    name: 'ÖreBRÅ',
    withPoliticalParticipation: true,
    convener: 'Patrik Wallin',
    responsiblePolitician: 'Per-Åke Sörman (C)',
  },
  {
    slug: 'interreligiosa-radet',
    name: 'Interreligiösa och interkulturella rådet',
    withPoliticalParticipation: true,
    convener: 'Daniela Redzic',
    responsiblePolitician: 'Agneta Blom (S)',
  },
  {
    slug: 'broradet',
    name: 'Brorådet',
    description: 'Brukarråd inom Socialförvaltningen.',
    withPoliticalParticipation: false,
    convener: 'Ulrika Justusson',
  },
  {
    slug: 'turidgruppen',
    name: 'Turidgruppen',
    description: 'Brukarråd inom Förvaltningen för funktionshindrade.',
    withPoliticalParticipation: false,
    convener: 'Johanna Viberg',
  },
  {
    slug: 'brukarombudsgruppen',
    name: 'Brukarombudsgruppen',
    withPoliticalParticipation: false,
    convener: 'Jonatan Gustafsson',
  },
  {
    slug: 'lokala-omradesgrupper',
    name: 'Lokala områdesgrupper',
    withPoliticalParticipation: false,
    convener: 'Jenny Valtanen',
  },
  { slug: 'cykelradet', name: 'Cykelrådet', withPoliticalParticipation: false, convener: 'Andreas Ahlstam' },
  {
    slug: 'c-natet',
    name: 'C-nätet',
    description:
      'Kommunens interna nätverk för civilsamhälles- och samverkansfrågor, med en representant från varje förvaltning.',
    withPoliticalParticipation: false,
  },
];

/** The activity plan 2024–2025 (seed 004). */
export const ACTIVITY_PLAN_2024 = {
  title: 'Aktivitetsplan 2024–2025',
  startYear: 2024,
  endYear: 2025,
  activities: [
    {
      number: 1,
      title:
        'Genomför en översyn av Samverkansrådets roll, mandat och funktion samt dess relation till C-nätverket och Örebro Föreningsråd.',
      responsible: 'Samverkansrådet',
      carriedOutBy: 'Utvecklings- och hållbarhetsavdelningen. Arbetsgrupp.',
      comment: 'Ska gå hand i hand med översynen av C-nätverkets roll, mandat och funktion.',
    },
    {
      number: 2,
      title:
        'Ta fram en karta/kommunikationsmodell för att tydliggöra befintliga forum för samverkan i Örebro på ett sätt som inspirerar och sänker trösklar till samarbete.',
      responsible: 'Samverkansrådet',
      carriedOutBy: 'Utvecklings- och hållbarhetsavdelningen. Arbetsgrupp.',
      comment: 'Med stöd av kommunikationsavdelningen.',
    },
    {
      number: 3,
      title:
        'Verka för ett systematiskt arbetssätt kopplad till kommunens årsprocess, där civilsamhällets perspektiv inkluderas.',
      responsible: 'Samverkansrådet',
      carriedOutBy: 'Utvecklings- och hållbarhetsavdelningen. Arbetsgrupp.',
    },
    {
      number: 4,
      title:
        'Utred hur även nätverk (civilsamhällesaktörer som saknar organisationsnummer) kan ges förutsättningar att ansluta sig till överenskommelsen om samverkan.',
      responsible: 'Samverkansrådet',
      carriedOutBy: 'Utvecklings- och hållbarhetsavdelningen. Arbetsgrupp.',
    },
    {
      number: 5,
      title:
        'Ta fram en rutin för uteslutning av aktör, som vägledning i det fall det kan påvisas att en aktör aktivt motarbetar syftet med överenskommelsen och samverkan mellan det civila samhället och kommunen.',
      responsible: 'Samverkansrådet',
      carriedOutBy: 'Utvecklings- och hållbarhetsavdelningen. Arbetsgrupp.',
    },
    {
      number: 6,
      title:
        'Kartlägg det lokala civilsamhällets förutsättningar, intressen och behov av att verka och samverka med kommunen.',
      responsible: 'Samverkansrådet',
      carriedOutBy:
        'Utvecklings- och hållbarhetsavdelningen i samråd med Kultur- och fritidsförvaltningen. Arbetsgrupp.',
      comment:
        'Syftet är att kartläggningen, tillsammans med den inventering av samverkan som genomförs inom Örebro kommun, ska utgöra underlag för analys och förslag till utvecklingsinsatser – för ett starkt lokalt civilsamhälle och goda förutsättningar för samverkan. Utgå från indikatorer som är möjliga att följa över tid.',
    },
    {
      number: 7,
      title: 'Bevaka kommunens inventering av samverkan med det civila samhället (2024).',
      responsible: 'Samverkansrådet',
    },
  ],
};
