import { afterEach, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import NotificationsPage from '../../notifications/NotificationsPage.vue';
import {
  handDrivenSocket,
  notificationViewer,
  sampleNotification,
} from '../../notifications/notifications-fixtures';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const invitation = (
  n: number,
  kind: string,
  params: [string, string][],
  registrationNumber: string | null = null,
) =>
  sampleNotification(n, {
    kind,
    params: params.map(([name, value]) => ({ name, value })),
    submission: null,
    invitation: { id: `I${n}`, registrationNumber, title: `Dialog ${n}` },
  });

const NOTIFICATIONS = [
  invitation(1, 'INVITATION_NEW', [
    ['action', 'PUBLISH'],
    ['invitationKind', 'DIALOGUE'],
  ]),
  invitation(
    2,
    'INVITATION_NEW',
    [
      ['action', 'PUBLISH'],
      ['invitationKind', 'CONSULTATION'],
    ],
    'Ks 3/2027',
  ),
  invitation(3, 'INVITATION_FEEDBACK', [['action', 'PUBLISH_FEEDBACK']]),
  invitation(4, 'INVITATION_CANCELLED', [['action', 'CANCEL']]),
  invitation(5, 'INVITATION_CANCELLED', [['action', 'MANAGE_OCCASIONS']]),
  invitation(6, 'INVITATION_SEAT_OFFERED', [['action', 'REGISTER']]),
  invitation(7, 'CONSULTATION_COMPILED', [['action', 'COMPILE']]),
  sampleNotification(8),
];

test.each([
  [
    'sv',
    [
      'Dialog 1 är en ny inbjudan till dialog som gäller er.',
      'Ks 3/2027: Dialog 2 är en ny remiss som gäller er.',
      'Dialog 3 har fått återkoppling: så blev det.',
      'Dialog 4 har ställts in.',
      'Dialog 5 har fått ändrade tillfällen.',
      'Dialog 6 har en plats till er från väntelistan.',
      'Dialog 7 har fått en publicerad remissammanställning.',
      'SR 8/2026: Lokaler 8 har registrerats.',
    ],
  ],
  [
    'en',
    [
      'Dialog 1 is a new invitation to dialogue that concerns you.',
      'Ks 3/2027: Dialog 2 is a new consultation that concerns you.',
      'Dialog 3 has feedback: what came of it.',
      'Dialog 4 has been cancelled.',
      'Dialog 5 has had its occasions changed.',
      'Dialog 6 has a seat for you from the waiting list.',
      'Dialog 7 has a published compilation of the responses.',
      'SR 8/2026: Lokaler 8 has been registered.',
    ],
  ],
] as const)(
  'the notification list says what happened to an invitation and links to it (%s)',
  async (locale, texts) => {
    const live = handDrivenSocket();
    const mounted = await mountInPage(NotificationsPage, {
      locale,
      props: { socket: live.socket },
      global: {
        provide: {
          [DefaultApolloClient as symbol]: createFakeApollo({
            signedIn: true,
            resolvers: { viewer: () => notificationViewer(NOTIFICATIONS) },
          }),
        },
      },
    });
    wrapper = mounted.wrapper;
    for (let i = 0; i < 4; i++) await flushPromises();
    const links = wrapper.findAll('.notification-list li a');
    expect(links.map((a) => a.text())).toEqual(texts);
    expect(links[0]!.attributes('href')).toBe('/dialog/I1');
    expect(links[7]!.attributes('href')).toBe('/arenden/S8');
    expect(await axeViolations(document.body)).toEqual([]);
  },
);
