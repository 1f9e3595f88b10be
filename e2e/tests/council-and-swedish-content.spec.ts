import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { councilMeetings, meetingPath } from '../support/api.js';
import { COORDINATOR, signIn } from '../support/sign-in.js';

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

async function toEnglish(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

// Several axe runs per test: allow for a loaded machine.
test.slow();

test.describe("the coordinator's page for Samverkansrådet and C-nätet", () => {
  test('passes axe in Swedish and English, signed out and as the coordinator', async ({ page }) => {
    await page.goto('/samordnare/radet');
    await expect(page.getByRole('link', { name: 'Logga in' }).last()).toBeVisible();
    await expectNoViolations(page);
    await signIn(page, COORDINATOR);
    await page.goto('/samordnare/radet');
    await expect(page.locator('caption').first()).toHaveText('Civilsamhället: 10 av 10 platser tillsatta');
    await expectNoViolations(page);
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.locator('caption').first()).toHaveText('Civil society: 10 of 10 seats filled');
    await expectNoViolations(page);
  });

  test('the coordinator ends a seat and fills it by name, and appoints to C-nätet, by keyboard only', async ({
    page,
  }) => {
    await signIn(page, COORDINATOR);
    await page.goto('/samordnare');
    await page.getByRole('link', { name: 'Samverkansrådets platser och C-nätet' }).click();
    await expect(page.locator('main h1')).toHaveText('Samverkansrådet och C-nätet');

    await page.getByRole('button', { name: 'Avsluta platsen för Oskar Wallin' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Platsen för Oskar Wallin är avslutad.' }),
    ).toBeFocused();
    await expect(page.locator('caption').first()).toHaveText('Civilsamhället: 9 av 10 platser tillsatta');

    await page.getByLabel('Namn på den som får platsen').focus();
    await page.keyboard.type('Oskar Wallin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Socialt företag Returverket');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Oskar Wallin har fått en plats i rådet.')).toBeVisible();
    await expect(page.locator('caption').first()).toHaveText('Civilsamhället: 10 av 10 platser tillsatta');

    await page.getByLabel('Förvaltning', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('E-postadress till representantens konto').focus();
    await page.keyboard.type('forening@samverka.example');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/har fått en ny representant i C-nätet/)).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Maja Berg (forening@samverka.example)' })).toBeVisible();
    await page.getByRole('button', { name: /Avsluta uppdraget för representanten från/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/har inte längre någon representant i C-nätet/)).toBeFocused();
    await expect(page.getByRole('cell', { name: 'Ingen representant' })).toHaveCount(2);
  });
});

test.describe('Swedish-only text in English', () => {
  test('the home page says what Samverka is for and links to registration', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Registrera er och anslut till överenskommelsen' }).click();
    await expect(page).toHaveURL(/\/registrera$/);
  });

  test('carries lang="sv" and a note that it is in Swedish, and passes axe', async ({ page, request }) => {
    const [meeting] = await councilMeetings(request);
    await toEnglish(page);

    await page.goto('/');
    await expect(page.locator('main h1 [lang="sv"]')).toContainText('Överenskommelse om samverkan');
    const summary = page.locator('section[aria-labelledby="summary-heading"]');
    await expect(summary.locator('.swedish-note')).toHaveText('In Swedish');
    await expect(summary.locator('[lang="sv"]')).toContainText('hållbar samhällsutveckling');
    await expect(page.locator('ol.commitments')).toHaveAttribute('lang', 'sv');
    await expectNoViolations(page);

    await page.goto('/forum/samverkansradet');
    await expect(page.locator('section[aria-labelledby="about-heading"] .swedish-note')).toHaveText(
      'In Swedish',
    );
    await expect(page.locator('section[aria-labelledby="about-heading"] div[lang="sv"]')).not.toBeEmpty();

    await page.goto(meetingPath(meeting!));
    await expect(page.locator('main h1 [lang="sv"]')).not.toBeEmpty();
    await expect(page.locator('section[aria-labelledby="agenda-heading"] .swedish-note').first()).toHaveText(
      'In Swedish',
    );
    await expect(page.locator('.agenda-item h3 [lang="sv"]').first()).not.toBeEmpty();
    await expectNoViolations(page);
  });
});
