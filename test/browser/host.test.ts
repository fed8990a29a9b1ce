/**
 * The built task pane in the fake Outlook host (issue 13): a pinned pane switching items, office.js
 * that never becomes ready, a read that hangs, and a theme switch, each without a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, useServedPane } from './harness';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const ADMIN = 'helpdesk@contoso.example';
// Piet de Vries to jan.jansen@fabrikam.example, 550 5.4.1 Relay Access Denied.
const RELAY = readFileSync(path.join(ROOT, 'src', 'standalone', 'samples', 'relay-access-denied.eml'));
// Alex Wilber to sanne@fabrikam.example, 550 5.4.1 DBEB.
const DBEB = readFileSync(
  path.join(
    ROOT,
    'test',
    'fixtures',
    'exchange-online',
    'exchange-online-5.4.1-dbeb-as201806281-legacy-en.eml',
  ),
);
const FIRST = { id: 'AAMkFirst=', subject: 'FW: Undeliverable: Quote', fileBase64: RELAY.toString('base64') };
const SECOND = {
  id: 'AAMkSecond=',
  subject: 'FW: Undeliverable: Invoice',
  fileBase64: DBEB.toString('base64'),
};

const pane = useServedPane();

const host = (extra: Record<string, unknown> = {}) => ({
  displayLanguage: 'en-US',
  mailboxVersion: '1.14',
  roaming: { adminAddress: ADMIN },
  item: FIRST,
  ...extra,
});

interface NewMessage {
  subject: string;
  htmlBody: string;
  attachments: { type: string; itemId: string; name: string }[];
}

const outlook = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ([name, values]) =>
      (
        window as unknown as { __FAKE_OUTLOOK__: Record<string, (...a: unknown[]) => unknown> }
      ).__FAKE_OUTLOOK__[name as string]?.(...(values as unknown[])),
    [method, args] as const,
  );
const newMessage = (page: Page) =>
  page.evaluate(() => (window as unknown as { __NEW_MESSAGE__?: NewMessage }).__NEW_MESSAGE__ ?? null);
/** The explanation on screen that names `address` (in its headline or, when that omits it, its cause). */
const headline = (page: Page, address: RegExp) => page.locator('main article').filter({ hasText: address });

describe('a pinned pane switching items', () => {
  it('explains the item on screen and sends the admin that item, attached', async () => {
    const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', host());
    try {
      await headline(page, /jan\.jansen@fabrikam\.example/).waitFor({ timeout: 20_000 });
      await outlook(page, 'selectItem', SECOND);
      await headline(page, /sanne@fabrikam\.example/).waitFor({ timeout: 20_000 });
      expect(await headline(page, /jan\.jansen/).count()).toBe(0);
      await page.getByRole('button', { name: 'Send to my admin' }).click();
      await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
      const sent = await newMessage(page);
      expect(sent?.subject).toContain('sanne@fabrikam.example');
      expect(sent?.subject).not.toContain('jan.jansen');
      expect(sent?.attachments).toEqual([{ type: 'item', itemId: 'AAMkSecond=', name: SECOND.subject }]);

      // Back to the first item: the success message of the second one does not carry over.
      await outlook(page, 'selectItem', FIRST);
      await headline(page, /jan\.jansen@fabrikam\.example/).waitFor({ timeout: 20_000 });
      expect(await page.getByText('A new message to your admin is open').count()).toBe(0);
      // No selection at all: a calm notice, not an error.
      await outlook(page, 'selectItem', null);
      await page.getByText('No message selected').waitFor({ timeout: 10_000 });
      expect(await page.getByText('Outlook did not let the add-in read this message').count()).toBe(0);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('does not send the old summary when Outlook moves on without ItemChanged', async () => {
    const { page } = await openPage(pane.browser, pane.url, '/taskpane.html', host());
    try {
      await headline(page, /jan\.jansen@fabrikam\.example/).waitFor({ timeout: 20_000 });
      await outlook(page, 'selectItem', SECOND, { silent: true });
      await page.getByRole('button', { name: 'Send to my admin' }).click();
      await headline(page, /sanne@fabrikam\.example/).waitFor({ timeout: 20_000 });
      expect(await newMessage(page)).toBeNull();
      await page.getByRole('button', { name: 'Send to my admin' }).click();
      await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
      expect((await newMessage(page))?.attachments[0]?.itemId).toBe('AAMkSecond=');
    } finally {
      await page.context().close();
    }
  });
});

describe('start-up and faults', () => {
  it('says in Outlook words that office.js is slow, offers paste, never the standalone text, and reads once ready', async () => {
    const started = Date.now();
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      host({ neverReady: true }),
    );
    try {
      await page.getByRole('textbox', { name: /Bounce text or file/ }).waitFor({ timeout: 5_000 });
      await page.getByText('Outlook is taking long to start the add-in').waitFor({ timeout: 6_000 });
      const noticeAfter = Date.now() - started;
      expect(noticeAfter).toBeLessThan(6_000);
      // Past the old 8 s fallback: still Outlook's words, never the standalone page's.
      await page.waitForTimeout(Math.max(0, 9_000 - (Date.now() - started)));
      expect(await page.getByText(/works without Outlook/).count()).toBe(0);
      expect(await page.getByText('Outlook is taking long to start the add-in').count()).toBe(1);
      await outlook(page, 'becomeReady');
      await headline(page, /jan\.jansen@fabrikam\.example/).waitFor({ timeout: 20_000 });
      expect(await page.getByText('Outlook is taking long to start the add-in').count()).toBe(0);
      expect(watched.consoleErrors).toEqual([]);
      console.log(`office.js never ready: notice after ${noticeAfter} ms`);
    } finally {
      await page.context().close();
    }
  });

  it('keeps the paste box while a read hangs, and Cancel stops the spinner', async () => {
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      host({ fail: { file: 'hang' } }),
    );
    try {
      await page.getByText('Reading the message…').waitFor({ timeout: 10_000 });
      await page.getByRole('textbox', { name: /Bounce text or file/ }).waitFor({ timeout: 1_000 });
      await page.getByText(/Outlook is taking long to hand over this message/).waitFor({ timeout: 6_000 });
      const started = Date.now();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Cancelled', { exact: true }).waitFor({ timeout: 2_000 });
      const stoppedAfter = Date.now() - started;
      expect(await page.getByText('Reading the message…').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Explain another bounce' }).count()).toBe(0);
      await page.getByRole('textbox', { name: /Bounce text or file/ }).fill(DBEB.toString('utf8'));
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await headline(page, /sanne@fabrikam\.example/).waitFor({ timeout: 20_000 });
      expect(watched.consoleErrors).toEqual([]);
      console.log(`hanging read: Cancel answered after ${stoppedAfter} ms`);
    } finally {
      await page.context().close();
    }
  });
});

describe('Office theme', () => {
  it('switches from light to dark and back without a reload', async () => {
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      host({ theme: { bodyBackgroundColor: '#ffffff' } }),
    );
    try {
      await headline(page, /jan\.jansen@fabrikam\.example/).waitFor({ timeout: 20_000 });
      const background = () =>
        page.evaluate(() => getComputedStyle(document.querySelector('#root > *') as Element).backgroundColor);
      expect(await background()).toBe('rgb(255, 255, 255)');
      await page.evaluate(
        () => ((window as unknown as { __NOT_RELOADED__: boolean }).__NOT_RELOADED__ = true),
      );
      await outlook(page, 'setTheme', { bodyBackgroundColor: '#262626' });
      await page.waitForFunction(
        () =>
          getComputedStyle(document.querySelector('#root > *') as Element).backgroundColor !==
          'rgb(255, 255, 255)',
        undefined,
        { timeout: 5_000 },
      );
      const dark = await background();
      expect(dark).toBe('rgb(41, 41, 41)');
      expect(
        await page.evaluate(() => (window as unknown as { __NOT_RELOADED__?: boolean }).__NOT_RELOADED__),
      ).toBe(true);
      // The explanation is still there: the theme changed, the pane's state did not.
      expect(await headline(page, /jan\.jansen@fabrikam\.example/).count()).toBe(1);
      await outlook(page, 'setTheme', { bodyBackgroundColor: '#ffffff' });
      await page.waitForFunction(
        () =>
          getComputedStyle(document.querySelector('#root > *') as Element).backgroundColor ===
          'rgb(255, 255, 255)',
        undefined,
        { timeout: 5_000 },
      );
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
