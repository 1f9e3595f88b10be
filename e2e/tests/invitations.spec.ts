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
import { COORDINATOR, signIn } from '../support/sign-in.js';

/*
 * The early dialogue through the UI: Kultur- och fritidsförvaltningen invites the parties interested in
 * integration to an early dialogue; Vivalla Kvinnoförening, its list open from before, sees it appear live,
 * registers two participants and downloads the occasion's .ics; the department marks it held and publishes
 * feedback, which reaches the association in the app and by mail. Then a consultation answered by two parties,
 * and the seeded one past its deadline compiled: one response adopted, one not, both responders told. Last, the
 * feature's pages under axe in Swedish and English, and the registration form sent by keyboard alone.
 */

const DEPARTMENT = 'forvaltning@samverka.example';
const ASSOCIATION = 'forening@samverka.example';
const STUDY_ASSOCIATION = 'studieforbund@samverka.example';
test.use({ actionTimeout: 15_000 });

const SEEDED_CONSULTATION = 'Remiss: kulturstrategi för Örebro 2027–2030';

async function newPage(browser: Browser, contexts: BrowserContext[], locale?: 'en') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (locale) {
    await context.addInitScript(() => globalThis.localStorage.setItem('samverka.locale', 'en'));
  }
  contexts.push(context);
  return context.newPage();
}

async function graphql<T>(request: APIRequestContext, query: string, variables: object = {}): Promise<T> {
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Leaves the accounts as the later specs expect them: every notification read. */
async function markAllRead(request: APIRequestContext) {
  await graphql(request, 'mutation { markAllNotificationsRead { errors { code } } }');
}

/** A date `days` from today as a date field takes it (Stockholm). */
function dateIn(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );
}

function fact(page: Page, term: string): Locator {
  return page
    .locator('dl.facts > div')
    .filter({ has: page.locator('dt').getByText(term, { exact: true }) })
    .locator('dd');
}

async function unreadCount(page: Page): Promise<number> {
  const name = await page
    .locator('header')
    .getByRole('link', { name: /^(Aviseringar|Notifications)/ })
    .evaluate((link) => link.querySelector('[aria-hidden="true"]')?.textContent ?? '0');
  return Number(name);
}

async function markSameDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}

async function sameDocument(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
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

async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The fields every invitation has, filled in on /dialog/ny as the department's contact would. */
async function fillCommonFields(page: Page, title: string, process: string) {
  await page.goto('/dialog/ny');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny inbjudan' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByLabel('Part som bjuder in').locator('option:checked')).toHaveText(
    'Kultur- och fritidsförvaltningen',
  );
  await page.getByLabel('Rubrik', { exact: true }).fill(title);
  await page.getByLabel('Process som inbjudan gäller', { exact: true }).fill(process);
  await page.getByLabel('Processens skede nu').selectOption('IDEA');
  await page.getByLabel(/^Planerat beslut/).fill(dateIn(120));
  await page.getByLabel(/^Vem beslutar/).fill('Kultur- och fritidsnämnden');
  await page
    .getByLabel('Vilka synpunkter vill ni ha?', { exact: true })
    .fill('Vad behöver föreningarna för att nå fler nyanlända med sin verksamhet?');
  await page.getByRole('checkbox', { name: 'Dialog', exact: true }).check();
  await page.getByLabel('Kontaktperson', { exact: true }).fill('Anders Nilsson');
  await page.getByLabel('Kontaktpersonens e-post eller telefon').fill(DEPARTMENT);
}

test('an early dialogue: posted, seen live, registered for, held and fed back', async ({ browser }) => {
  test.setTimeout(120_000);
  const contexts: BrowserContext[] = [];
  const title = `Dialog om mötesplatser för nyanlända (${Date.now().toString(36)})`;
  try {
    const department = await newPage(browser, contexts);
    const association = await newPage(browser, contexts);
    await Promise.all([signIn(department, DEPARTMENT), signIn(association, ASSOCIATION)]);
    await association.goto('/dialog');
    await expect(association.getByRole('heading', { level: 1, name: 'Dialog och remisser' })).toBeVisible();
    await expect(association.locator('.connection')).toContainText('Ansluten');
    await markSameDocument(association);
    const unreadAtStart = await unreadCount(association);

    let invitationPath = '';
    await test.step('the department posts and publishes an invitation for those interested in integration', async () => {
      await fillCommonFields(department, title, 'Handlingsplan för mötesplatser 2027');
      await department.getByLabel('Nytt intresseområde').fill('integration');
      await department.getByRole('button', { name: 'Lägg till område' }).click();
      await expect(department.getByRole('button', { name: 'Ta bort området integration' })).toBeVisible();
      await department.getByRole('radio', { name: 'Parter med vissa intresseområden' }).check();

      const occasion = department.getByRole('group', { name: 'Tillfälle 1' });
      await occasion.getByLabel('Börjar').fill(`${dateIn(14)}T17:00`);
      await occasion.getByLabel('Slutar').fill(`${dateIn(14)}T19:00`);
      await expect(occasion.getByRole('radio', { name: 'På plats' })).toBeChecked();
      await occasion.getByLabel('Plats (adress och lokal)').fill('Vivalla bibliotek, Lillåvägen 2');
      await occasion.getByLabel('Tillgänglighet').fill('Entré i gatuplan och hörslinga.');
      await occasion.getByLabel('Antal platser').fill('20');
      await occasion.getByLabel('Sista anmälningsdag').fill(dateIn(10));
      await department.getByRole('button', { name: 'Publicera', exact: true }).click();

      await expect(department).toHaveURL(/\/dialog\/(?!ny$)[^/]+$/);
      invitationPath = new URL(department.url()).pathname;
      await expect(department.locator('h1')).toHaveText(title);
      await expect(fact(department, 'Status')).toHaveText('Öppen');
    });

    await test.step('the association sees it appear without reload and its bell count up', async () => {
      const link = association.getByRole('link', { name: title });
      await expect(link).toBeVisible();
      await expect.poll(() => unreadCount(association)).toBe(unreadAtStart + 1);
      expect(await sameDocument(association)).toBe(true);
      await link.click();
      await expect(association).toHaveURL(new RegExp(`${invitationPath}$`));
      await expect(association.locator('h1')).toHaveText(title);
      expect(await sameDocument(association)).toBe(true);
    });

    await test.step('the association registers two participants, one with a need', async () => {
      await association.getByRole('button', { name: 'Anmäl deltagare' }).click();
      const form = association.getByRole('form', { name: 'Anmälan till tillfälle 1' });
      await form.getByRole('group', { name: 'Deltagare 1' }).getByLabel('Namn').fill('Maja Berg');
      await form.getByRole('button', { name: 'Lägg till deltagare' }).click();
      const second = form.getByRole('group', { name: 'Deltagare 2' });
      await second.getByLabel('Namn').fill('Amina Yusuf');
      await second.getByLabel('Behov').fill('Tolk till somaliska');
      await form.getByRole('button', { name: 'Anmäl', exact: true }).click();

      const mine = association.locator('.invitation-answers-mine');
      await expect(mine).toContainText('Maja Berg');
      await expect(mine).toContainText('Amina Yusuf');
      await expect(mine.getByRole('listitem')).toHaveCount(2);
      await expect(mine).toContainText('Anmäld');
      await expect(association.getByText('18 platser kvar av 20.')).toBeVisible();
      // The inviter sees the need; the table follows live.
      await expect(
        department.getByRole('row').filter({ hasText: 'Amina Yusuf' }).getByRole('cell').nth(2),
      ).toHaveText('Tolk till somaliska');
    });

    await test.step("the association downloads the occasion's .ics", async () => {
      const calendarLink = association.getByRole('link', { name: 'Lägg till i kalender (.ics)' });
      const [download] = await Promise.all([association.waitForEvent('download'), calendarLink.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const res = await association.context().request.get((await calendarLink.getAttribute('href'))!);
      expect(res.ok()).toBe(true);
      expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
      // Long lines are folded at 75 octets: unfold before reading.
      const ics = (await res.text()).replace(/\r?\n[ \t]/g, '');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain(`SUMMARY:${title}`);
      expect(ics).toContain('Vivalla bibliotek');
      expect(await sameDocument(association)).toBe(true);
    });

    const feedback = `Synpunkterna från föreningarna blir en del av handlingsplanen (${title.slice(-8)}`;
    await test.step('the department marks it held and publishes feedback', async () => {
      await department.getByRole('button', { name: 'Markera som genomförd' }).click();
      await expect(fact(department, 'Status')).toHaveText('Genomförd');
      await department.getByRole('button', { name: 'Skriv återkoppling' }).click();
      await department.getByLabel('Vad kom ut av dialogen?').fill(feedback);
      await department.getByRole('button', { name: 'Publicera återkoppling' }).click();
      await expect(
        department.getByText('Återkopplingen är publicerad och deltagarna har fått en avisering.'),
      ).toBeVisible();
      await expect(fact(department, 'Status')).toHaveText('Återkoppling publicerad');
    });

    await test.step('the association is told: live on the page and the bell, and by mail', async () => {
      await expect(fact(association, 'Status')).toHaveText('Återkoppling publicerad');
      await expect(association.getByRole('region', { name: 'Återkoppling' })).toContainText(feedback);
      await expect.poll(() => unreadCount(association)).toBe(unreadAtStart + 2);
      expect(await sameDocument(association)).toBe(true);
      const mail = await waitForMail(ASSOCIATION, /återkoppling/);
      expect(mail.subject).toContain(title);
      expect(mail.text).toContain(invitationPath);
    });
  } finally {
    for (const context of contexts) {
      await markAllRead(context.request).catch(() => undefined);
      await context.close();
    }
  }
});

test('a consultation is answered by two parties, and the compilation answers each response', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const contexts: BrowserContext[] = [];
  const stamp = Date.now().toString(36);
  const title = `Remiss: lokalförsörjning för föreningslivet (${stamp})`;
  try {
    const department = await newPage(browser, contexts);
    const association = await newPage(browser, contexts);
    const studyAssociation = await newPage(browser, contexts);
    await Promise.all([
      signIn(department, DEPARTMENT),
      signIn(association, ASSOCIATION),
      signIn(studyAssociation, STUDY_ASSOCIATION),
    ]);

    let consultationPath = '';
    await test.step('the department posts a consultation with two proposals', async () => {
      await fillCommonFields(department, title, 'Lokalförsörjningsplan 2027');
      await department.getByRole('radio', { name: 'Remiss', exact: true }).check();
      await department
        .getByRole('group', { name: 'Förslag 1' })
        .getByLabel('Förslaget i korthet')
        .fill('Skolornas lokaler öppnas för föreningar på kvällar');
      await department.getByRole('button', { name: 'Lägg till förslag' }).click();
      await department
        .getByRole('group', { name: 'Förslag 2' })
        .getByLabel('Förslaget i korthet')
        .fill('En gemensam bokningstjänst för alla lokaler');
      await department.getByLabel('Sista svarsdag').fill(dateIn(50));
      await department.getByRole('button', { name: 'Publicera', exact: true }).click();
      await expect(department).toHaveURL(/\/dialog\/(?!ny$)[^/]+$/);
      consultationPath = new URL(department.url()).pathname;
      await expect(fact(department, 'Diarienummer')).toHaveText(/^\S+ \d+\/\d{4}$/);
    });

    for (const [page, stances, text] of [
      [association, ['Tillstyrker', 'Tillstyrker'], 'Vi behöver lokaler på kvällarna för läxhjälp.'],
      [studyAssociation, ['Tillstyrker', 'Avstyrker'], 'Bokningen fungerar bäst nära verksamheten.'],
    ] as const) {
      await test.step(`a party responds on the invitation's page: ${text}`, async () => {
        await page.goto(consultationPath);
        await expect(page.locator('h1')).toHaveText(title);
        const form = page.locator('form.consultation-response-form');
        for (const [index, stance] of stances.entries()) {
          await form
            .getByRole('radiogroup', { name: new RegExp(`^Förslag ${index + 1}:`) })
            .getByRole('radio', { name: stance })
            .check();
        }
        await form.getByLabel('Övergripande synpunkter').fill(text);
        await form.getByRole('button', { name: 'Skicka remissvar' }).click();
        await expect(form.getByText('Ert remissvar är sparat.')).toBeVisible();
        await expect(form.getByRole('button', { name: 'Spara ändringar' })).toBeVisible();
      });
    }
    await expect(department.getByText('Antal remissvar: 2')).toBeVisible();

    let seededPath = '';
    await test.step('the department opens the seeded consultation past its deadline from its own list', async () => {
      await department.goto('/min-forening/dialog');
      await department.getByRole('link', { name: SEEDED_CONSULTATION }).click();
      await expect(department.locator('h1')).toHaveText(SEEDED_CONSULTATION);
      await expect(fact(department, 'Status')).toHaveText('Svarstiden har gått ut');
      seededPath = new URL(department.url()).pathname;
    });
    const responders = [association, studyAssociation];
    const unreadBefore: number[] = [];
    for (const page of responders) {
      await page.goto(seededPath);
      await expect(page.locator('h1')).toHaveText(SEEDED_CONSULTATION);
      await expect(page.locator('.connection')).toContainText('Ansluten');
      await markSameDocument(page);
      unreadBefore.push(await unreadCount(page));
    }

    const adopted = 'Kulturhus i stadsdelarna prövas först i Vivalla, där behovet är störst.';
    const notAdopted = 'Nya lokaler behövs ändå; studieförbundens lokaler räcker inte till alla.';
    await test.step('the department judges one response adopted and one not, with reasons, and publishes', async () => {
      for (const [party, verdict, reason] of [
        ['Vivalla Kvinnoförening', 'Beaktat', adopted],
        ['Studieförbundet Bildning Örebro', 'Inte beaktat', notAdopted],
      ] as const) {
        const form = department.getByRole('form', { name: `Bedöm svaret från ${party}` });
        await form.getByLabel('Hantering av svaret som helhet').selectOption({ label: verdict });
        await form.getByLabel('Motivering', { exact: true }).fill(reason);
        await form.getByRole('button', { name: 'Spara bedömning' }).click();
        await expect(department.getByText(`Bedömningen av svaret från ${party} är sparad.`)).toBeVisible();
        const response = department
          .locator('article.consultation-response')
          .filter({ hasText: `Svar från ${party}` });
        await expect(response).toContainText(`Hantering: ${verdict}`);
      }
      await department
        .getByLabel('Sammanfattning', { exact: true })
        .fill('Två svar kom in. Kulturhus prövas i Vivalla först.');
      await department.getByRole('button', { name: 'Publicera remissammanställning' }).click();
      await expect(
        department.getByText('Remissammanställningen är publicerad och de som svarat har fått besked.'),
      ).toBeVisible();
    });

    await test.step('both responders are told, and see how their responses were handled', async () => {
      for (const [i, page] of responders.entries()) {
        await expect.poll(() => unreadCount(page)).toBe(unreadBefore[i]! + 1);
        await expect(page.locator('.consultation-panel')).toContainText('Kulturhus prövas i Vivalla först');
        const vivalla = page
          .locator('article.consultation-response')
          .filter({ hasText: 'Svar från Vivalla Kvinnoförening' });
        const bildning = page
          .locator('article.consultation-response')
          .filter({ hasText: 'Svar från Studieförbundet Bildning Örebro' });
        await expect(vivalla).toContainText(`Hantering: Beaktat Motivering: ${adopted}`);
        await expect(bildning).toContainText(`Hantering: Inte beaktat Motivering: ${notAdopted}`);
        expect(await sameDocument(page)).toBe(true);
      }
      // The compiled consultation's page passes axe too.
      await expectNoViolations(association);
      await association
        .locator('header')
        .getByRole('link', { name: /^Aviseringar/ })
        .click();
      await expect(association.locator('main')).toContainText(
        `${SEEDED_CONSULTATION} har fått en publicerad remissammanställning`,
      );
    });
  } finally {
    for (const context of contexts) {
      await markAllRead(context.request).catch(() => undefined);
      await context.close();
    }
  }
});

test('the pages pass axe in Swedish and English, and registering works by keyboard alone', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const contexts: BrowserContext[] = [];
  try {
    const studyAssociation = await newPage(browser, contexts);
    await signIn(studyAssociation, STUDY_ASSOCIATION);
    // The department's open dialogue in the demo data, for those interested in culture.
    const demo = 'Dialog om ny idrotts- och fritidsplan 2027';
    await studyAssociation.goto('/dialog');
    await studyAssociation.getByRole('link', { name: demo }).click();
    await expect(studyAssociation.locator('h1')).toHaveText(demo);
    const invitationPath = new URL(studyAssociation.url()).pathname;

    await test.step('a keyboard user registers a participant', async () => {
      await expect(studyAssociation.locator('[aria-busy="true"]')).toHaveCount(0);
      const open = studyAssociation.getByRole('button', { name: 'Anmäl deltagare' }).first();
      await tabTo(studyAssociation, open);
      await studyAssociation.keyboard.press('Enter');
      const name = studyAssociation.getByRole('group', { name: 'Deltagare 1' }).getByLabel('Namn');
      await expect(name).toBeFocused();
      await studyAssociation.keyboard.type('Karin Sjö');
      await studyAssociation.keyboard.press('Tab');
      await studyAssociation.keyboard.type('Rullstol');
      const send = studyAssociation.getByRole('button', { name: 'Anmäl', exact: true });
      await tabTo(studyAssociation, send);
      await studyAssociation.keyboard.press('Enter');
      await expect(studyAssociation.locator('.invitation-answers-mine')).toContainText('Karin Sjö');
    });

    const paths = ['/dialog', invitationPath, '/dialog/ny', '/min-forening/dialog', '/dialog/indikatorer'];
    for (const path of paths) {
      await test.step(`axe, in Swedish: ${path}`, async () => {
        await studyAssociation.goto(path);
        await expectNoViolations(studyAssociation);
      });
    }
    const coordinator = await newPage(browser, contexts);
    await signIn(coordinator, COORDINATOR);
    await test.step('axe, in Swedish, for the coordinator: /samordnare/dialog', async () => {
      await coordinator.goto('/samordnare/dialog');
      await expectNoViolations(coordinator);
    });

    const english = await newPage(browser, contexts, 'en');
    await signInApi(english.context().request, STUDY_ASSOCIATION);
    for (const path of paths) {
      await test.step(`axe, in English: ${path}`, async () => {
        await english.goto(path);
        await expect(english.locator('html')).toHaveAttribute('lang', 'en');
        if (path === '/dialog/ny') await expect(english.getByLabel('Inviting party')).toBeVisible();
        await expectNoViolations(english);
      });
    }
    const englishCoordinator = await newPage(browser, contexts, 'en');
    await signInApi(englishCoordinator.context().request, COORDINATOR);
    await test.step('axe, in English, for the coordinator: /samordnare/dialog', async () => {
      await englishCoordinator.goto('/samordnare/dialog');
      await expect(englishCoordinator.locator('html')).toHaveAttribute('lang', 'en');
      await expectNoViolations(englishCoordinator);
    });
  } finally {
    for (const context of contexts) {
      await markAllRead(context.request).catch(() => undefined);
      await context.close();
    }
  }
});
