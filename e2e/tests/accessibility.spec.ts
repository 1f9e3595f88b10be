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

async function pages(request: Parameters<typeof councilMeetings>[0]) {
  const meetings = await councilMeetings(request);
  const paths = [
    '/',
    '/forum',
    '/forum/samverkansradet',
    '/forum/cykelradet',
    '/kalender',
    '/logga-in',
    '/tillganglighet',
    '/finns-inte',
  ];
  for (const meeting of meetings) {
    paths.push(
      meetingPath(meeting),
      `${meetingPath(meeting)}/live`,
      `${meetingPath(meeting)}/live?vy=projektor`,
      `${meetingPath(meeting)}/protokoll`,
    );
  }
  return paths;
}

test('every page passes axe in Swedish', async ({ page, request }) => {
  // Some thirty full axe runs: a budget for the work on a loaded machine, not a speed requirement.
  test.setTimeout(240_000);
  for (const path of await pages(request)) {
    await test.step(path, async () => {
      await page.goto(path);
      await expectNoViolations(page);
    });
  }
});

test('every page passes axe in English', async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByRole('button', { name: /English/ }).click();
  for (const path of await pages(request)) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectNoViolations(page);
    });
  }
});

test('the chair controls and the signed-in pages pass axe for the coordinator', async ({ page, request }) => {
  await signIn(page, COORDINATOR);
  for (const meeting of await councilMeetings(request)) {
    await page.goto(meetingPath(meeting));
    await expectNoViolations(page);
  }
  for (const path of ['/samordnare', '/samordnare/radet', '/kalender', '/mitt-konto', '/min-forening']) {
    await test.step(path, async () => {
      await page.goto(path);
      await expectNoViolations(page);
    });
  }
});

test("an association contact's pages pass axe", async ({ page }) => {
  await signIn(page, 'forening@samverka.example');
  for (const path of ['/min-forening', '/mitt-konto', '/parter']) {
    await test.step(path, async () => {
      await page.goto(path);
      await expectNoViolations(page);
    });
  }
});
