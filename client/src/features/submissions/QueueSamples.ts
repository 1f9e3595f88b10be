/** Queue and party-list data as the server answers them, for the page tests. */
export function queueEntry(
  id: string,
  title: string | null,
  extra: Partial<{
    daysWaiting: number;
    dueOn: string | null;
    overdue: boolean;
    meeting: unknown;
    registrationNumber: string | null;
    status: string;
  }> = {},
) {
  return {
    since: '2026-11-20T09:00:00Z',
    daysWaiting: extra.daysWaiting ?? 3,
    dueOn: extra.dueOn ?? null,
    overdue: extra.overdue ?? false,
    meeting: extra.meeting ?? null,
    submission: {
      id,
      title,
      status: extra.status ?? 'SUBMITTED',
      registrationNumber: extra.registrationNumber ?? null,
      party: title ? { id: 'P1', name: 'Örebro Föreningsråd' } : null,
    },
  };
}

const section = (entries: ReturnType<typeof queueEntry>[]) => ({ count: entries.length, entries });

export function sampleQueue(coordinates = true) {
  const referredToViewer = section(
    coordinates
      ? []
      : [queueEntry('S9', 'Bidragsregler', { dueOn: '2026-11-01', overdue: true, status: 'REFERRED' })],
  );
  if (!coordinates)
    return {
      coordinates,
      liveCursor: '12',
      awaitingRegistration: section([]),
      returned: section([]),
      referred: section([]),
      registered: section([]),
      scheduled: section([]),
      answered: section([]),
      referredToViewer,
    };
  return {
    coordinates,
    liveCursor: '12',
    awaitingRegistration: section([
      queueEntry('S1', 'Lokaler för föreningar', { daysWaiting: 6 }),
      queueEntry('S2', 'Ansökan om bidrag', { daysWaiting: 1 }),
    ]),
    returned: section([queueEntry('S3', 'Otydligt hinder', { status: 'RETURNED' })]),
    referred: section([
      queueEntry('S4', 'Bidragsregler', {
        dueOn: '2026-11-01',
        overdue: true,
        status: 'REFERRED',
        registrationNumber: 'SR 3/2026',
      }),
      queueEntry('S5', 'Skolans lokaler', { dueOn: '2027-01-15', status: 'REFERRED' }),
    ]),
    registered: section([queueEntry('S6', null, { registrationNumber: 'SR 4/2026', status: 'REGISTERED' })]),
    scheduled: section([
      queueEntry('S7', 'Mötesplatser', {
        status: 'SCHEDULED',
        meeting: { id: 'M1', title: 'Samverkansrådet december', startsAt: '2026-12-10T13:00:00Z' },
      }),
    ]),
    answered: section([]),
    referredToViewer,
  };
}

export function samplePartySubmissions() {
  const nodes = [
    {
      id: 'S10',
      title: 'Vårt utkast',
      status: 'DRAFT',
      registrationNumber: null,
      updatedAt: '2026-11-30T10:00:00Z',
      viewerActions: ['EDIT', 'SUBMIT'],
    },
    {
      id: 'S11',
      title: 'Lokaler för föreningar',
      status: 'REGISTERED',
      registrationNumber: 'SR 14/2026',
      updatedAt: '2026-11-28T10:00:00Z',
      viewerActions: ['WITHDRAW'],
    },
  ];
  return {
    totalCount: nodes.length,
    liveCursor: '5',
    statusCounts: [
      { status: 'DRAFT', count: 1 },
      { status: 'REGISTERED', count: 1 },
    ],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  };
}
