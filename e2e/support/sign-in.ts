import { expect, type Page } from '@playwright/test';

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = 'samverka-demo'): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).not.toHaveURL(/logga-in/);
}

export const CHAIR = 'ordforande@samverka.example';
export const COORDINATOR = 'samordnare@samverka.example';
