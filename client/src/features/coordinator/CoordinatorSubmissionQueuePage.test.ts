import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import { sampleQueue } from '../submissions/QueueSamples';
import CoordinatorSubmissionQueuePage from './CoordinatorSubmissionQueuePage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: FakeApiOptions, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(CoordinatorSubmissionQueuePage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const headings = (page: VueWrapper) => page.findAll('h2').map((h) => h.text());

describe("the coordinator's submission queue", () => {
  test('shows every section with its count, in the order the work flows; axe clean', async () => {
    const page = await setup({ signedIn: true, resolvers: { submissionQueue: () => sampleQueue() } });
    expect(page.get('h1').text()).toBe('Ärendekön');
    expect(headings(page)).toEqual([
      'Inskickade, att registrera (2)',
      'Återsända för komplettering, väntar på parten (1)',
      'Remitterade till förvaltning för skriftligt svar (2)',
      'Registrerade, inte schemalagda (1)',
      'Schemalagda för möte (1)',
      'Besvarade, att avsluta (0)',
    ]);
    const waiting = page.findAll('#queue-awaitingRegistration ~ table tbody tr').map((tr) => tr.text());
    expect(waiting[0]).toContain('Lokaler för föreningar');
    expect(waiting[0]).toContain('6 dagar');
    expect(waiting[1]).toContain('1 dag');
    expect(page.get('a[href="/arenden/S1"]').text()).toBe('Lokaler för föreningar');
    expect(page.find('.connection').exists()).toBe(true);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('an overdue referral is flagged in words, and summed up above the sections', async () => {
    const page = await setup({ signedIn: true, resolvers: { submissionQueue: () => sampleQueue() } });
    const rows = page.findAll('#queue-referred ~ table tbody tr');
    expect(rows[0]!.text()).toContain('SR 3/2026');
    expect(rows[0]!.text()).toContain('Försenat');
    expect(rows[1]!.text()).not.toContain('Försenat');
    expect(page.text()).toContain('1 remitterat ärende är försenat.');
  });

  test('a restricted matter without a title still links by its number; the meeting is named', async () => {
    const page = await setup({ signedIn: true, resolvers: { submissionQueue: () => sampleQueue() } });
    expect(page.get('a[href="/arenden/S6"]').text()).toContain('SR 4/2026');
    expect(page.get('a[href="/arenden/S6"]').text()).toContain('Begränsat ärende');
    expect(page.get('a[href="/moten/M1"]').text()).toBe('Samverkansrådet december');
  });

  test('in English', async () => {
    const page = await setup({ signedIn: true, resolvers: { submissionQueue: () => sampleQueue() } }, 'en');
    expect(page.get('h1').text()).toBe('Submission queue');
    expect(headings(page)[0]).toBe('Submitted, to register (2)');
    expect(page.text()).toContain('Overdue');
    expect(page.text()).toContain('6 days');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('someone without a queue is told so', async () => {
    const page = await setup({
      signedIn: true,
      isCoordinator: false,
      resolvers: { submissionQueue: () => null },
    });
    expect(page.text()).toContain('Ärendekön är till för samordnaren');
    expect(page.findAll('h2')).toHaveLength(0);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
