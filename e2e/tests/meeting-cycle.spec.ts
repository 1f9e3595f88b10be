import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInApi } from '../support/api.js';
import { waitForMail } from '../support/mailbox.js';
import { CHAIR, COORDINATOR, signIn } from '../support/sign-in.js';

/*
 * The whole meeting cycle through the UI, from the coordinator's new meeting to the published minutes:
 * the notice mail and an answer, the roll call, the floor asked for from phones, the decision live on the
 * projector, and the approved minutes on the public page and in the PDF.
 */

const ADJUSTER = 'forening@samverka.example';
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1366, height: 768 };

/** A small, real PDF: the upload checks the content, not the name. */
function smallPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
      'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

/** The text of a PDF, read with pdfjs-dist as the server's minutes test reads it (its streams are compressed). */
async function pdfText(bytes: Buffer): Promise<string> {
  const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/package.json');
  const pdfjs = createRequire(server).resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = (await import(pathToFileURL(pdfjs).href)) as {
    getDocument: (options: object) => {
      promise: Promise<{
        numPages: number;
        getPage: (n: number) => Promise<{ getTextContent: () => Promise<{ items: { str?: string }[] }> }>;
      }>;
    };
  };
  const document = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  let text = '';
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    text += content.items.map((item) => item.str ?? '').join(' ') + ' ';
  }
  return text.replace(/\s+/g, ' ');
}

/** The page does not scroll in either direction. */
async function expectNoScroll(page: Page) {
  const root = await page.evaluate(() => {
    const element = document.scrollingElement!;
    return {
      scrollHeight: element.scrollHeight,
      clientHeight: element.clientHeight,
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    };
  });
  expect(root.scrollHeight).toBeLessThanOrEqual(root.clientHeight);
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
}

async function newPage(
  browser: Browser,
  contexts: BrowserContext[],
  viewport = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  return context.newPage();
}

test('a meeting runs from the notice to the published minutes', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  const title = `Rådsmöte ${Date.now().toString(36)}`;
  const decision = `Rådet beslutar enligt förslaget (${title}).`;

  try {
    let meetingId = '';
    await test.step('the coordinator creates the meeting with five items and a document, and publishes it', async () => {
      await signIn(page, COORDINATOR);
      await page.goto('/forum/samverkansradet');
      await page.getByRole('link', { name: 'Nytt möte' }).click();
      await page.getByLabel('Rubrik').fill(title);
      await page.getByLabel('Plats (adress)').fill('Rådhuset, Drottninggatan 9');
      await page.getByLabel('Ordförande').selectOption({ label: 'Erik Holm' });
      await page.getByLabel('Justerare 1').selectOption({ label: 'Maja Berg' });
      await page.getByRole('button', { name: 'Skapa mötet' }).click();
      await expect(page.locator('h1')).toContainText(title);
      meetingId = decodeURIComponent(/\/moten\/([^/]+)\//.exec(page.url())![1]!);

      const items = page.locator('.builder-list > li');
      await expect(items).toHaveCount(6);
      await page.getByRole('button', { name: 'Ta bort: Övriga frågor', exact: true }).click();
      await page.getByRole('button', { name: 'Ja, ta bort' }).click();
      await expect(items).toHaveCount(5);

      // A document on the second item, uploaded in the item's form.
      await items.nth(1).locator('.edit').click();
      const itemTitle = await page.getByLabel('Punktens rubrik').inputValue();
      await page.getByLabel('Fil', { exact: true }).setInputFiles({
        name: 'underlag.pdf',
        mimeType: 'application/pdf',
        buffer: smallPdf(),
      });
      await page.getByRole('button', { name: 'Ladda upp och bifoga' }).click();
      await expect(page.getByText('underlag.pdf är bifogad.')).toBeVisible();
      await page.getByRole('button', { name: 'Spara punkten' }).click();
      await expect(page.locator('.agenda-item-form')).toHaveCount(0);

      await page.getByRole('button', { name: 'Publicera dagordningen' }).click();
      await expect(page.getByText('Dagordning publicerad', { exact: true })).toBeVisible();
      await page.getByRole('link', { name: 'Visa mötet' }).click();
      await expect(page.locator('h1')).toHaveText(title);
      await expect(page.locator('ol.agenda > li')).toHaveCount(5);
      await expect(
        page
          .locator('ol.agenda > li')
          .filter({ hasText: itemTitle })
          .getByRole('link', { name: /underlag/ }),
      ).toBeVisible();
    });
    const meetingPath = `/moten/${encodeURIComponent(meetingId)}`;

    const maja = await newPage(browser, contexts);
    await test.step('members get the notice with the .ics; the adjuster answers that she comes', async () => {
      for (const address of [COORDINATOR, ADJUSTER]) {
        const mail = await waitForMail(address, new RegExp(`^Kallelse: ${title} `));
        expect(mail.text).toContain(title);
        const ics = mail.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
        expect(ics, 'the .ics invitation').toBeDefined();
        expect(ics!.content).toContain('BEGIN:VCALENDAR');
        expect(ics!.content).toContain('METHOD:REQUEST');
        expect(ics!.content).toContain(title);
      }
      await signIn(maja, ADJUSTER);
      await maja.goto(meetingPath);
      await maja.getByRole('button', { name: 'Jag kommer', exact: true }).click();
      await expect(maja.getByText('Ditt svar är sparat.')).toBeVisible();
      await expect(maja.getByRole('button', { name: 'Jag kommer', exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    });

    const chair = await newPage(browser, contexts);
    await test.step('the chair sees the answer, starts the meeting and records who is present', async () => {
      await signIn(chair, CHAIR);
      await chair.goto(meetingPath);
      const answers = chair.locator('section[aria-labelledby="notice-heading"]');
      await expect(answers.getByRole('row').filter({ hasText: 'Maja Berg' })).toContainText('Kommer');
      await chair.getByRole('button', { name: 'Starta mötet' }).click();
      await expect(chair.getByRole('button', { name: 'Avsluta mötet' })).toBeVisible();

      await chair.getByRole('button', { name: 'Samira Lind är närvarande från början' }).click();
      const attendance = chair.locator('section[aria-labelledby="attendance-heading"]');
      await expect(attendance.getByRole('row').filter({ hasText: 'Samira Lind' })).toContainText(
        'Närvarande',
      );
      // The adjuster holds no seat; the roll call lists her as one the notice called.
      await chair.getByRole('button', { name: 'Maja Berg är närvarande från början' }).click();
      await expect(attendance.getByRole('row').filter({ hasText: 'Maja Berg' })).toContainText('Närvarande');
    });

    const projector = await newPage(browser, contexts, PROJECTOR);
    await test.step('two members ask for the floor from phones; the projector shows both', async () => {
      await projector.goto(`${meetingPath}/projektor`);
      await expect(projector.locator('.connection')).toContainText('Ansluten');
      for (const email of [COORDINATOR, ADJUSTER]) {
        const phone = await newPageSignedIn(browser, contexts, email, PHONE);
        await phone.goto(`${meetingPath}/live`);
        await phone.getByRole('button', { name: 'Begär ordet' }).click();
        await expect(phone.getByText(/^Du står som nummer \d+ på talarlistan\.$/)).toBeVisible();
      }
      const speakers = projector.locator('[data-region="speakers"]');
      await expect(speakers).toContainText('Samira Lind');
      await expect(speakers).toContainText('Maja Berg');
    });

    await test.step('the decision appears on the projector without reload; the projector does not scroll', async () => {
      await projector.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      const current = (await projector.locator('.live-current-title').textContent())!.trim();
      const card = chair.locator('ol.agenda > li').filter({ hasText: current });
      await card.getByLabel('Beslut', { exact: true }).fill(decision);
      await card.getByRole('button', { name: 'Spara beslut och anteckning' }).click();
      await expect(card.getByText('Sparat.')).toBeVisible();
      await expect(projector.locator('[data-region="decision"]')).toContainText(decision);
      expect(
        await projector.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBe(true);
      await expectNoScroll(projector);
      await projector.setViewportSize({ width: 1920, height: 1080 });
      await expectNoScroll(projector);
    });

    await test.step('the chair closes the meeting, drafts the minutes and sends them; both approve', async () => {
      chair.once('dialog', (dialog) => dialog.accept());
      await chair.getByRole('button', { name: 'Avsluta mötet' }).click();
      await chair.getByRole('link', { name: 'Protokoll', exact: true }).click();
      await expect(chair).toHaveURL(/\/protokoll$/);
      await chair.getByRole('button', { name: 'Upprätta protokoll' }).click();
      await expect(chair.getByText('Protokollet är upprättat som utkast.')).toBeVisible();
      await chair.getByRole('button', { name: 'Skicka för justering' }).click();
      await expect(chair.getByText('Protokollet är skickat till ordföranden och justerarna.')).toBeVisible();
      await chair.getByRole('button', { name: 'Justera protokollet' }).click();
      await expect(chair.getByText('Din justering är registrerad.')).toBeVisible();

      await maja.goto(`${meetingPath}/protokoll`);
      await maja.getByRole('button', { name: 'Justera protokollet' }).click();
      await expect(maja.getByText('Din justering är registrerad.')).toBeVisible();

      await chair.reload();
      await chair.getByRole('button', { name: 'Publicera protokollet' }).click();
      await expect(chair.getByText('Protokollet är publicerat.')).toBeVisible();
    });

    await test.step('the public minutes page and the PDF hold the decision', async () => {
      const visitor = await newPage(browser, contexts);
      await visitor.goto(`${meetingPath}/protokoll`);
      await expect(visitor.locator('main')).toContainText(decision);
      await expect(visitor.locator('main')).toContainText('Maja Berg');
      const href = await visitor.getByRole('link', { name: 'Protokollet som PDF' }).getAttribute('href');
      const pdf = await visitor.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await pdfText(bytes)).toContain(decision);
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});

/** A page whose context is signed in through the API: signing in is not what those steps are about. */
async function newPageSignedIn(
  browser: Browser,
  contexts: BrowserContext[],
  email: string,
  viewport?: { width: number; height: number },
) {
  const page = await newPage(browser, contexts, viewport);
  await signInApi(page.context().request, email);
  return page;
}
