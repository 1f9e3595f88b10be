import type { APIRequestContext } from '@playwright/test';

interface Meeting {
  id: string;
  status: string;
  agenda: { title: string }[];
}

/** Meetings of Samverkansrådet as a signed-out visitor sees them. */
export async function councilMeetings(request: APIRequestContext): Promise<Meeting[]> {
  const res = await request.post('/graphql', {
    data: {
      query: `{ forum(slug: "samverkansradet") { meetings(first: 10) { edges { node { id status agenda { title } } } } } }`,
    },
  });
  const body = await res.json();
  return body.data.forum.meetings.edges.map((edge: { node: Meeting }) => edge.node);
}

export async function meetingWithStatus(request: APIRequestContext, status: string): Promise<Meeting> {
  const meeting = (await councilMeetings(request)).find((m) => m.status === status);
  if (!meeting) throw new Error(`no ${status} meeting in the demo data`);
  return meeting;
}

export const meetingPath = (meeting: Pick<Meeting, 'id'>) => `/moten/${encodeURIComponent(meeting.id)}`;

/** Signs a request context in through the API; its cookie jar keeps the session for later calls. */
export async function signInApi(request: APIRequestContext, email: string, password = 'samverka-demo') {
  const res = await request.post('/graphql', {
    data: {
      query: `mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }`,
      variables: { input: { email, password } },
    },
  });
  const body = await res.json();
  if (body.errors || body.data.signIn.errors.length)
    throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
}

interface RunningMeeting {
  id: string;
  version: number;
  status: string;
  currentItem: { id: string; title: string } | null;
}

const RUNNING_FIELDS = 'id version status currentItem { id title }';

async function meetingNow(request: APIRequestContext, id: string): Promise<RunningMeeting> {
  const res = await request.post('/graphql', {
    data: { query: `query($id: ID!) { meeting(id: $id) { ${RUNNING_FIELDS} } }`, variables: { id } },
    headers: { 'cache-control': 'no-cache' },
  });
  return (await res.json()).data.meeting;
}

/** A chair action through the API, with the meeting's current version; throws on any error. */
export async function chairAction(
  request: APIRequestContext,
  meetingId: string,
  mutation: string,
  extra: Record<string, unknown> = {},
  inputType = 'MeetingActionInput',
): Promise<RunningMeeting> {
  const { version } = await meetingNow(request, meetingId);
  const res = await request.post('/graphql', {
    data: {
      query: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { meeting { ${RUNNING_FIELDS} } errors { code message } } }`,
      variables: { input: { meetingId, expectedVersion: version, ...extra } },
    },
  });
  const body = await res.json();
  const payload = body.data?.[mutation];
  if (!payload || payload.errors.length) throw new Error(`${mutation} failed: ${JSON.stringify(body)}`);
  return payload.meeting;
}

/** The council's meeting that runs, started through the API if it has not been yet (by the given chair). */
export async function runningMeeting(request: APIRequestContext): Promise<RunningMeeting> {
  const meetings = await councilMeetings(request);
  const running = meetings.find((m) => m.status === 'IN_PROGRESS');
  if (running) return meetingNow(request, running.id);
  const published = meetings.find((m) => m.status === 'AGENDA_PUBLISHED');
  if (!published) throw new Error('no meeting to run in the demo data');
  return chairAction(request, published.id, 'startMeeting');
}

/** Records a decision for the meeting's current item. */
export function recordDecision(request: APIRequestContext, meeting: RunningMeeting, decision: string) {
  if (!meeting.currentItem) throw new Error('the meeting has no current item');
  return chairAction(
    request,
    meeting.id,
    'recordAgendaItemOutcome',
    { agendaItemId: meeting.currentItem.id, decision },
    'RecordAgendaItemOutcomeInput',
  );
}
