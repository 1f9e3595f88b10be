import { describe, expect, test, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { GraphQLError } from 'graphql';
import { ApolloError } from '@apollo/client/core';
import type { MeetingDetailsFragment } from '../../gql/graphql';
import { useMeetingActions } from './use-meeting-actions';

const meeting = {
  id: 'M1',
  version: 7,
  title: 'Möte',
  agenda: [],
} as unknown as MeetingDetailsFragment;

/** Mounts the composable in a throwaway component with a stand-in Apollo client. */
function setup(mutate: (options: { variables: unknown }) => Promise<unknown>) {
  const refetch = vi.fn();
  let actions!: ReturnType<typeof useMeetingActions>;
  mount(
    defineComponent({
      setup() {
        actions = useMeetingActions(ref(meeting), refetch);
        return () => h('div');
      },
    }),
    { global: { provide: { [DefaultApolloClient as symbol]: { mutate } } } },
  );
  return { actions, refetch };
}

const payload = (errors: unknown[]) => ({
  data: { anything: { meeting: errors.length ? null : meeting, errors } },
});

describe('useMeetingActions', () => {
  test('sends expectedVersion with every mutation', async () => {
    const mutate = vi.fn().mockResolvedValue(payload([]));
    const { actions } = setup(mutate);
    expect(await actions.runMeetingAction('next')).toBe(true);
    expect(await actions.runItemAction('defer', 'AI3')).toBe(true);
    expect(mutate.mock.calls.map(([options]) => options.variables)).toEqual([
      { input: { meetingId: 'M1', expectedVersion: 7 } },
      { input: { meetingId: 'M1', expectedVersion: 7, agendaItemId: 'AI3' } },
    ]);
  });

  test.each([
    [
      'stale version refetches and says so',
      payload([{ field: [], message: 'x', code: 'STALE_VERSION' }]),
      ['userErrors.STALE_VERSION'],
      true,
    ],
    [
      'business rule',
      payload([{ field: [], message: 'x', code: 'INVALID_TRANSITION' }]),
      ['userErrors.INVALID_TRANSITION'],
      false,
    ],
  ])('%s', async (_name, result, alerts, refetched) => {
    const { actions, refetch } = setup(vi.fn().mockResolvedValue(result));
    expect(await actions.runMeetingAction('pause')).toBe(false);
    expect(actions.alerts.value).toEqual(alerts);
    expect(refetch).toHaveBeenCalledTimes(refetched ? 1 : 0);
  });

  test.each([
    ['FORBIDDEN', 'errors.FORBIDDEN'],
    ['UNAUTHENTICATED', 'errors.UNAUTHENTICATED'],
    ['INTERNAL_SERVER_ERROR', 'errors.GENERIC'],
  ])('a top-level %s error is translated, never shown raw', async (code, key) => {
    const error = new ApolloError({
      graphQLErrors: [new GraphQLError('raw server text', { extensions: { code } })],
    });
    const { actions } = setup(vi.fn().mockRejectedValue(error));
    expect(await actions.runMeetingAction('close')).toBe(false);
    expect(actions.alerts.value).toEqual([key]);
  });

  test('field errors of an outcome go beside the field of that item', async () => {
    const { actions } = setup(
      vi.fn().mockResolvedValue(
        payload([
          {
            field: ['input', 'decision'],
            message: 'Beslutet får vara högst 4000 tecken.',
            code: 'TOO_LONG',
            max: 4000,
          },
        ]),
      ),
    );
    expect(
      await actions.runItemAction('recordOutcome', 'AI2', { decision: 'x'.repeat(5000), minute: null }),
    ).toBe(false);
    expect(actions.fieldErrors.value).toEqual({
      AI2: {
        decision: {
          key: 'userErrors.TOO_LONG_MAX',
          params: { max: 4000 },
          sv: 'Beslutet får vara högst 4000 tecken.',
        },
      },
    });
    expect(actions.alerts.value).toEqual([]);
    expect(actions.savedItemId.value).toBeNull();
  });

  test('a saved outcome is acknowledged', async () => {
    const { actions } = setup(vi.fn().mockResolvedValue(payload([])));
    expect(await actions.runItemAction('recordOutcome', 'AI2', { decision: 'Beslut', minute: null })).toBe(
      true,
    );
    expect(actions.savedItemId.value).toBe('AI2');
  });
});
