import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, fakeRoot, sampleMeeting } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { startLiveServer, type LiveServer } from '../../../tests/live-server';
import { closeTabLiveSocket } from '../../lib/live/live-socket';
import MeetingPage from '../meetings/MeetingPage.vue';
import LivePage from './LivePage.vue';
import ProjectorPage from './ProjectorPage.vue';
import CoordinatorPage from '../coordinator/CoordinatorPage.vue';

/** Pages with live views against a real graphql-ws server on a real socket, as the tab's one socket. */
const WAIT = { timeout: 15_000, interval: 20 };
const MEETING = sampleMeeting().id;
const MEETING_TOPIC = `meeting:${MEETING}`;

let server: LiveServer;
let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  server = await startLiveServer();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    server.url.replace('ws://', 'http://').replace('/graphql', '/'),
  );
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await closeTabLiveSocket();
  await server.close();
});

/** The meeting as the page shows it, after `n` changes. */
const meetingAt = (n: number) => ({ ...sampleMeeting(), version: 4 + n, title: `Ändring ${n}` });

function countingApollo(overrides: Record<string, (args: never) => unknown> = {}) {
  const root = fakeRoot({ signedIn: true });
  const calls: Record<string, number> = {};
  const counted = (name: string, resolve: (args: never) => unknown) => (args: never) => {
    calls[name] = (calls[name] ?? 0) + 1;
    return resolve(args);
  };
  const resolvers = {
    // Several parts of a page ask for the meeting, each in its own query: counted per query.
    meeting: (args: never, _context?: unknown, info?: { operation: { name?: { value: string } } }) =>
      counted(`meeting ${info?.operation.name?.value}`, () => ({ ...sampleMeeting(), liveCursor: '0' }))(
        args,
      ),
    coordinatorQueueCursor: () => '0',
    pendingAccessions: counted('pendingAccessions', root.pendingAccessions),
    nominations: counted('nominations', root.nominations),
    exclusionCases: counted('exclusionCases', root.exclusionCases),
    ...overrides,
  };
  return { apollo: createFakeApollo({ signedIn: true, resolvers }), calls };
}

/** How often the most fetched query of the meeting was fetched: 1 when nothing was fetched again. */
const meetingFetches = (calls: Record<string, number>) =>
  Math.max(...Object.entries(calls).map(([name, count]) => (name.startsWith('meeting ') ? count : 0)));

async function mountPage(component: unknown, apollo: unknown) {
  const mounted = await mountInPage(component as never, {
    props: { id: MEETING } as never,
    global: { provide: { [DefaultApolloClient as symbol]: apollo } },
  });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted.wrapper;
}

describe('live pages', { timeout: 60_000 }, () => {
  test('the meeting page: a replay of 20 changes after its snapshot shows the last and refetches nothing', async () => {
    for (let n = 1; n <= 20; n++)
      server.publish(MEETING_TOPIC, (cursor) => ({
        cursor,
        kind: 'CURRENT_ITEM_CHANGED',
        meeting: meetingAt(n),
      }));
    const { apollo, calls } = countingApollo();
    const page = await mountPage(MeetingPage, apollo);
    await vi.waitFor(() => expect(page.find('h1').text()).toBe('Ändring 20'), WAIT);
    expect(server.subscribes[0]!.variables).toMatchObject({ meetingId: MEETING, after: '0' });
    await flushPromises();
    expect(meetingFetches(calls)).toBe(1);
    expect(page.find('.connection').text()).toContain('Ansluten');
  });

  test('the meeting page: a live change shows what the page shows (the decision text too), no refetch', async () => {
    const { apollo, calls } = countingApollo();
    const page = await mountPage(MeetingPage, apollo);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    const changed = meetingAt(1);
    changed.agenda = changed.agenda.map((item) =>
      item.position === 1 ? { ...item, decision: 'Mötet öppnades klockan 13.' } : item,
    );
    server.publish(MEETING_TOPIC, (cursor) => ({ cursor, kind: 'OUTCOME_RECORDED', meeting: changed }));
    await vi.waitFor(() => expect(page.text()).toContain('Mötet öppnades klockan 13.'), WAIT);
    expect(meetingFetches(calls)).toBe(1);
  });

  test('the meeting page: a RESYNC replaces its state, and it resumes from the RESYNC cursor', async () => {
    const { apollo, calls } = countingApollo();
    const page = await mountPage(MeetingPage, apollo);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    server.send(MEETING_TOPIC, {
      cursor: '500',
      kind: 'RESYNC',
      meeting: { ...meetingAt(30), title: 'Aktuellt läge' },
    });
    await vi.waitFor(() => expect(page.find('h1').text()).toBe('Aktuellt läge'), WAIT);
    server.closeAll(1012);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), WAIT);
    expect(server.subscribes[1]!.variables).toMatchObject({ after: '500' });
    expect(meetingFetches(calls)).toBe(1);
  });

  test.each([
    ['the live page (phones)', LivePage],
    ['the projector', ProjectorPage],
  ])(
    '%s: the decision of the current item appears as soon as it is recorded; done items show theirs',
    async (_name, page) => {
      const { apollo, calls } = countingApollo();
      const view = await mountPage(page, apollo);
      await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
      expect(view.get('[data-region="decision"]').text()).not.toContain('Arbetsgruppen tillsätts.');
      const changed = meetingAt(1);
      changed.agenda = changed.agenda.map((item) =>
        item.status === 'CURRENT' ? { ...item, decision: 'Arbetsgruppen tillsätts.' } : item,
      );
      server.publish(MEETING_TOPIC, (cursor) => ({
        cursor,
        kind: 'OUTCOME_RECORDED',
        occurredAt: '2026-03-03T13:31:00Z',
        meeting: changed,
      }));
      await vi.waitFor(
        () => expect(view.get('[data-region="decision"]').text()).toContain('Arbetsgruppen tillsätts.'),
        WAIT,
      );
      if (page === LivePage) expect(view.get('[data-region="done"]').text()).toContain('Mötet öppnades.');
      expect(meetingFetches(calls)).toBe(1);
    },
  );

  test("the coordinator's queue: a RESYNC refetches every part", async () => {
    const { apollo, calls } = countingApollo();
    await mountPage(CoordinatorPage, apollo);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    server.send('coordinator', { cursor: '77', kind: 'RESYNC' });
    await vi.waitFor(
      () => expect(calls).toMatchObject({ pendingAccessions: 2, nominations: 2, exclusionCases: 2 }),
      WAIT,
    );
  });

  test('two live views on one page share one WebSocket', async () => {
    const { apollo } = countingApollo();
    const Both = defineComponent(() => () => [h(MeetingPage, { id: MEETING }), h(CoordinatorPage)]);
    await mountPage(Both, apollo);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), WAIT);
    expect(server.subscribes.map((s) => s.field).sort()).toEqual([
      'coordinatorQueueChanged',
      'meetingChanged',
    ]);
    expect(server.connections()).toBe(1);
  });
});
