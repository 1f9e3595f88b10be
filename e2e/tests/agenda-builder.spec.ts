import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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

/** Presses a button by keyboard: focus, then Enter. */
async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.focus();
  await page.keyboard.press('Enter');
}

test('the coordinator creates a meeting, builds a five-item agenda by keyboard only and publishes it', async ({
  page,
}) => {
  const title = `Extra möte ${Date.now().toString(36)}`;
  await signIn(page, COORDINATOR);
  await page.goto('/forum/samverkansradet');
  await page.getByRole('link', { name: 'Nytt möte' }).click();
  await expect(page.locator('h1')).toHaveText('Nytt möte');
  await page.getByLabel('Rubrik').fill(title);
  await page.getByLabel('Plats (adress)').fill('Rådhuset, Drottninggatan 9');
  await page.getByLabel('Ordförande').selectOption({ label: 'Erik Holm' });
  await page.getByLabel('Justerare 1').selectOption({ label: 'Maja Berg' });
  await page.getByRole('button', { name: 'Skapa mötet' }).click();
  await expect(page.locator('h1')).toContainText(title);
  // Samverkansrådet's standard agenda: six items.
  const items = page.locator('.builder-list > li');
  await expect(items).toHaveCount(6);

  // Keyboard only from here: remove two items, each after its confirmation.
  for (const item of ['Övriga frågor', 'Anmälda frågor från föreningarna']) {
    await press(page, `Ta bort: ${item}`);
    await expect(page.getByRole('button', { name: 'Ja, ta bort' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: `Punkten ”${item}” är borttagen.` }),
    ).toBeAttached();
  }
  await expect(items).toHaveCount(4);

  await press(page, 'Lägg till punkt');
  await expect(page.getByLabel('Punktens rubrik')).toBeFocused();
  await page.keyboard.type('Budget 2027');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Samira Lind');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(5);
  await expect(items.nth(4)).toContainText('5. Budget 2027');

  // Move it above the closing item: focus stays on the moved item, and its new place is announced.
  await press(page, 'Flytta upp: Budget 2027');
  await expect(items.nth(3)).toContainText('4. Budget 2027');
  await expect(page.getByRole('button', { name: 'Flytta upp: Budget 2027' })).toBeFocused();
  await expect(page.getByText('Budget 2027 flyttad. Punkt 4 av 5.')).toBeAttached();

  // Edit it inline.
  await press(page, 'Ändra: Budget 2027');
  await expect(page.getByLabel('Punktens rubrik')).toBeFocused();
  await page.keyboard.type(' och 2028');
  await page.keyboard.press('Enter');
  await expect(items.nth(3)).toContainText('4. Budget 2027 och 2028');
  await expect(page.getByRole('button', { name: 'Ändra: Budget 2027 och 2028' })).toBeFocused();

  // A field error shows at its field, nothing written.
  await press(page, 'Lägg till punkt');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ge punkten en rubrik.')).toBeVisible();
  await press(page, 'Avbryt');
  await expect(items).toHaveCount(5);

  await press(page, 'Publicera dagordningen');
  await expect(page.getByText('Dagordning publicerad', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Visa mötet' }).click();
  await expect(page.locator('h1')).toHaveText(title);
  const agenda = page.locator('ol.agenda > li');
  await expect(agenda).toHaveCount(5);
  await expect(agenda.nth(3)).toContainText('Budget 2027 och 2028');
});

for (const language of ['sv', 'en'] as const) {
  test(`the new pages pass axe in ${language === 'sv' ? 'Swedish' : 'English'}`, async ({ page }) => {
    // Full axe runs on a shared, loaded machine: a budget for the work, not a speed requirement.
    test.setTimeout(300_000);
    await signIn(page, COORDINATOR);
    const res = await page.request.post('/graphql', {
      data: {
        query: '{ forum(slug: "samverkansradet") { meetings(first: 20) { edges { node { id status } } } } }',
      },
    });
    const meetings: { id: string; status: string }[] = (await res.json()).data.forum.meetings.edges.map(
      (e: { node: { id: string; status: string } }) => e.node,
    );
    const draft = meetings.find((m) => m.status === 'DRAFT')!;
    if (language === 'en') {
      await page.goto('/');
      await page.getByRole('button', { name: /English/ }).click();
    }
    for (const path of [
      '/moten/nytt?forum=samverkansradet',
      '/forum/samverkansradet/standarddagordning',
      '/samordnare',
      `/moten/${draft.id}/forbered`,
    ]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectNoViolations(page);
      });
    }
    // The builder with an item's form open.
    await page.locator('.builder-list .edit').nth(1).click();
    await expect(page.locator('.agenda-item-form')).toBeVisible();
    await expectNoViolations(page);
  });
}
