import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { GraphQLError } from 'graphql';
import type { MeetingDetailsFragment } from '../../gql/graphql';
import { createFakeApollo, sampleMeeting } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import { sampleLiveMeeting } from '../live/sample-meeting';
import ChairSpeakersPanel from './ChairSpeakersPanel.vue';
import AttendancePanel from './AttendancePanel.vue';
import FloorRequest from './FloorRequest.vue';

const meeting = (over: Record<string, unknown> = {}) =>
  ({
    ...sampleMeeting(true),
    speakers: sampleLiveMeeting().speakers,
    ...over,
  }) as unknown as MeetingDetailsFragment;

/** A fake API whose floor mutations record their input and answer with `errors`. */
function api(errors: unknown[] = [], attendance: unknown[] = []) {
  const sent: Record<string, unknown>[] = [];
  const answer = (name: string) => (args: { input: Record<string, unknown> }) => {
    sent.push({ [name]: args.input });
    return { meeting: errors.length ? null : { ...meeting(), speakersVersion: 4 }, errors };
  };
  const names = [
    'giveFloor',
    'endSpeech',
    'removeFloorRequest',
    'setSpeakingTimeLimit',
    'requestFloor',
    'withdrawFloorRequest',
    'recordAttendance',
  ];
  const resolvers = Object.fromEntries(names.map((name) => [name, answer(name)]));
  const apollo = createFakeApollo({
    signedIn: true,
    resolvers: { ...resolvers, meeting: () => ({ ...sampleMeeting(true), attendance }) } as never,
  });
  return { apollo, sent };
}

const provide = (apollo: unknown) => ({ provide: { [DefaultApolloClient as symbol]: apollo } });

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe("the chair's speakers' list", () => {
  test('gives the floor to the next, ending the running speech; removes; sets the limit', async () => {
    const { apollo, sent } = api();
    ({ wrapper } = await mountInPage(ChairSpeakersPanel, {
      props: { meeting: meeting() },
      global: provide(apollo),
    }));
    expect(wrapper.get('.chair-speakers-now').text()).toContain('Har ordet: Leila Haddad');
    await wrapper.get('.button-primary').trigger('click');
    await flushPromises();
    await wrapper.get('[aria-label="Ta bort Amina Yusuf från talarlistan"]').trigger('click');
    await flushPromises();
    await wrapper.get('select').setValue('180');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const id = sampleMeeting().id;
    expect(sent).toEqual([
      { giveFloor: { meetingId: id, speakerId: 'speaker-2', replacing: 'speaker-1' } },
      { removeFloorRequest: { meetingId: id, speakerId: 'speaker-3' } },
      { setSpeakingTimeLimit: { meetingId: id, seconds: 180 } },
    ]);
  });

  test.each([
    ['sv', 'Talarlistan har just ändrats av någon annan.'],
    ['en', 'Someone else changed the speakers list – showing the latest. Try again.'],
  ] as const)('a lost race is said plainly (%s)', async (locale, text) => {
    const { apollo } = api([
      {
        field: ['input', 'replacing'],
        message: 'Talarlistan har just ändrats av någon annan.',
        code: 'STALE_VERSION',
      },
    ]);
    ({ wrapper } = await mountInPage(ChairSpeakersPanel, {
      locale,
      props: { meeting: meeting() },
      global: provide(apollo),
    }));
    await wrapper.get('[aria-label]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe(text);
  });

  test('has no axe violations, in Swedish and English', async () => {
    for (const locale of ['sv', 'en'] as const) {
      ({ wrapper } = await mountInPage(ChairSpeakersPanel, {
        locale,
        props: { meeting: meeting() },
        global: provide(api().apollo),
      }));
      expect(await axeViolations(document.body)).toEqual([]);
      wrapper.unmount();
    }
    wrapper = undefined;
  });
});

describe('attendance', () => {
  const lines = [
    {
      id: null,
      personId: 'p1',
      name: 'Erik Holm',
      organisation: 'Örebro Föreningsråd',
      member: true,
      state: 'ABSENT',
      presentAtStart: false,
      records: [],
    },
    {
      id: 'A2',
      personId: null,
      name: 'Anna Gäst',
      organisation: null,
      member: false,
      state: 'PRESENT',
      presentAtStart: false,
      records: [
        { change: 'ARRIVED', recordedAt: '2026-03-03T13:20:00Z', agendaItem: { id: 'AI2', position: 2 } },
      ],
    },
  ];

  test('offers what the table allows now, and records members, attendees and guests', async () => {
    const { apollo, sent } = api([], lines);
    ({ wrapper } = await mountInPage(AttendancePanel, {
      props: { meeting: meeting() },
      global: provide(apollo),
    }));
    await flushPromises();
    const rows = wrapper.findAll('tbody tr');
    expect(rows[0]!.findAll('button').map((b) => b.text())).toEqual(['Närvarande', 'Kom']);
    expect(rows[1]!.findAll('button').map((b) => b.text())).toEqual(['Gick']);
    expect(rows[1]!.text()).toContain('Kom 14:20 (punkt 2)');
    await wrapper.get('[aria-label="Erik Holm kom nu"]').trigger('click');
    await flushPromises();
    await wrapper.get('[aria-label="Anna Gäst gick nu"]').trigger('click');
    await flushPromises();
    await wrapper.get('#guest-name').setValue('Per Tjänsteperson');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const meetingId = sampleMeeting().id;
    expect(sent).toEqual([
      { recordAttendance: { meetingId, change: 'ARRIVED', personId: 'p1' } },
      { recordAttendance: { meetingId, change: 'LEFT', attendeeId: 'A2' } },
      { recordAttendance: { meetingId, change: 'ARRIVED', name: 'Per Tjänsteperson', organisation: null } },
    ]);
  });

  test('has no axe violations', async () => {
    ({ wrapper } = await mountInPage(AttendancePanel, {
      locale: 'en',
      props: { meeting: meeting() },
      global: provide(api([], lines).apollo),
    }));
    await flushPromises();
    expect(wrapper.get('h2').text()).toBe('Attendance');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('asking for the floor on a phone', () => {
  test('asks, shows the place in the queue, and withdraws', async () => {
    const { apollo, sent } = api();
    const speakers = sampleLiveMeeting().speakers;
    ({ wrapper } = await mountInPage(FloorRequest, {
      props: { meetingId: 'M1', speakers, personId: 'me' },
      global: provide(apollo),
    }));
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(sent).toEqual([{ requestFloor: { meetingId: 'M1' } }]);
    await wrapper.setProps({
      speakers: {
        ...speakers,
        queue: [...speakers.queue, { ...speakers.queue[0]!, id: 'mine', personId: 'me' }],
      },
    });
    expect(wrapper.get('[role="status"]').text()).toBe('Du står som nummer 3 på talarlistan.');
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(sent[1]).toEqual({ withdrawFloorRequest: { meetingId: 'M1' } });
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('someone who may not ask is told so in their language', async () => {
    const apollo = createFakeApollo({
      signedIn: true,
      resolvers: {
        requestFloor: () => {
          throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });
        },
      } as never,
    });
    ({ wrapper } = await mountInPage(FloorRequest, {
      locale: 'en',
      props: { meetingId: 'M1', speakers: sampleLiveMeeting().speakers, personId: 'me' },
      global: provide(apollo),
    }));
    expect(wrapper.get('button').text()).toBe('Ask for the floor');
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('You are not allowed to do this.');
  });
});
