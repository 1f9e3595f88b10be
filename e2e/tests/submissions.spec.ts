import { AxeBuilder } from '@axe-core/playwright';
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { signInApi } from '../support/api.js';
import { waitForMail } from '../support/mailbox.js';
import { CHAIR, COORDINATOR, signIn } from '../support/sign-in.js';

/*
 * The chain through the UI: an association submits an obstacle; the coordinator registers it and
 * schedules it for a meeting of Samverkansrådet; the chair takes the item up in the running meeting and records a
 * decision. The association's page, open from the start, shows every step without reload, its bell counts up
 * live, and its contact gets a mail for the registration and for the answer. Then the pages of the feature
 * under axe, in Swedish and English, and the form filled and sent by keyboard alone.
 */

const ASSOCIATION = 'forening@samverka.example';
const REGISTRATION_NUMBER = /^SR \d+\/\d{4}$/;

async function newPage(browser: Browser, contexts: BrowserContext[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

/** A GraphQL call with the session of the context the request belongs to; throws on any error. */
async function graphql<T>(request: APIRequestContext, query: string, variables: object = {}): Promise<T> {
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** The signed-in person's id. */
async function viewerId(request: APIRequestContext): Promise<string> {
  return (await graphql<{ viewer: { id: string } }>(request, '{ viewer { id } }')).viewer.id;
}

/**
 * A meeting of Samverkansrådet two days ahead, with its agenda published and not started: made through the API,
 * since making meetings is meeting-cycle.spec.ts's subject, not this one's.
 */
async function upcomingCouncilMeeting(
  coordinator: APIRequestContext,
  title: string,
  chairId: string,
  adjusterId: string,
): Promise<string> {
  const { forum } = await graphql<{ forum: { id: string } }>(
    coordinator,
    '{ forum(slug: "samverkansradet") { id } }',
  );
  const startsAt = new Date(Date.now() + 2 * 24 * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000);
  const created = await graphql<{
    createMeeting: { meeting: { id: string; version: number } | null; errors: unknown[] };
  }>(
    coordinator,
    `
      mutation ($input: CreateMeetingInput!) {
        createMeeting(input: $input) {
          meeting {
            id
            version
          }
          errors {
            field
            code
            message
          }
        }
      }
    `,
    {
      input: {
        forumId: forum.id,
        title,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        location: 'Rådhuset, Drottninggatan 9',
        chairId,
        adjusterIds: [adjusterId],
      },
    },
  );
  const meeting = created.createMeeting.meeting;
  if (!meeting) throw new Error(`createMeeting refused: ${JSON.stringify(created.createMeeting.errors)}`);
  const published = await graphql<{ publishAgenda: { errors: unknown[] } }>(
    coordinator,
    `
      mutation ($input: MeetingActionInput!) {
        publishAgenda(input: $input) {
          errors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
  );
  if (published.publishAgenda.errors.length)
    throw new Error(`publishAgenda refused: ${JSON.stringify(published.publishAgenda.errors)}`);
  return meeting.id;
}

/** The value of one fact (dt/dd) in the matter page's facts list. */
function fact(page: Page, term: string): Locator {
  return page
    .locator('dl.facts > div')
    .filter({ has: page.locator('dt').getByText(term, { exact: true }) })
    .locator('dd');
}

/** The unread count the header's bell shows; 0 when it shows none. */
async function unreadCount(page: Page): Promise<number> {
  const name = await page
    .locator('header')
    .getByRole('link', { name: /^Aviseringar/ })
    .evaluate((link) => link.querySelector('[aria-hidden="true"]')?.textContent ?? '0');
  return Number(name);
}

async function expectNoViolations(page: Page) {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Presses Tab until `target` has focus, as a keyboard user moves through a form. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('an obstacle goes from submission to answer, and the association follows each step live', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const contexts: BrowserContext[] = [];
  const stamp = Date.now().toString(36);
  const title = `Lokalerna i Vivalla är stängda på kvällarna (${stamp})`;
  const meetingTitle = `Samverkansrådet ${stamp}`;
  const decision = `Rådet ger förvaltningen i uppdrag att öppna lokalerna på kvällarna (${stamp}).`;

  try {
    const association = await newPage(browser, contexts);
    await signIn(association, ASSOCIATION);
    // The council's next meeting is planned before the matter arrives, and the coordinator watches the queue.
    const coordinator = await newPage(browser, contexts);
    await signIn(coordinator, COORDINATOR);
    const chair = await newPage(browser, contexts);
    await signInApi(chair.context().request, CHAIR);
    const meetingId = await upcomingCouncilMeeting(
      coordinator.context().request,
      meetingTitle,
      await viewerId(chair.context().request),
      await viewerId(association.context().request),
    );
    const meetingPath = `/moten/${encodeURIComponent(meetingId)}`;
    await coordinator.goto('/samordnare/arenden');
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Ärendekön' })).toBeVisible();
    await expect(coordinator.locator('[aria-busy="true"]')).toHaveCount(0);
    await coordinator.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    let matterPath = '';
    await test.step('the association submits an obstacle; its page says Inskickat', async () => {
      await association.goto('/arenden/nytt');
      await expect(association.getByRole('heading', { level: 1, name: 'Nytt ärende' })).toBeVisible();
      await expect(association.getByLabel('Part', { exact: true })).toHaveValue(/.+/);
      await expect(association.getByLabel('Part', { exact: true }).locator('option:checked')).toHaveText(
        'Vivalla Kvinnoförening',
      );
      await association.getByRole('radio', { name: 'Hinder för samverkan' }).check();
      await association.getByLabel('Rubrik', { exact: true }).fill(title);
      await association
        .getByLabel('Beskrivning', { exact: true })
        .fill('Föreningen kan inte ha läxhjälp efter klockan 17, eftersom lokalerna låses då.');
      await association.getByRole('checkbox', { name: 'Dialog', exact: true }).check();
      await association.getByRole('button', { name: 'Skicka in', exact: true }).click();

      await expect(association).toHaveURL(/\/arenden\/(?!nytt$)[^/]+$/);
      matterPath = new URL(association.url()).pathname;
      await expect(association.locator('h1')).toContainText(title);
      await expect(fact(association, 'Status')).toHaveText('Inskickat');
      await expect(fact(association, 'Typ')).toHaveText('Hinder för samverkan');
      await expect(fact(association, 'Registreringsnummer')).toHaveText('Ej registrerat');
      await expect(association.locator('.connection')).toContainText('Ansluten');
      // From here on the page is only watched: a reload would lose this mark.
      await association.evaluate(
        () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
      );
    });
    const unreadAtStart = await unreadCount(association);
    // The party's own list, in a second tab, follows the matter too.
    const ownList = await association.context().newPage();
    await ownList.goto('/min-forening/arenden');
    const ownRow = ownList.getByRole('row').filter({ hasText: title });
    await expect(ownRow).toContainText('Inskickat');
    await ownList.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    let registrationNumber = '';
    await test.step('the coordinator registers it from the queue; the association sees the number live', async () => {
      // The queue, open since before the submission, lists the matter without reload.
      const awaiting = coordinator.getByRole('region', { name: /^Inskickade, att registrera/ });
      await expect(awaiting.getByRole('link', { name: title })).toBeVisible();
      expect(
        await coordinator.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBe(true);
      await awaiting.getByRole('link', { name: title }).click();
      await expect(coordinator).toHaveURL(new RegExp(`${matterPath}$`));
      await coordinator.getByRole('button', { name: 'Registrera', exact: true }).click();
      await expect(fact(coordinator, 'Status')).toHaveText('Registrerat');

      await expect(fact(association, 'Status')).toHaveText('Registrerat');
      await expect(fact(association, 'Registreringsnummer')).toHaveText(REGISTRATION_NUMBER);
      registrationNumber = (await fact(association, 'Registreringsnummer').textContent())!.trim();
      await expect(association.locator('h1')).toHaveText(`${registrationNumber} – ${title}`);
      await expect(association.getByRole('region', { name: 'Händelser' })).toContainText('Registrerat');
      await expect.poll(() => unreadCount(association)).toBe(unreadAtStart + 1);

      const mail = await waitForMail(ASSOCIATION, new RegExp(`^${registrationNumber}: .*har registrerats$`));
      expect(mail.subject).toContain(title);
      expect(mail.text).toContain(matterPath);
    });

    await test.step('the coordinator schedules it for the meeting; the association sees the meeting live', async () => {
      const scheduling = coordinator.getByRole('region', { name: 'Sammanträde' });
      const select = scheduling.getByLabel('Sammanträde', { exact: true });
      const option = select.locator('option', { hasText: meetingTitle });
      await expect(option).toHaveCount(1);
      await select.selectOption((await option.getAttribute('value'))!);
      await scheduling.getByRole('button', { name: 'Planera till sammanträdet' }).click();
      await expect(fact(coordinator, 'Status')).toHaveText('Planerat till sammanträde');

      await expect(fact(association, 'Status')).toHaveText('Planerat till sammanträde');
      await expect(fact(association, 'Sammanträde')).toContainText(meetingTitle);
      await expect(fact(association, 'Dagordningspunkt')).toHaveText(`${registrationNumber}: ${title}`);
      await expect(
        fact(association, 'Sammanträde').getByRole('link', { name: meetingTitle }),
      ).toHaveAttribute('href', meetingPath);
      await expect.poll(() => unreadCount(association)).toBe(unreadAtStart + 2);
    });

    await test.step('the chair takes the item up in the running meeting and records the decision', async () => {
      await chair.goto(meetingPath);
      await expect(chair.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
      await expect(
        chair.getByRole('status').filter({ hasText: 'Direktuppdatering: Ansluten' }),
      ).toBeVisible();
      await chair.getByRole('button', { name: 'Starta mötet' }).click();
      await expect(chair.getByRole('button', { name: 'Avsluta mötet' })).toBeVisible();
      const card = chair.locator('ol.agenda > li').filter({ hasText: registrationNumber });
      await expect(card).toHaveCount(1);
      await card.getByRole('button', { name: /^Gör punkt \d+ aktuell:/ }).click();
      await expect(card).toHaveAttribute('aria-current', 'step');

      // Whoever follows the meeting live sees the matter's item taken up.
      const live = await coordinator.context().newPage();
      await live.goto(`${meetingPath}/live`);
      await expect(live.locator('.live-current-title')).toContainText(registrationNumber);

      await card.getByLabel('Beslut', { exact: true }).fill(decision);
      await card.getByRole('button', { name: 'Spara beslut och anteckning' }).click();
      await expect(card.getByText('Sparat.')).toBeVisible();
      await expect(live.locator('[data-region="decision"]')).toContainText(decision);
    });

    await test.step('the association sees the answer without reload, its bell counts it, and the mail arrives', async () => {
      await expect(fact(association, 'Status')).toHaveText('Besvarat');
      const answer = association.getByRole('region', { name: 'Svar' });
      await expect(answer).toContainText(decision);
      await expect(answer.getByRole('link', { name: meetingTitle })).toBeVisible();
      await expect.poll(() => unreadCount(association)).toBe(unreadAtStart + 3);

      const mail = await waitForMail(
        ASSOCIATION,
        new RegExp(`^${registrationNumber}: .*har besvarats genom beslut i Samverkansrådet$`),
      );
      expect(mail.text).toContain(decision);
      expect(
        await association.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBe(true);

      await expect(ownRow).toContainText(registrationNumber);
      await expect(ownRow).toContainText('Besvarat');
      expect(
        await ownList.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBe(true);
    });

    await test.step('the notification centre lists the steps; the bell leads there', async () => {
      await association
        .locator('header')
        .getByRole('link', { name: /^Aviseringar/ })
        .click();
      await expect(association.getByRole('heading', { level: 1, name: 'Aviseringar' })).toBeVisible();
      const main = association.locator('main');
      for (const phrase of [
        'har registrerats',
        'har planerats till ett sammanträde i Samverkansrådet',
        'har besvarats genom beslut i Samverkansrådet',
      ]) {
        await expect(main).toContainText(`${registrationNumber}: ${title} ${phrase}.`);
      }
      await association.getByRole('button', { name: 'Markera alla som lästa' }).click();
      await expect(association.getByText('Alla aviseringar är markerade som lästa.')).toBeVisible();
      await expect.poll(() => unreadCount(association)).toBe(0);
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('the form works by keyboard alone, and the pages pass axe in Swedish and English', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const contexts: BrowserContext[] = [];
  const title = `Bidragsreglerna gynnar stora föreningar (${Date.now().toString(36)})`;
  try {
    const page = await newPage(browser, contexts);
    await signIn(page, ASSOCIATION);
    let matterPath = '';
    await test.step('a keyboard user fills in and submits the form', async () => {
      await page.goto('/arenden/nytt');
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByLabel('Rubrik', { exact: true })).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
      await page.keyboard.press('Enter');

      // Tab enters the group of kinds on its first choice; the arrow moves to the obstacle and checks it.
      await tabTo(page, page.getByRole('radio', { name: 'Fråga för dialog' }));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: 'Hinder för samverkan' })).toBeChecked();
      await tabTo(page, page.getByLabel('Rubrik', { exact: true }));
      await page.keyboard.type(title);
      await tabTo(page, page.getByLabel('Beskrivning', { exact: true }));
      await page.keyboard.type('Små föreningar hinner inte söka innan fristen går ut.');
      await tabTo(page, page.getByRole('checkbox', { name: 'Mångfald' }));
      await page.keyboard.press('Space');
      await expect(page.getByRole('checkbox', { name: 'Mångfald' })).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: 'Skicka in', exact: true }));
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/\/arenden\/(?!nytt$)[^/]+$/);
      matterPath = new URL(page.url()).pathname;
      await expect(page.locator('h1')).toContainText(title);
      await expect(fact(page, 'Status')).toHaveText('Inskickat');
      await expect(fact(page, 'Typ')).toHaveText('Hinder för samverkan');
    });

    for (const path of ['/arenden', matterPath, '/arenden/nytt', '/aviseringar', '/min-forening/arenden']) {
      await test.step(`axe, in Swedish, for the association: ${path}`, async () => {
        await page.goto(path);
        await expectNoViolations(page);
      });
    }

    const coordinator = await newPage(browser, contexts);
    await signIn(coordinator, COORDINATOR);
    for (const path of ['/samordnare/arenden', matterPath]) {
      await test.step(`axe, in Swedish, for the coordinator: ${path}`, async () => {
        await coordinator.goto(path);
        await expectNoViolations(coordinator);
      });
    }

    await test.step('the switch to English translates the header', async () => {
      await page.goto('/arenden');
      await page.getByRole('button', { name: /English/ }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
    for (const path of ['/arenden', matterPath]) {
      await test.step(`axe, in English: ${path}`, async () => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expectNoViolations(page);
      });
    }
  } finally {
    for (const context of contexts) await context.close();
  }
});
