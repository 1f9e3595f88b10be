import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import { nextTick } from 'vue';
import { focusPageHeading, titleOverride } from './lib/page-title';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page's title, used for document.title until the page sets its own. */
    titleKey: string;
    /** A page of its own without the site's header and footer (the projector). */
    bare?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('./features/agreement/HomePage.vue'),
    meta: { titleKey: 'home.title' },
  },
  {
    path: '/forum',
    name: 'forums',
    component: () => import('./features/forums/ForumsPage.vue'),
    meta: { titleKey: 'forums.title' },
  },
  {
    path: '/forum/:slug',
    name: 'forum',
    component: () => import('./features/forums/ForumPage.vue'),
    props: true,
    meta: { titleKey: 'forum.fallbackTitle' },
  },
  {
    path: '/arenden',
    name: 'submissions',
    component: () => import('./features/submissions/SubmissionsPage.vue'),
    meta: { titleKey: 'submissionRegister.title' },
  },
  {
    path: '/arenden/svarstider',
    name: 'submissionAnswerTimes',
    component: () => import('./features/submissions/RegisterAnswerTimesPage.vue'),
    meta: { titleKey: 'submissionRegister.answerTimes.heading' },
  },
  {
    path: '/moten/nytt',
    name: 'newMeeting',
    component: () => import('./features/meetings/NewMeetingPage.vue'),
    meta: { titleKey: 'meetingPlanning.newTitle' },
  },
  {
    path: '/moten/:id/forbered',
    name: 'editMeeting',
    component: () => import('./features/meetings/MeetingEditPage.vue'),
    props: true,
    meta: { titleKey: 'meetingPlanning.editHeading' },
  },
  {
    path: '/forum/:slug/standarddagordning',
    name: 'standardAgenda',
    component: () => import('./features/meetings/StandardAgendaPage.vue'),
    props: true,
    meta: { titleKey: 'meetingPlanning.standard.title' },
  },
  {
    path: '/moten/:id',
    name: 'meeting',
    component: () => import('./features/meetings/MeetingPage.vue'),
    props: true,
    meta: { titleKey: 'meeting.fallbackTitle' },
  },
  {
    path: '/moten/:id/protokoll',
    name: 'minutes',
    component: () => import('./features/minutes/MinutesPage.vue'),
    props: true,
    meta: { titleKey: 'minutes.title' },
  },
  {
    path: '/moten/:id/live',
    name: 'live',
    component: () => import('./features/live/LivePage.vue'),
    props: true,
    meta: { titleKey: 'live.fallbackTitle' },
    // The projector was once a mode of the live page; old links open its own page.
    beforeEnter: (to) =>
      to.query.vy === 'projektor' ? { name: 'projector', params: to.params, replace: true } : true,
  },
  {
    path: '/moten/:id/projektor',
    name: 'projector',
    component: () => import('./features/live/ProjectorPage.vue'),
    props: true,
    meta: { titleKey: 'room.projectorTitle', bare: true },
  },
  {
    path: '/arenden/nytt',
    name: 'newSubmission',
    component: () => import('./features/submissions/NewSubmissionPage.vue'),
    meta: { titleKey: 'submissionForm.newTitle' },
  },
  {
    path: '/arenden/:id/redigera',
    name: 'editSubmission',
    component: () => import('./features/submissions/EditSubmissionPage.vue'),
    props: true,
    meta: { titleKey: 'submissionForm.editTitle' },
  },
  {
    path: '/kalender',
    name: 'calendar',
    component: () => import('./features/calendar/CalendarPage.vue'),
    meta: { titleKey: 'notice.calendar.title' },
  },
  {
    path: '/logga-in',
    name: 'signIn',
    component: () => import('./features/account/SignInPage.vue'),
    meta: { titleKey: 'signIn.title' },
  },
  {
    path: '/registrera',
    name: 'register',
    component: () => import('./features/account/RegisterPage.vue'),
    meta: { titleKey: 'register.title' },
  },
  {
    path: '/aterstall-losenord',
    name: 'passwordReset',
    component: () => import('./features/account/PasswordResetPage.vue'),
    meta: { titleKey: 'reset.title' },
  },
  {
    path: '/inbjudan',
    name: 'invitation',
    component: () => import('./features/account/InvitationPage.vue'),
    meta: { titleKey: 'invitation.title' },
  },
  {
    path: '/mitt-konto',
    name: 'myAccount',
    component: () => import('./features/account/MyAccountPage.vue'),
    meta: { titleKey: 'account.title' },
  },
  {
    path: '/aviseringar',
    name: 'notifications',
    component: () => import('./features/notifications/NotificationsPage.vue'),
    meta: { titleKey: 'notifications.title' },
  },
  {
    path: '/min-forening',
    name: 'myParty',
    component: () => import('./features/parties/MyPartyPage.vue'),
    meta: { titleKey: 'myParty.title' },
  },
  {
    path: '/min-forening/arenden',
    name: 'partySubmissions',
    component: () => import('./features/submissions/PartySubmissionsPage.vue'),
    meta: { titleKey: 'submissionQueues.partyTitle' },
  },
  {
    path: '/parter',
    name: 'parties',
    component: () => import('./features/parties/PartyRegisterPage.vue'),
    meta: { titleKey: 'parties.title' },
  },
  {
    path: '/arenden/:id',
    name: 'submission',
    component: () => import('./features/submissions/SubmissionPage.vue'),
    props: true,
    meta: { titleKey: 'submissionPage.fallbackTitle' },
  },
  {
    path: '/parter/:id',
    name: 'party',
    component: () => import('./features/parties/PartyProfilePage.vue'),
    props: true,
    meta: { titleKey: 'party.fallbackTitle' },
  },
  {
    path: '/samordnare',
    name: 'coordinator',
    component: () => import('./features/coordinator/CoordinatorPage.vue'),
    meta: { titleKey: 'coordinator.title' },
  },
  {
    path: '/samordnare/arenden',
    name: 'coordinatorSubmissions',
    component: () => import('./features/coordinator/CoordinatorSubmissionQueuePage.vue'),
    meta: { titleKey: 'submissionQueues.queueTitle' },
  },
  {
    path: '/samordnare/radet',
    name: 'coordinatorCouncil',
    component: () => import('./features/council/CouncilPage.vue'),
    meta: { titleKey: 'pages.council.title' },
  },
  {
    path: '/tillganglighet',
    name: 'accessibility',
    component: () => import('./features/accessibility/AccessibilityStatementPage.vue'),
    meta: { titleKey: 'accessibility.title' },
  },
  {
    path: '/dialog/indikatorer',
    name: 'invitationIndicators',
    component: () => import('./features/invitations/feeds/IndicatorsPage.vue'),
    meta: { titleKey: 'invitationIndicators.title' },
  },
  {
    path: '/dialog/ny',
    name: 'newInvitation',
    component: () => import('./features/invitations/authoring/NewInvitationPage.vue'),
    meta: { titleKey: 'invitationForm.newTitle' },
  },
  {
    path: '/dialog/:id/redigera',
    name: 'editInvitation',
    component: () => import('./features/invitations/authoring/EditInvitationPage.vue'),
    props: true,
    meta: { titleKey: 'invitationForm.editTitle' },
  },
  {
    path: '/samordnare/dialog',
    name: 'invitationFollowUp',
    component: () => import('./features/invitations/feedback/FollowUpPage.vue'),
    meta: { titleKey: 'invitationFollowUp.title' },
  },
  {
    path: '/dialog',
    name: 'dialogInvitations',
    component: () => import('./features/invitations/register/InvitationsPage.vue'),
    meta: { titleKey: 'invitationRegister.title' },
  },
  {
    path: '/dialog/:id',
    name: 'dialogInvitation',
    component: () => import('./features/invitations/register/InvitationPage.vue'),
    props: true,
    meta: { titleKey: 'invitationPage.fallbackTitle' },
  },
  {
    path: '/min-forening/dialog',
    name: 'partyInvitations',
    component: () => import('./features/invitations/register/PartyInvitationsPage.vue'),
    meta: { titleKey: 'invitationRegister.party.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'notFound',
    component: () => import('./features/not-found/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
  });

  router.beforeEach((to, from) => {
    if (to.path !== from.path) titleOverride.value = null;
  });

  router.afterEach((to, from, failure) => {
    // Not on the first load (the browser starts at the top) nor when only the query changes (view toggle).
    if (failure || from.matched.length === 0 || to.path === from.path) return;
    void nextTick(() => requestAnimationFrame(() => focusPageHeading()));
  });

  return router;
}
