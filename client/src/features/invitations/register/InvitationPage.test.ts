import { afterEach, describe, expect, test } from 'vitest';
import { ref } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import type { Client, Sink } from 'graphql-ws';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import type { LiveSocket } from '../../../lib/live/live-socket';
import InvitationPage from './InvitationPage.vue';

const ID = 'SW52aXRhdGlvbjox';

function sampleInvitation(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    kind: 'DIALOGUE',
    status: 'PUBLISHED',
    stage: 'INVESTIGATION',
    title: 'Tidig dialog om nya idrottshallar',
    process: 'Lokalförsörjningsplan för idrott 2027–2030',
    plannedDecisionOn: '2027-06-15',
    decidingBody: 'Kultur- och fritidsnämnden',
    inputWanted: 'Vilka tider behöver föreningarna?\n\nVad saknas i dag?',
    principles: ['DIALOGUE', 'LONG_TERM'],
    areas: ['idrott', 'lokaler'],
    audience: 'AREAS_OF_INTEREST',
    partyKinds: [],
    namedParties: [],
    contactName: 'Kim Lind',
    contactDetails: 'kim.lind@orebro.se',
    registrationNumber: null,
    responseDeadline: null,
    publishedAt: '2026-12-01T09:00:00Z',
    feedback: null,
    feedbackPublishedAt: null,
    compilationSummary: null,
    compilationPublishedAt: null,
    cancelReason: null,
    feedbackOverdue: false,
    shortDeadline: false,
    viewerFollowsUp: false,
    viewerActions: [],
    liveCursor: '10',
    party: { id: 'P-kf', name: 'Kultur- och fritidsförvaltningen' },
    documents: [
      {
        id: 'D1',
        name: 'Underlag.pdf',
        mediaType: 'application/pdf',
        size: 120_000,
        url: '/dokument/D1/Underlag.pdf',
      },
    ],
    occasions: [
      {
        id: 'O1',
        startsAt: '2027-01-20T16:00:00Z',
        endsAt: '2027-01-20T18:00:00Z',
        mode: 'IN_PERSON',
        link: null,
        place: 'Föreningarnas hus, Örebro',
        accessibility: 'Hörslinga och ramp.',
        capacity: 30,
        registrationClosesOn: '2027-01-15',
      },
      {
        id: 'O2',
        startsAt: '2027-01-27T16:00:00Z',
        endsAt: '2027-01-27T17:00:00Z',
        mode: 'DIGITAL',
        link: 'https://example.org/mote',
        place: null,
        accessibility: null,
        capacity: null,
        registrationClosesOn: '2027-01-26',
      },
    ],
    proposals: [],
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

/** The parts of the page that take the invitation's id and the revision: stubbed, named as mounted. */
const PARTS = {
  InvitationActions: { props: ['invitationId', 'revision'], template: '<div class="part-actions" />' },
  InvitationAnswers: { props: ['invitationId', 'revision'], template: '<div class="part-answers" />' },
  ConsultationPanel: { props: ['invitationId', 'revision'], template: '<div class="part-consultation" />' },
  InvitationFeedbackPanel: { props: ['invitationId', 'revision'], template: '<div class="part-feedback" />' },
  OccasionCalendarLink: { props: ['occasionId'], template: '<span class="part-ics" />' },
};

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function settle() {
  for (let i = 0; i < 3; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function setup(invitation: Record<string, unknown> | null, locale: 'sv' | 'en' = 'sv') {
  const live = fakeSocket();
  const mounted = await mountInPage(InvitationPage, {
    locale,
    props: { id: ID, socket: live.socket },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({ resolvers: { invitation: () => invitation } }),
      },
      // The page's parts query for themselves and have their own tests; here only where they are mounted.
      stubs: PARTS,
    },
  });
  wrapper = mounted.wrapper;
  await settle();
  return { page: mounted.wrapper, live };
}

describe('InvitationPage', () => {
  test.each(['sv', 'en'] as const)(
    'shows every field of a dialogue invitation with its occasions and documents; axe clean in %s',
    async (locale) => {
      const { page } = await setup(sampleInvitation(), locale);
      expect(page.get('h1').text()).toBe('Tidig dialog om nya idrottshallar');
      const facts = page.get('dl.facts').text();
      expect(facts).toContain(locale === 'sv' ? 'Inbjudan till dialog' : 'Invitation to dialogue');
      expect(facts).toContain(locale === 'sv' ? 'Öppen' : 'Open');
      expect(facts).toContain(locale === 'sv' ? 'Utredning' : 'Investigation');
      expect(facts).toContain('Lokalförsörjningsplan för idrott 2027–2030');
      expect(facts).toContain('Kultur- och fritidsnämnden');
      expect(facts).toContain(locale === 'sv' ? '15 juni 2027' : '15 June 2027');
      expect(facts).toContain('idrott, lokaler');
      expect(facts).toContain('Kim Lind, kim.lind@orebro.se');
      expect(facts).toContain(locale === 'sv' ? 'Dialog, Långsiktighet' : 'Dialogue');
      expect(page.findAll('.prose p').map((p) => p.text())).toEqual([
        'Vilka tider behöver föreningarna?',
        'Vad saknas i dag?',
      ]);
      const occasions = page.findAll('.occasions > li');
      expect(occasions).toHaveLength(2);
      expect(occasions[0]!.text()).toContain('Föreningarnas hus, Örebro');
      expect(occasions[0]!.text()).toContain('Hörslinga och ramp.');
      expect(occasions[0]!.text()).toContain(locale === 'sv' ? '30 platser' : '30 seats');
      expect(occasions[0]!.get('time').attributes('datetime')).toBe('2027-01-20T16:00:00.000Z');
      expect(occasions[0]!.text()).toContain('17:00–19:00');
      expect(occasions[1]!.get('a').attributes('href')).toBe('https://example.org/mote');
      expect(occasions[1]!.text()).toContain(locale === 'sv' ? 'Ingen begränsning' : 'No limit');
      expect(page.get('.document-list a').attributes('href')).toBe('/dokument/D1/Underlag.pdf');
      expect(
        page.findAllComponents(PARTS.OccasionCalendarLink).map((link) => link.props('occasionId')),
      ).toEqual(['O1', 'O2']);
      expect(page.findComponent(PARTS.InvitationAnswers).props('invitationId')).toBe(ID);
      expect(page.find('.part-consultation').exists()).toBe(false);
      expect(page.find('.overdue').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('a consultation: registration number, deadline, proposals, its panel and the feedback', async () => {
    const { page } = await setup(
      sampleInvitation({
        kind: 'CONSULTATION',
        status: 'FEEDBACK_PUBLISHED',
        registrationNumber: 'Ks 12/2026',
        responseDeadline: '2027-02-28',
        occasions: [],
        proposals: [
          { id: 'CP1', position: 1, title: 'Förslag 1: fler kvällstider', description: 'Kvällar i veckan.' },
          { id: 'CP2', position: 2, title: 'Förslag 2: lägre hyror', description: null },
        ],
        compilationSummary: 'Svaren visade stort behov av kvällstider.',
        compilationPublishedAt: '2027-03-10T09:00:00Z',
        feedback: 'Nämnden beslutade om fler kvällstider.',
        feedbackPublishedAt: '2027-04-01T09:00:00Z',
      }),
    );
    const facts = page.get('dl.facts').text();
    expect(facts).toContain('Ks 12/2026');
    expect(facts).toContain('28 februari 2027');
    expect(page.findAll('.proposals > li h3').map((h) => h.text())).toEqual([
      'Förslag 1: fler kvällstider',
      'Förslag 2: lägre hyror',
    ]);
    expect(page.find('.occasions').exists()).toBe(false);
    // The consultation panel shows the compilation: said twice, it would be two regions of one name.
    expect(page.find('#invitation-compilation-heading').exists()).toBe(false);
    expect(page.find('.part-consultation').exists()).toBe(true);
    expect(page.find('.part-answers').exists()).toBe(false);
    expect(page.find('.part-feedback').exists()).toBe(true);
  });

  test('the overdue and short-deadline flags show only to those who follow it up', async () => {
    const flagged = { feedbackOverdue: true, shortDeadline: true, status: 'HELD' };
    const { page } = await setup(sampleInvitation(flagged));
    expect(page.find('.overdue').exists()).toBe(false);
    wrapper?.unmount();
    const inviter = await setup(sampleInvitation({ ...flagged, viewerFollowsUp: true }));
    expect(inviter.page.get('.overdue').text()).toContain('Återkopplingen är försenad');
    expect(inviter.page.get('.short-deadline').text()).toContain('Remisstiden är kortare');
  });

  test('a cancellation shows its reason; a missing invitation says so', async () => {
    const { page } = await setup(sampleInvitation({ status: 'CANCELLED', cancelReason: 'Lokalen brann.' }));
    expect(page.get('#invitation-cancelled-heading').text()).toBe('Inställd');
    expect(page.text()).toContain('Lokalen brann.');
    wrapper?.unmount();
    const missing = await setup(null);
    expect(missing.page.get('h1').text()).toBe('Inbjudan');
    expect(missing.page.text()).toContain('Inbjudan finns inte');
  });

  test('a step taken by someone else appears live and counts a revision, without a reload', async () => {
    const base = sampleInvitation();
    const { page, live } = await setup(base);
    expect(live.sinks).toHaveLength(1);
    expect(page.get('article').attributes('data-revision')).toBe('0');
    const closed = {
      ...base,
      __typename: 'Invitation',
      status: 'REGISTRATION_CLOSED',
      party: { ...base.party, __typename: 'Party' },
      documents: base.documents.map((d) => ({ ...d, __typename: 'Document' })),
      occasions: base.occasions.map((o) => ({ ...o, __typename: 'InvitationOccasion' })),
    };
    delete (closed as Record<string, unknown>).liveCursor;
    live.sinks[0]!.next({
      data: {
        invitationChanged: {
          __typename: 'InvitationChangedEvent',
          cursor: '11',
          kind: 'CLOSE_REGISTRATION',
          invitation: closed,
        },
      },
    } as never);
    await settle();
    expect(page.get('.badge').text()).toBe('Anmälan stängd');
    expect(page.get('[aria-live="polite"]').text()).toBe('Inbjudans status är nu: Anmälan stängd.');
    expect(page.get('article').attributes('data-revision')).toBe('1');
    expect(page.findComponent(PARTS.InvitationActions).props('revision')).toBe(1);
    expect(page.findComponent(PARTS.InvitationAnswers).props('revision')).toBe(1);
  });
});
