import { expect, test } from '@playwright/test';
import { meetingPath, meetingWithStatus } from '../support/api.js';
import { CHAIR, signIn } from '../support/sign-in.js';
import { startServer, stopServer } from '../support/server.js';

test('the chair advances the agenda; a signed-out projector follows without reload, across a server restart', async ({
  browser,
  request,
}) => {
  const meeting = await meetingWithStatus(request, 'AGENDA_PUBLISHED');
  const titles = meeting.agenda.map((item) => item.title);

  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, CHAIR);
  await chair.goto(meetingPath(meeting));
  await chair.getByRole('button', { name: 'Starta mötet' }).click();

  const projector = await (await browser.newContext()).newPage();
  await projector.goto(`${meetingPath(meeting)}/live?vy=projektor`);
  await projector.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const connection = projector.locator('.connection');
  const current = projector.locator('.live-current-title');
  await expect(connection).toContainText('Ansluten');
  await expect(current).toHaveText(titles[0]!);

  await chair.getByRole('button', { name: 'Nästa punkt' }).click();
  await expect(current).toHaveText(titles[1]!);
  await expect(projector.getByTestId('live-announcement')).toHaveText(`Aktuell punkt: ${titles[1]}`);

  await chair.getByRole('button', { name: 'Nästa punkt' }).click();
  await expect(current).toHaveText(titles[2]!);

  await stopServer();
  await expect(connection).not.toContainText(/^Ansluten$/);
  await expect(connection).toContainText(/Återansluter|Frånkopplad/);
  await startServer();
  await expect(connection).toContainText('Ansluten', { timeout: 30_000 });

  // The chair's page is still the one from before the restart; its session lives in the database.
  await chair.getByRole('button', { name: 'Nästa punkt' }).click();
  await expect(current).toHaveText(titles[3]!);
  await chair.getByRole('button', { name: 'Föregående punkt' }).click();
  await expect(current).toHaveText(titles[2]!);

  expect(await projector.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
});
