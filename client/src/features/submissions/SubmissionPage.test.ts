import { afterEach, describe, expect, test } from 'vitest';
import { ref } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import type { Client, Sink } from 'graphql-ws';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import type { LiveSocket } from '../../lib/live/live-socket';
import SubmissionPage from './SubmissionPage.vue';

const ID = 'U3VibWlzc2lvbjox';

function entry(id: string, action: string | null, from: string | null, to: string | null, extra = {}) {
  return {
    id,
    action,
    fromStatus: from,
    toStatus: to,
    occurredAt: `2026-11-0${id.slice(1)}T10:00:00Z`,
    actorName: 'Samira Lind',
    party: null,
    text: null,
    meeting: null,
    ...extra,
  };
}

const MEETING = { id: 'TWVldGluZzox', title: 'Samverkansrådet december', startsAt: '2026-12-10T13:00:00Z' };

function sampleSubmission(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    version: 4,
    status: 'SCHEDULED',
    kind: 'OBSTACLE',
    publication: 'PUBLIC',
    registrationNumber: 'SR 14/2026',
    title: 'Lokalerna i Vivalla är för dyra',
    description: 'Föreningarna har inte råd med hyran.\n\nVi vill prata om det.',
    viewerCanSeeContent: true,
    viewerActions: [],
    viewerCanComment: false,
    viewerFollows: true,
    followerCount: 3,
    submittedAt: '2026-11-01T10:00:00Z',
    registeredAt: '2026-11-02T10:00:00Z',
    answeredAt: null,
    closedAt: null,
    answerDueOn: null,
    statusReason: null,
    answer: null,
    principles: ['DIALOGUE', 'DIVERSITY'],
    commitments: [2, 5],
    party: { id: 'P2', name: 'Vivalla Kvinnoförening' },
    cosigners: [{ id: 'P3', name: 'Studieförbundet' }],
    referredTo: null,
    activity: { id: 'A1', number: 4, title: 'Lokaler för föreningslivet' },
    documents: [
      {
        id: 'D1',
        name: 'Hyreslista.pdf',
        mediaType: 'application/pdf',
        size: 2048,
        url: '/dokument/D1/Hyreslista.pdf',
      },
    ],
    scheduledMeeting: MEETING,
    scheduledAgendaItem: { id: 'AI1', title: 'Anmält hinder: lokalhyror' },
    liveCursor: '10',
    timeline: [
      entry('E1', 'SUBMIT', 'DRAFT', 'SUBMITTED', { actorName: 'Maja Berg' }),
      entry('E2', 'REGISTER', 'SUBMITTED', 'REGISTERED'),
      entry('E3', 'COSIGN', null, null, {
        actorName: 'Johan Ek',
        party: { id: 'P3', name: 'Studieförbundet' },
      }),
      entry('E4', 'SCHEDULE', 'REGISTERED', 'SCHEDULED', { meeting: MEETING }),
      entry('E5', null, null, null, { text: 'Rådet tar upp ärendet i december.' }),
    ],
    conversation: [
      { id: 'M1', body: 'Finns det något nytt?', authorName: 'Maja Berg', postedAt: '2026-11-03T10:00:00Z' },
    ],
    internalNotes: null,
    ...overrides,
  };
}

/** A live socket whose subscriptions the test answers itself. */
function fakeSocket() {
  const sinks: Sink[] = [];
  const client = {
    subscribe: (_payload: unknown, sink: Sink) => {
      sinks.push(sink);
      return () => {};
    },
  } as unknown as Client;
  const socket: LiveSocket = {
    client,
    status: ref({ connection: 'connected' }) as unknown as LiveSocket['status'],
    dispose: async () => {},
  };
  return { socket, sinks };
}

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

/** Lets the queries answer and Apollo deliver what its cache holds. */
async function settle() {
  for (let i = 0; i < 3; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function setup(
  submission: Record<string, unknown> | null,
  options: {
    locale?: 'sv' | 'en';
    signedIn?: boolean;
    resolvers?: Record<string, (args: never) => unknown>;
  } = {},
) {
  const live = fakeSocket();
  const apollo = createFakeApollo({
    signedIn: options.signedIn ?? true,
    isCoordinator: false,
    resolvers: { submission: () => submission, ...options.resolvers },
  });
  const mounted = await mountInPage(SubmissionPage, {
    locale: options.locale ?? 'sv',
    props: { id: ID, socket: live.socket },
    global: { provide: { [DefaultApolloClient as symbol]: apollo } },
  });
  wrapper = mounted.wrapper;
  await settle();
  return { page: mounted.wrapper, live };
}

describe('SubmissionPage', () => {
  test('shows the number and title, the facts, and the timeline in order with who and when', async () => {
    const { page } = await setup(sampleSubmission());
    expect(page.get('h1').text()).toBe('SR 14/2026 – Lokalerna i Vivalla är för dyra');
    expect(page.get('.badge').text()).toBe('Planerat till sammanträde');
    expect(page.text()).toContain('Hinder för samverkan');
    expect(page.text()).toContain('Vivalla Kvinnoförening');
    expect(page.text()).toContain('Studieförbundet');
    const items = page.findAll('.submission-timeline > li');
    expect(items.map((li) => li.get('strong').text())).toEqual([
      'Inskickat',
      'Registrerat',
      'Ställer sig bakom',
      'Planerat till sammanträde',
      'Kommentar',
    ]);
    expect(items[0]!.text()).toContain('av Maja Berg');
    expect(items[0]!.get('time').attributes('datetime')).toBe('2026-11-01T10:00:00.000Z');
    expect(items[3]!.get('a').text()).toBe('Sammanträde: Samverkansrådet december');
    expect(items[4]!.text()).toContain('Rådet tar upp ärendet i december.');
    expect(page.find('#notes-heading').exists()).toBe(false);
    expect(page.get('#conversation-heading').text()).toBe('Dialog med samordnaren');
    expect(page.get('button[aria-pressed]').attributes('aria-pressed')).toBe('true');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('what the matter concerns: principles translated, commitments by their text, the activity, documents', async () => {
    const { page } = await setup(sampleSubmission());
    expect(page.get('#concerns-heading').text()).toBe('Vad ärendet gäller');
    expect(page.findAll('.submission-principles li').map((li) => li.text())).toEqual(['Dialog', 'Mångfald']);
    expect(page.findAll('.submission-commitments li').map((li) => li.text())).toEqual([
      '2. Åtagande 2.',
      '5. Åtagande 5.',
    ]);
    expect(page.text()).toContain('4. Lokaler för föreningslivet');
    expect(page.get('#documents-heading').text()).toBe('Dokument');
    const link = page.get('.document-list a');
    expect(link.text()).toBe('Hyreslista.pdf');
    expect(link.attributes('href')).toBe('/dokument/D1/Hyreslista.pdf');
    expect(page.find('.document-list button').exists()).toBe(false);
    const cosigner = page.get('.inline-list a');
    expect(cosigner.text()).toBe('Studieförbundet');
    expect(page.get('dl.facts').text()).toContain('Sammanträde');
    expect(page.get('dl.facts').text()).toContain('Anmält hinder: lokalhyror');
  });

  test('in English, principles and commitments by position when the agreement has no text for them', async () => {
    const { page } = await setup(sampleSubmission({ commitments: [2, 9], documents: [] }), {
      locale: 'en',
    });
    expect(page.get('#concerns-heading').text()).toBe('What the matter concerns');
    expect(page.findAll('.submission-principles li').map((li) => li.text())).toEqual([
      'Dialogue',
      'Diversity',
    ]);
    expect(page.findAll('.submission-commitments li').map((li) => li.text())).toEqual([
      '2. Åtagande 2.',
      'Commitment 9',
    ]);
    expect(page.find('#documents-heading').exists()).toBe(false);
  });

  test('a matter returned for completion says what to complete; a declined one its reason', async () => {
    const returned = await setup(
      sampleSubmission({
        status: 'RETURNED',
        statusReason: 'Bifoga hyresavtalet.',
        scheduledMeeting: null,
        scheduledAgendaItem: null,
      }),
    );
    expect(returned.page.get('.status-reason').text()).toBe('Bifoga hyresavtalet.');
    expect(returned.page.get('dl.facts').text()).toContain('Att komplettera');
    returned.page.unmount();
    wrapper = undefined;
    const declined = await setup(
      sampleSubmission({
        status: 'DECLINED',
        statusReason: 'Utanför överenskommelsens område.',
        scheduledMeeting: null,
        scheduledAgendaItem: null,
      }),
    );
    expect(declined.page.get('dl.facts').text()).toContain('Skäl till avvisningen');
    expect(declined.page.get('.status-reason').text()).toBe('Utanför överenskommelsens område.');
  });

  test('a referred matter names the department and the date its answer is due; then its written answer', async () => {
    const referred = sampleSubmission({
      status: 'REFERRED',
      referredTo: { id: 'P9', name: 'Kultur- och fritidsförvaltningen' },
      answerDueOn: '2026-12-15',
      scheduledMeeting: null,
      scheduledAgendaItem: null,
    });
    const first = await setup(referred);
    const facts = first.page.get('dl.facts');
    expect(facts.text()).toContain('Remitterat till');
    expect(facts.text()).toContain('Kultur- och fritidsförvaltningen');
    expect(facts.find('time[datetime="2026-12-15"]').exists()).toBe(true);
    expect(first.page.find('.submission-answer').exists()).toBe(false);
    first.page.unmount();
    wrapper = undefined;
    const { page } = await setup({
      ...referred,
      status: 'ANSWERED',
      answer: 'Förvaltningen sänker hyran från januari.',
      answeredAt: '2026-12-10T09:00:00Z',
    });
    const section = page.get('.submission-answer');
    expect(section.text()).toContain('Skriftligt svar');
    expect(section.text()).toContain('Förvaltningen sänker hyran från januari.');
    expect(section.find('a').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('a restricted matter shows only its number and status', async () => {
    const { page } = await setup(
      sampleSubmission({
        viewerCanSeeContent: false,
        publication: 'RESTRICTED',
        title: null,
        description: null,
        party: null,
        conversation: null,
        principles: [],
        commitments: [],
        activity: null,
        documents: [],
        cosigners: [],
        scheduledAgendaItem: null,
        timeline: [entry('E1', 'SUBMIT', 'DRAFT', 'SUBMITTED', { actorName: null })],
      }),
      { signedIn: false },
    );
    expect(page.get('h1').text()).toBe('SR 14/2026 – Ärende som hanteras utan publicering');
    expect(page.get('.badge').text()).toBe('Planerat till sammanträde');
    expect(page.find('.submission-timeline').exists()).toBe(false);
    expect(page.find('button[aria-pressed]').exists()).toBe(false);
    expect(page.text()).not.toContain('Vivalla');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('in English, an unregistered matter with internal notes marked internal', async () => {
    const { page } = await setup(
      sampleSubmission({
        registrationNumber: null,
        status: 'SUBMITTED',
        scheduledMeeting: null,
        scheduledAgendaItem: null,
        internalNotes: [
          { id: 'N1', body: 'Check the lease.', authorName: 'Erik Holm', postedAt: '2026-11-04T10:00:00Z' },
        ],
        timeline: [entry('E1', 'SUBMIT', 'DRAFT', 'SUBMITTED')],
      }),
      { locale: 'en' },
    );
    expect(page.get('h1').text()).toBe('Not registered – Lokalerna i Vivalla är för dyra');
    expect(page.get('#notes-heading').text()).toContain('Internal');
    expect(page.get('.submission-internal').text()).toContain('seen only by the coordinator');
    expect(page.text()).toContain('Check the lease.');
    expect(page.get('.submission-timeline strong').text()).toBe('Submitted');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('the answer is shown prominently with the meeting that decided it', async () => {
    const answer = entry('E6', 'RECORD_MEETING_ANSWER', 'SCHEDULED', 'ANSWERED', {
      actorName: null,
      text: 'Rådet ger förvaltningen i uppdrag att se över hyrorna.',
      meeting: MEETING,
    });
    const base = sampleSubmission();
    const { page } = await setup({
      ...base,
      status: 'ANSWERED',
      answer: 'Rådet ger förvaltningen i uppdrag att se över hyrorna.',
      answeredAt: '2026-11-06T10:00:00Z',
      timeline: [...base.timeline, answer],
    });
    const section = page.get('.submission-answer');
    expect(section.get('h2').text()).toBe('Svar');
    expect(section.text()).toContain('Beslutat vid');
    expect(section.get('time').attributes('datetime')).toBe('2026-11-06T10:00:00.000Z');
    expect(section.text()).toContain('Rådet ger förvaltningen i uppdrag att se över hyrorna.');
    expect(section.get('a').text()).toBe('Samverkansrådet december');
    expect(page.findAll('.submission-timeline strong').at(-1)!.text()).toBe('Besvarat genom beslut');
    expect(page.findAll('.submission-timeline > li').at(-1)!.text()).toContain('av sammanträdet');
  });

  test('a message is posted; a refused one shows its field error', async () => {
    const sent: unknown[] = [];
    const { page } = await setup(sampleSubmission(), {
      resolvers: {
        postSubmissionMessage: ({ input }: { input: { body: string } }) => {
          sent.push(input);
          if (!input.body.trim())
            return {
              message: null,
              errors: [{ field: ['input', 'body'], code: 'REQUIRED', message: 'Skriv något.', max: null }],
            };
          return {
            message: {
              id: 'M2',
              body: input.body,
              authorName: 'Maja Berg',
              postedAt: '2026-11-05T10:00:00Z',
            },
            errors: [],
          };
        },
      },
    });
    const form = page.get('#submission-message-body').element.closest('form')!;
    await page.get('form:has(#submission-message-body)').trigger('submit');
    await flushPromises();
    expect(form.querySelector('.field-error')?.textContent).toBe('Skriv något.');
    expect(page.get('#submission-message-body').attributes('aria-invalid')).toBe('true');
    await page.get('#submission-message-body').setValue('Tack för beskedet.');
    await page.get('form:has(#submission-message-body)').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([
      { submissionId: ID, body: '' },
      { submissionId: ID, body: 'Tack för beskedet.' },
    ]);
    expect(form.querySelector('[role="status"]')?.textContent).toBe('Meddelandet skickades.');
    expect((page.get('#submission-message-body').element as HTMLTextAreaElement).value).toBe('');
  });

  test('a registration by someone else appears live, without a reload', async () => {
    const base = sampleSubmission({
      status: 'SUBMITTED',
      registrationNumber: null,
      cosigners: [],
      scheduledMeeting: null,
      scheduledAgendaItem: null,
    });
    const { page, live } = await setup({ ...base, timeline: base.timeline.slice(0, 1) });
    expect(page.get('h1').text()).toBe('Ej registrerat – Lokalerna i Vivalla är för dyra');
    expect(page.text()).toContain('Ansluten');
    expect(live.sinks).toHaveLength(1);
    // What the server sends: the subscription asks for every __typename, as Apollo's cache needs.
    const registered = {
      ...base,
      __typename: 'Submission',
      status: 'REGISTERED',
      registrationNumber: 'SR 15/2026',
      party: { ...base.party, __typename: 'Party' },
      activity: { ...base.activity, __typename: 'Activity' },
      documents: base.documents.map((d) => ({ ...d, __typename: 'Document' })),
      timeline: base.timeline.slice(0, 2).map((e) => ({ ...e, __typename: 'SubmissionTimelineEntry' })),
      conversation: base.conversation.map((m) => ({ ...m, __typename: 'SubmissionMessageEntry' })),
    };
    live.sinks[0]!.next({
      data: {
        submissionChanged: {
          __typename: 'SubmissionChangedEvent',
          cursor: '11',
          kind: 'REGISTER',
          submission: registered,
        },
      },
    } as never);
    await settle();
    expect(page.get('h1').text()).toBe('SR 15/2026 – Lokalerna i Vivalla är för dyra');
    expect(page.get('.badge').text()).toBe('Registrerat');
    expect(page.findAll('.submission-timeline > li')).toHaveLength(2);
    expect(page.get('[aria-live="polite"]').text()).toBe('Ärendets status: Registrerat');
  });

  test('the follow button is a toggle that says whether the viewer follows', async () => {
    const calls: string[] = [];
    const answer = (following: boolean, name: string) => () => {
      calls.push(name);
      return {
        submission: { id: ID, viewerFollows: following, followerCount: following ? 3 : 2 },
        errors: [],
      };
    };
    const { page } = await setup(sampleSubmission(), {
      resolvers: {
        unfollowSubmission: answer(false, 'unfollow'),
        followSubmission: answer(true, 'follow'),
      },
    });
    const button = () => page.get('button[aria-pressed]');
    expect(button().attributes('aria-pressed')).toBe('true');
    await button().trigger('click');
    await settle();
    expect(button().attributes('aria-pressed')).toBe('false');
    expect(page.text()).toContain('2 följer ärendet');
    expect(page.text()).not.toContain('Du följer ärendet');
    await button().trigger('click');
    await settle();
    expect(button().attributes('aria-pressed')).toBe('true');
    expect(calls).toEqual(['unfollow', 'follow']);
  });

  test('a matter that does not exist', async () => {
    const { page } = await setup(null);
    expect(page.get('[role="alert"]').text()).toContain('Ärendet finns inte');
  });
});
