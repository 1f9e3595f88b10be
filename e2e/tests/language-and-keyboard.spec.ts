import { expect, test } from '@playwright/test';

test('the English switch translates the page and is remembered', async ({ page }) => {
  await page.goto('/forum');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const swedishHeading = await page.locator('h1').innerText();
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).not.toHaveText(swedishHeading);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: /Svenska/ }).click();
  await expect(page.locator('h1')).toHaveText(swedishHeading);
});

test('a keyboard user skips to the content and signs in without a mouse', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('main h1')).toContainText('Överenskommelse om samverkan');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1, main [tabindex="-1"]').first()).toBeFocused();

  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').focus();
  await page.keyboard.type('samordnare@samverka.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('samverka-demo');
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/logga-in/);
});

test('a wrong password is explained beside the form, in Swedish', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill('samordnare@samverka.example');
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');
});
