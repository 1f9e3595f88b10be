import { expect, test } from '@playwright/test';
import { COORDINATOR, signIn } from '../support/sign-in.js';

test('an association registers and asks to join; the coordinator approves; the association sees it live and enters the register', async ({
  browser,
}) => {
  const unique = Date.now().toString(36);
  const partyName = `Föreningen Läsfrämjarna ${unique}`;

  const association = await (await browser.newContext()).newPage();
  await association.goto('/registrera');
  await association.getByLabel('Ditt namn').fill('Karin Läsare');
  const email = `karin.${unique}@forening.example`;
  await association.getByLabel('E-postadress').fill(email);
  await association.getByLabel('Lösenord', { exact: true }).fill('en lång och säker fras');
  await association.getByLabel('Registrera en ny part').check();
  await association.getByLabel('Namn på organisationen').fill(partyName);
  await association.getByLabel('Typ av part').selectOption({ label: 'Ideell förening' });
  await association.getByLabel('Organisationsnummer').fill('802002-4280');
  await association.getByLabel(/^Beskrivning/).fill('Läsombud och bokcirklar för unga i Örebro.');
  await association.getByRole('button', { name: 'Skapa konto' }).click();
  // The same answer whether the address was new or not; the new account signs in with its password.
  await expect(association.getByText('Titta i din e-post.')).toBeVisible();
  await signIn(association, email, 'en lång och säker fras');

  await association.goto('/min-forening');
  await association.getByLabel('Vi är demokratiskt organiserade.').check();
  await association.getByLabel('Vi står bakom överenskommelsens värdegrund.').check();
  await association.getByLabel('Vi står bakom de sex principerna för samverkan.').check();
  await association.getByLabel('Vi står bakom de sex långsiktiga åtagandena.').check();
  await association.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(association.getByText('Ansökan väntar på beslut').first()).toBeVisible();
  await association.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, COORDINATOR);
  await coordinator.goto('/samordnare');
  await coordinator.getByRole('button', { name: `Godkänn ansökan från ${partyName}` }).click();
  await expect(coordinator.getByText('Beslutet är registrerat.')).toBeVisible();

  await expect(association.getByText('Ansluten till överenskommelsen').first()).toBeVisible();
  expect(
    await association.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/parter');
  await visitor.getByLabel('Sök på namn eller beskrivning').fill('Läsfrämjarna');
  await visitor.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(visitor.getByRole('link', { name: partyName })).toBeVisible();
  await visitor.getByRole('link', { name: partyName }).click();
  await expect(visitor.locator('h1')).toHaveText(partyName);
  await expect(visitor.getByText('802002-4280')).toBeVisible();
});
