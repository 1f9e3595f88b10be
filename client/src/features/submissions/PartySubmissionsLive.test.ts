import { afterEach, expect, test, vi } from 'vitest';
import { ref } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import type { Client, Sink } from 'graphql-ws';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import type { LiveSocket } from '../../lib/live/live-socket';
import { samplePartySubmissions } from './QueueSamples';
import PartySubmissionsList from './PartySubmissionsList.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

/** A socket that records what is subscribed and lets the test deliver events. */
function fakeSocket() {
  const subscriptions: { variables: Record<string, unknown>; sink: Sink }[] = [];
  const client = {
    subscribe(payload: { variables?: Record<string, unknown> }, sink: Sink) {
      subscriptions.push({ variables: { ...payload.variables }, sink });
      return () => {};
    },
  } as unknown as Client;
  const socket: LiveSocket = {
    client,
    status: ref({ connection: 'connected', everConnected: true, failures: 0 }),
    dispose: async () => {},
  };
  return { socket, subscriptions };
}

test("the party's list subscribes from its cursor and refetches once for a burst of events", async () => {
  const partySubmissions = vi.fn((_args: unknown) => samplePartySubmissions());
  const { socket, subscriptions } = fakeSocket();
  const mounted = await mountInPage(PartySubmissionsList, {
    props: { party: { id: 'P1', name: 'Örebro Schackklubb' }, socket },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { partySubmissions },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
  expect(subscriptions[0]!.variables).toEqual({ partyId: 'P1', after: '5' });
  expect(partySubmissions).toHaveBeenCalledTimes(1);

  for (const cursor of ['6', '7', '8'])
    subscriptions[0]!.sink.next({ data: { partySubmissionsChanged: { cursor, kind: 'REGISTER' } } });
  await vi.waitFor(() => expect(partySubmissions.mock.calls.length).toBeGreaterThan(1));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await flushPromises();
  expect(partySubmissions.mock.calls.length).toBeLessThanOrEqual(3);
  expect(wrapper.text()).toContain('Listan är uppdaterad.');
});
