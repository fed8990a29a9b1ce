import { readFileSync } from 'node:fs';
import path from 'node:path';

import { openPage, screenshot, useServedPane } from './harness';

jest.setTimeout(120_000);

const SAMPLE = readFileSync(
  path.join(__dirname, '..', '..', 'src', 'standalone', 'samples', 'relay-access-denied.eml'),
);

const pane = useServedPane();

const readHost = (extra: Record<string, unknown> = {}) => ({
  displayLanguage: 'en-US',
  mailboxVersion: '1.14',
  item: { subject: 'Undeliverable: Quote for the spring order', fileBase64: SAMPLE.toString('base64') },
  ...extra,
});

describe('task pane in Outlook (fake host)', () => {
  it('explains a 5.4.1 Relay Access Denied bounce read with getAsFileAsync', async () => {
    const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', readHost());
    const heading = page.locator('main[aria-busy="false"]').getByRole('heading', { level: 2 }).first();
    await heading.waitFor({ timeout: 20_000 });
    expect(await heading.textContent()).toContain('jan.jansen@fabrikam.example');
    await page.getByRole('button', { name: 'Technical details' }).click();
    await page.getByText('5.4.1', { exact: true }).first().waitFor();
    expect(await page.getByText(/mail\.protection\.outlook\.com/).count()).toBeGreaterThan(0);
    const calls = await page.evaluate(
      () => (window as unknown as { __OFFICE_CALLS__: string[] }).__OFFICE_CALLS__,
    );
    expect(calls).toContain('file');
    await screenshot(page, 'taskpane-relay-access-denied.png');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('falls back to the body text when the whole-item API is missing (Mailbox 1.8)', async () => {
    const body =
      SAMPLE.toString('utf8')
        .split('Content-Transfer-Encoding: quoted-printable')[1]
        ?.split('Original message headers:')[0]
        ?.replace(/=\n/g, '')
        .replace(/=3D/g, '=') ?? '';
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost({
        mailboxVersion: '1.8',
        item: {
          subject: 'Undeliverable: Quote',
          body,
          headers:
            'Subject: Undeliverable: Quote\r\nFrom: postmaster@contoso.example\r\nX-MS-Exchange-Message-Is-Ndr:\r\n',
        },
      }),
    );
    const heading = page.locator('main[aria-busy="false"]').getByRole('heading', { level: 2 }).first();
    await heading.waitFor({ timeout: 20_000 });
    expect(await heading.textContent()).toContain('jan.jansen@fabrikam.example');
    const calls = await page.evaluate(
      () => (window as unknown as { __OFFICE_CALLS__: string[] }).__OFFICE_CALLS__,
    );
    expect(calls).not.toContain('file');
    expect(calls).toEqual(expect.arrayContaining(['body', 'headers']));
    expect(watched.consoleErrors).toEqual([]);
  });

  it('speaks Dutch when Outlook does', async () => {
    const { page } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost({ displayLanguage: 'nl-NL' }),
    );
    await page
      .locator('main[aria-busy="false"]')
      .getByRole('heading', { level: 2 })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { name: 'Wat u kunt doen' }).count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('heading', { name: 'Wat de beheerder van de ontvanger moet controleren' }).count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'taskpane-nl.png');
  });

  it('says when the current message is not a bounce and offers the paste box', async () => {
    const plain = Buffer.from(
      'From: a@example.com\r\nTo: b@example.com\r\nSubject: Lunch?\r\nMessage-ID: <1@example.com>\r\nDate: Tue, 3 Nov 2026 09:00:00 +0000\r\n\r\nShall we have lunch?\r\n',
    );
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost({ item: { subject: 'Lunch?', fileBase64: plain.toString('base64') } }),
    );
    await page.getByText('This message is not a bounce', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Explain' }).count()).toBe(1);
    expect(watched.consoleErrors).toEqual([]);
  });
});

describe('standalone page', () => {
  it('renders the built-in 5.4.1 sample without console errors or network requests', async () => {
    const { page, watched } = await openPage(pane.browser, pane.url, '/standalone.html', {});
    const heading = page.locator('main[aria-busy="false"]').getByRole('heading', { level: 2 }).first();
    await heading.waitFor({ timeout: 20_000 });
    expect(await heading.textContent()).toContain('jan.jansen@fabrikam.example');
    await screenshot(page, 'standalone-relay-access-denied.png');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('explains pasted bounce text', async () => {
    const { page, watched } = await openPage(pane.browser, pane.url, '/standalone.html?sample=none', {});
    const pasted = [
      'Delivery has failed to these recipients or groups:',
      '',
      'kees@fabrikam.example',
      "The email address you entered couldn't be found.",
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: AM9PR04MB8100.eurprd04.prod.outlook.com',
      '',
      'kees@fabrikam.example',
      "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com]'",
    ].join('\n');
    await page.getByRole('textbox').fill(pasted);
    await page.getByRole('button', { name: 'Explain' }).click();
    await page
      .getByText("kees@fabrikam.example does not exist at the recipient's organisation.")
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Technical details' }).click();
    expect(await page.getByText('5.4.1', { exact: true }).count()).toBeGreaterThan(0);
    expect(watched.consoleErrors).toEqual([]);
  });
});
