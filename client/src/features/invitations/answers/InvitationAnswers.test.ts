import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import InvitationAnswers from './InvitationAnswers.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'SW52aXRhdGlvbjox';
const GUEST = { id: 'UGFydHk6MQ', name: 'Ungdomsföreningen' };
const OTHER = { id: 'UGFydHk6Mg', name: 'Grannföreningen' };

const participant = (
  id: string,
  name: string,
  status: string,
  waitingPosition: number | null,
  needs = null,
) => ({
  id,
  name,
  needs,
  status,
  waitingPosition,
  registeredAt: '2026-12-01T10:00:00Z',
  seatedAt: null,
  party: GUEST,
});

function sample(role: 'invitee' | 'inviter', parties = [GUEST]) {
  const mine = [participant('P1', 'Ada', 'REGISTERED', null), participant('P2', 'Bo', 'WAITING', 3)];
  return {
    id: ID,
    kind: 'DIALOGUE',
    status: 'PUBLISHED',
    viewerActions: role === 'inviter' ? ['EDIT', 'MANAGE_OCCASIONS'] : ['REGISTER', 'REPLY'],
    answeringPartyCount: 4,
    viewerInvitedParties: role === 'invitee' ? parties : [],
    occasions: [
      {
        id: 'O1',
        startsAt: '2027-01-20T17:00:00Z',
        endsAt: '2027-01-20T19:00:00Z',
        capacity: 10,
        registrationClosesOn: '2027-01-15',
        seatsTaken: 8,
        seatsLeft: 2,
        waitingCount: 0,
        viewerParticipants: [],
        participants:
          role === 'inviter'
            ? [{ ...participant('P9', 'Cy', 'REGISTERED', null), needs: 'Hörslinga' }]
            : null,
      },
      {
        id: 'O2',
        startsAt: '2027-01-27T17:00:00Z',
        endsAt: '2027-01-27T19:00:00Z',
        capacity: 5,
        registrationClosesOn: '2027-01-22',
        seatsTaken: 5,
        seatsLeft: 0,
        waitingCount: 3,
        viewerParticipants: role === 'invitee' ? mine : [],
        participants: role === 'inviter' ? [] : null,
      },
    ],
    replies:
      role === 'inviter'
        ? [
            {
              id: 'R1',
              kind: 'DECLINED',
              text: 'Ingen verksamhet där.',
              createdAt: '2026-12-01T10:00:00Z',
              party: OTHER,
            },
          ]
        : [],
  };
}

async function setup(
  invitation: ReturnType<typeof sample>,
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(InvitationAnswers, {
    locale,
    props: { invitationId: ID, revision: 0 },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { invitation: () => invitation, ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const noErrors = { errors: [] };

describe('InvitationAnswers', () => {
  test.each(['sv', 'en'] as const)(
    'says the seats and the waiting list in words, and the viewer’s places; axe clean (%s)',
    async (locale) => {
      const page = await setup(sample('invitee'), {}, locale);
      const seats = page.findAll('.invitation-answers-seats').map((p) => p.text());
      const mine = page.get('.invitation-answers-mine').text();
      if (locale === 'sv') {
        expect(seats).toEqual(['2 platser kvar av 10.', 'Fullt. 3 står på väntelistan.']);
        expect(mine).toContain('Anmäld');
        expect(mine).toContain('På väntelistan, plats 3');
        expect(page.text()).toContain('4 parter har svarat.');
      } else {
        expect(seats).toEqual(['2 seats left of 10.', 'Full. 3 are on the waiting list.']);
        expect(mine).toContain('On the waiting list, place 3');
      }
      expect(page.find('table').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('shows nothing for a consultation', async () => {
    const page = await setup({ ...sample('invitee'), kind: 'CONSULTATION', occasions: [] });
    expect(page.find('section').exists()).toBe(false);
  });

  test('registers participants: party choice, rows added and removed, the places announced', async () => {
    const registerForOccasion = vi.fn((_args: unknown) => ({
      occasion: { id: 'O1', seatsTaken: 10, seatsLeft: 0, waitingCount: 1 },
      participants: [
        { id: 'P5', name: 'Ada', status: 'REGISTERED', waitingPosition: null },
        { id: 'P6', name: 'Bo', status: 'WAITING', waitingPosition: 3 },
      ],
      ...noErrors,
    }));
    const page = await setup(sample('invitee', [GUEST, OTHER]), { registerForOccasion });
    await page.get('.invitation-answers-occasion button.button-primary').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('answers-register-party');
    expect(await axeViolations(document.body)).toEqual([]);

    await page.get('form').trigger('submit');
    await flushPromises();
    expect(registerForOccasion).not.toHaveBeenCalled();
    expect(page.get('#answers-register-party-error').text()).toBe('Fältet måste fyllas i.');
    expect(page.get('#answers-participant-0-name-error').text()).toBe('Fältet måste fyllas i.');

    await page.get('#answers-register-party').setValue(GUEST.id);
    await page.get('#answers-participant-0-name').setValue('Ada');
    await page.get('#answers-participant-0-needs').setValue('Rullstol');
    const add = page.findAll('form button').find((b) => b.text() === 'Lägg till deltagare')!;
    await add.trigger('click');
    await add.trigger('click');
    await flushPromises();
    expect(page.findAll('fieldset')).toHaveLength(3);
    await page.get('[aria-label="Ta bort deltagare 3"]').trigger('click');
    await page.get('#answers-participant-1-name').setValue('Bo');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(registerForOccasion.mock.calls[0]![0]).toEqual({
      input: {
        occasionId: 'O1',
        partyId: GUEST.id,
        participants: [
          { name: 'Ada', needs: 'Rullstol' },
          { name: 'Bo', needs: null },
        ],
      },
    });
    expect(page.get('[role="status"]').text()).toBe('Ada: Anmäld. Bo: På väntelistan, plats 3.');
    expect(page.emitted('changed')).toHaveLength(1);
    expect(page.find('form.invitation-answers-register').exists()).toBe(false);
  });

  test('a refusal is shown at its field and nothing is emitted', async () => {
    const registerForOccasion = vi.fn(() => ({
      occasion: null,
      participants: [],
      errors: [
        {
          field: ['input', 'occasionId'],
          code: 'INVALID_TRANSITION',
          message: 'Sista dag har passerat.',
          max: null,
        },
        {
          field: ['input', 'participants', '0', 'name'],
          code: 'TOO_LONG',
          message: 'Högst 200 tecken.',
          max: 200,
        },
      ],
    }));
    const page = await setup(sample('invitee'), { registerForOccasion });
    await page.get('.invitation-answers-occasion button.button-primary').trigger('click');
    await flushPromises();
    // One party: no choice to make, the name is first.
    expect(page.find('#answers-register-party').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('answers-participant-0-name');
    await page.get('#answers-participant-0-name').setValue('Ada');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#answers-participant-0-name-error').text()).toBe('Högst 200 tecken.');
    expect(page.emitted('changed')).toBeUndefined();
  });

  test('cancels a participant by name', async () => {
    const cancelOccasionParticipant = vi.fn((_args: unknown) => ({
      occasion: { id: 'O2', seatsTaken: 5, seatsLeft: 0, waitingCount: 2 },
      ...noErrors,
    }));
    const page = await setup(sample('invitee'), { cancelOccasionParticipant });
    await page.get('[aria-label="Avanmäl Bo"]').trigger('click');
    await flushPromises();
    expect(cancelOccasionParticipant.mock.calls[0]![0]).toEqual({ input: { participantId: 'P2' } });
    expect(page.get('[role="status"]').text()).toBe('Bo är avanmäld.');
    expect(page.emitted('changed')).toHaveLength(1);
  });

  test.each(['sv', 'en'] as const)(
    'the inviting party sees participants with needs and changes the seats (%s)',
    async (locale) => {
      const changeOccasionCapacity = vi.fn((args: { input: { capacity: number | null } }) =>
        args.input.capacity === 4
          ? {
              occasion: null,
              errors: [
                {
                  field: ['input', 'capacity'],
                  code: 'INVALID',
                  message: '5 deltagare har redan plats.',
                  max: null,
                },
              ],
            }
          : {
              occasion: { id: 'O1', capacity: null, seatsTaken: 8, seatsLeft: null, waitingCount: 0 },
              ...noErrors,
            },
      );
      const page = await setup(sample('inviter'), { changeOccasionCapacity }, locale);
      const table = page.get('table');
      expect(table.text()).toContain('Hörslinga');
      expect(page.find('.invitation-answers-register').exists()).toBe(false);
      expect(page.text()).toContain('Ingen verksamhet där.');
      expect(await axeViolations(document.body)).toEqual([]);

      const second = page.findAll('form.invitation-answers-capacity')[1]!;
      await second.get('input').setValue('4');
      await second.trigger('submit');
      await flushPromises();
      expect(changeOccasionCapacity.mock.calls[0]![0]).toEqual({ input: { occasionId: 'O2', capacity: 4 } });
      const error = page.get('#answers-capacity-O2-error').text();
      if (locale === 'sv') expect(error).toBe('5 deltagare har redan plats.');
      else expect(error).not.toBe('');
      expect(page.get('#answers-capacity-O2').attributes('aria-invalid')).toBe('true');
      await second.get('input').setValue('');
      await second.trigger('submit');
      await flushPromises();
      expect(changeOccasionCapacity.mock.calls[1]![0]).toEqual({
        input: { occasionId: 'O2', capacity: null },
      });
      expect(page.emitted('changed')).toHaveLength(1);
    },
  );

  test('declining asks for the reason, focused, and sends it', async () => {
    const declineInvitation = vi.fn((_args: unknown) => ({
      reply: { id: 'R2', kind: 'DECLINED', text: 'Ingen tid.' },
      ...noErrors,
    }));
    const page = await setup(sample('invitee'), { declineInvitation });
    const decline = page.findAll('button').find((b) => b.text() === 'Avböj inbjudan')!;
    await decline.trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('answers-reply-text');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(declineInvitation).not.toHaveBeenCalled();
    expect(page.get('#answers-reply-text-error').text()).toBe('Fältet måste fyllas i.');
    await page.get('#answers-reply-text').setValue('Ingen tid.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(declineInvitation.mock.calls[0]![0]).toEqual({
      input: { invitationId: ID, partyId: GUEST.id, reason: 'Ingen tid.' },
    });
    expect(page.get('[role="status"]').text()).toBe('Ni har avböjt inbjudan.');
    expect(page.emitted('changed')).toHaveLength(1);
  });
});
