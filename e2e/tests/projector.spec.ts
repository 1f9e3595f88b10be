import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { meetingPath, recordDecision, runningMeeting, signInApi } from '../support/api.js';
import { CHAIR } from '../support/sign-in.js';

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** The page does not scroll either way, and each element is wholly inside the viewport. */
async function expectFitsTheScreen(page: Page, selectors: string[]) {
  const scroll = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return {
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
    };
  });
  expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight);
  expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
  const viewport = page.viewportSize()!;
  for (const selector of selectors) {
    const box = await page.locator(selector).first().boundingBox();
    expect(box, selector).not.toBeNull();
    expect(box!.x, selector).toBeGreaterThanOrEqual(0);
    expect(box!.y, selector).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, selector).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height, selector).toBeLessThanOrEqual(viewport.height);
  }
}

/** The visible text of the projector with the smallest computed font size (px). */
const smallestText = (page: Page) =>
  page.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.querySelector('.projector')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!;
      if (!node.textContent?.trim() || element.closest('.visually-hidden')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: node.textContent };
    }
    return smallest;
  });

test.beforeEach(({ request }) => signInApi(request, CHAIR));

test('the projector fits 16:9 screens from 720p to 2160p, without the site header, and shows a decision live', async ({
  page,
  request,
}) => {
  const meeting = await runningMeeting(request);
  await page.setViewportSize(SCREENS[0]!);
  await page.goto(`${meetingPath(meeting)}/projektor`);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await expect(page.locator('.connection')).toContainText('Ansluten');
  await expect(page.locator('.live-current-title')).toHaveText(meeting.currentItem!.title);
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.locator('.site-footer')).toHaveCount(0);

  const decision = `Rådet beslutar enligt förslaget (${Date.now()}).`;
  await recordDecision(request, meeting, decision);
  await expect(page.locator('[data-region="decision"]')).toContainText(decision);

  for (const screen of SCREENS) {
    await test.step(`${screen.width}×${screen.height}`, async () => {
      await page.setViewportSize(screen);
      await expectFitsTheScreen(page, [
        'h1',
        '.live-current-title',
        '[role="timer"]',
        '.live-clock-planned',
        '.live-schedule',
        '[data-region="decision"]',
        '[data-region="speakers"]',
      ]);
      // No text smaller than 3 % of the screen's height (the layout's unit is 1vh on 16:9).
      const smallest = await smallestText(page);
      expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(screen.height * 0.03 - 0.5);
    });
  }
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
});

test('the projector is linked from the meeting page and the live view; old projector links open it', async ({
  page,
  request,
}) => {
  const meeting = await runningMeeting(request);
  await page.goto(meetingPath(meeting));
  await page.getByRole('link', { name: 'Öppna projektorvyn' }).click();
  await expect(page).toHaveURL(/\/projektor$/);
  await page.goto(`${meetingPath(meeting)}/live`);
  await page.getByRole('link', { name: 'Öppna projektorvyn' }).click();
  await expect(page).toHaveURL(/\/projektor$/);
  await page.goto(`${meetingPath(meeting)}/live?vy=projektor`);
  await expect(page).toHaveURL(/\/projektor$/);
  await expect(page.locator('.live-current-title')).toBeVisible();
});

test('the full-screen button works from the keyboard', async ({ page, request }) => {
  const meeting = await runningMeeting(request);
  await page.setViewportSize(SCREENS[1]!);
  await page.goto(`${meetingPath(meeting)}/projektor`);
  const button = page.getByRole('button', { name: 'Helskärm' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Lämna helskärm' })).toBeFocused();
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Helskärm' })).toBeVisible();
});

test.describe('axe on the projector', () => {
  for (const language of ['Swedish', 'English'] as const) {
    test(`passes in ${language}`, async ({ page, request }) => {
      const meeting = await runningMeeting(request);
      if (language === 'English') {
        await page.goto('/');
        await page.getByRole('button', { name: /English/ }).click();
      }
      await page.setViewportSize(SCREENS[1]!);
      await page.goto(`${meetingPath(meeting)}/projektor`);
      await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'sv');
      await expect(page.locator('.live-current-title')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  }
});
