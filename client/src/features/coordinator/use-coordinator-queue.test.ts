import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ref } from 'vue';
import { startLiveServer, type LiveServer } from '../../../tests/live-server';
import { createLiveSocket, type LiveSocket } from '../../lib/live/live-socket';
import { partsChangedBy, useCoordinatorQueueLive } from './use-coordinator-queue';

describe('partsChangedBy', () => {
  test.each([
    ['ACCESSION_REQUESTED', ['accessions']],
    ['ACCESSION_APPROVED', ['accessions']],
    ['NETWORK_REGISTERED', ['accessions']],
    ['NOMINATION_MADE', ['nominations']],
    ['EXCLUSION_CASE_RESPONDED', ['cases']],
    ['ACCESSION_EXCLUDED', ['accessions', 'cases']],
    ['RESYNC', ['accessions', 'nominations', 'cases']],
    ['SOMETHING_NEW', ['accessions', 'nominations', 'cases']],
  ])('%s refetches %j', (kind, parts) => {
    expect(partsChangedBy(kind)).toEqual(parts);
  });
});

describe('useCoordinatorQueueLive over a real socket', { timeout: 30_000 }, () => {
  let server: LiveServer;
  let socket: LiveSocket;
  beforeEach(async () => {
    server = await startLiveServer();
    socket = createLiveSocket({ url: server.url, retryDelay: () => 0 });
  });
  afterEach(async () => {
    await socket.dispose().catch(() => {});
    await server.close();
  });

  test('a replay of 20 events refetches the part they changed at most twice, and nothing else', async () => {
    for (let n = 0; n < 20; n++)
      server.publish('coordinator', (cursor) => ({ cursor, kind: 'NOMINATION_MADE' }));
    // The first refetch is held until every replayed event has arrived, as a slow network would hold it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const refetch = { accessions: vi.fn(), nominations: vi.fn(() => held), cases: vi.fn() };
    const { updates } = useCoordinatorQueueLive(refetch, { startAfter: ref('0'), socket });
    await vi.waitFor(() => expect(updates.value).toBe(20), { timeout: 15_000, interval: 20 });
    release();
    await vi.waitFor(() => expect(refetch.nominations).toHaveBeenCalled(), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(refetch.nominations.mock.calls.length).toBeLessThanOrEqual(2);
    expect(refetch.accessions).not.toHaveBeenCalled();
    expect(refetch.cases).not.toHaveBeenCalled();
  });
});
