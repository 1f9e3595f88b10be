import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { buildSchema, graphql } from 'graphql';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, fakeRoot, sampleMeeting } from '../../../tests/fake-api';
import { preloadLiveMeeting, useLiveMeetingSnapshot } from './live-preload';

const schema = buildSchema(readFileSync(resolve(__dirname, '../../../../schema/schema.graphql'), 'utf8'));
const MEETING = sampleMeeting().id;

/** A real HTTP server answering /graphql from the contract, as the server would; `failing` answers 502. */
let server: http.Server;
let received: { variables: Record<string, unknown> }[];
let failing: boolean;
let wrapper: VueWrapper | undefined;

beforeEach(async () => {
  received = [];
  failing = false;
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      received.push({ variables });
      if (failing) {
        res.writeHead(502).end();
        return;
      }
      const result = await graphql({
        schema,
        source: query,
        rootValue: fakeRoot(),
        variableValues: variables,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `http://127.0.0.1:${port}/`,
  );
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await new Promise((done) => server.close(done));
});

/** A page that shows the live query's meeting title, with an Apollo client that counts its queries. */
function mountLiveQuery() {
  const calls = { meeting: 0 };
  const apollo = createFakeApollo({
    resolvers: {
      meeting: () => {
        calls.meeting++;
        return { ...sampleMeeting(), title: 'Från Apollo' };
      },
    },
  });
  const Page = defineComponent({
    setup() {
      const { result, loading } = useLiveMeetingSnapshot(MEETING);
      return () => h('p', loading.value ? 'laddar' : (result.value?.meeting?.title ?? 'inget'));
    },
  });
  wrapper = mount(Page, { global: { provide: { [DefaultApolloClient as symbol]: apollo } } });
  return { wrapper, calls };
}

describe('the live view opened from a link', () => {
  test('shows the answer of the query sent before the app mounted, without asking again; later visits ask', async () => {
    preloadLiveMeeting(`/moten/${encodeURIComponent(MEETING)}/live`);
    expect(received).toEqual([]);
    const first = mountLiveQuery();
    await vi.waitUntil(() => first.wrapper.text() === sampleMeeting().title, { timeout: 10_000 });
    expect(received).toEqual([{ variables: { id: MEETING } }]);
    expect(first.calls.meeting).toBe(0);
    first.wrapper.unmount();

    const again = mountLiveQuery();
    await vi.waitUntil(() => again.wrapper.text() === 'Från Apollo', { timeout: 10_000 });
    expect(again.calls.meeting).toBe(1);
    expect(received).toHaveLength(1);
  });

  test('falls back to the Apollo query when the preload fails', async () => {
    failing = true;
    preloadLiveMeeting(`/moten/${encodeURIComponent(MEETING)}/live`);
    const page = mountLiveQuery();
    await vi.waitUntil(() => page.wrapper.text() === 'Från Apollo', { timeout: 10_000 });
    expect(received).toHaveLength(1);
    expect(page.calls.meeting).toBe(1);
  });

  test('other pages send nothing', async () => {
    preloadLiveMeeting(`/moten/${encodeURIComponent(MEETING)}`);
    preloadLiveMeeting('/forum/samverkansradet');
    const page = mountLiveQuery();
    await vi.waitUntil(() => page.wrapper.text() === 'Från Apollo', { timeout: 10_000 });
    expect(received).toEqual([]);
  });
});
