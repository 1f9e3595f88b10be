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

export const meetingPath = (meeting: Meeting) => `/moten/${encodeURIComponent(meeting.id)}`;
