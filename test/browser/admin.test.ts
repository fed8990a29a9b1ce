import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { htmlToText } from '../../src/mail/htmlToText';
import { ADMIN_MAIL_TAGS, openPage, screenshot, useServedPane } from './harness';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const fixture = (relative: string): Buffer => readFileSync(path.join(ROOT, 'test', 'fixtures', relative));
const SAMPLE = readFileSync(path.join(ROOT, 'src', 'standalone', 'samples', 'relay-access-denied.eml'));
const ADMIN = 'helpdesk@contoso.example';

const pane = useServedPane();

const readHost = (eml: Buffer, extra: Record<string, unknown> = {}) => ({
  displayLanguage: 'en-US',
  mailboxVersion: '1.14',
  item: { subject: 'FW: Undeliverable', fileBase64: eml.toString('base64') },
  ...extra,
});

async function pageState<T>(page: Page, name: string): Promise<T> {
  return page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], name) as Promise<T>;
}

interface NewMessage {
  toRecipients: string[];
  subject: string;
  htmlBody: string;
  attachments: { type: string; itemId: string; name: string }[];
}

describe('Send to my admin', () => {
  it('opens a new message to the stored admin with the summary and the bounce attached (read mode)', async () => {
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(SAMPLE, { roaming: { adminAddress: ADMIN } }),
    );
    // The accessible name contains "admin", so assistive tech and tests can find it by role.
    await page.getByRole('button', { name: /^Send to my admin$/ }).click();
    await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
    const message = await pageState<NewMessage>(page, '__NEW_MESSAGE__');
    expect(message.toRecipients).toEqual([ADMIN]);
    expect(message.subject).toBe(
      'Bounce: Quote for the spring order → jan.jansen@fabrikam.example (550 5.4.1 Relay Access Denied)',
    );
    expect(new TextEncoder().encode(message.htmlBody).length).toBeLessThanOrEqual(32_000);
    expect(message.htmlBody).toContain('fabrikam-example.mail.protection.outlook.com');
    expect(message.htmlBody).toContain('Remote Connectivity Analyzer');
    expect(message.htmlBody).toContain('Original message headers');
    expect(message.attachments).toEqual([
      { type: 'item', itemId: 'AAMkAGFakeItemId=', name: 'FW: Undeliverable' },
    ]);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('asks for the admin address once, validates it and keeps it in roamingSettings', async () => {
    const { page } = await openPage(pane.browser, pane.url, '/taskpane.html', readHost(SAMPLE));
    await page.getByRole('button', { name: 'Send to my admin' }).click();
    const input = page.getByRole('textbox', { name: /admin's address/ });
    await input.fill('not an address');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    expect(await pageState(page, '__NEW_MESSAGE__')).toBeUndefined();
    await input.fill(ADMIN);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
    expect(await pageState<{ saved: Record<string, string> }>(page, '__ROAMING__')).toEqual({
      saved: { adminAddress: ADMIN },
    });
    expect((await pageState<NewMessage>(page, '__NEW_MESSAGE__')).toRecipients).toEqual([ADMIN]);
    await page.getByText(`Goes to ${ADMIN}`).waitFor();
  });

  it('keeps the address for the session and says so when roamingSettings cannot save', async () => {
    const { page } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(SAMPLE, { fail: { roaming: { code: 9057, message: 'Settings too large' } } }),
    );
    await page.getByRole('button', { name: 'Send to my admin' }).click();
    await page.getByRole('textbox', { name: /admin's address/ }).fill(ADMIN);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText(/could not be saved in your mailbox \(9057/).waitFor({ timeout: 10_000 });
    // The notice can come before the new message: wait for the message itself, not for the notice.
    await page.waitForFunction(() => '__NEW_MESSAGE__' in window, undefined, { timeout: 10_000 });
    expect((await pageState<NewMessage>(page, '__NEW_MESSAGE__')).toRecipients).toEqual([ADMIN]);
  });

  it('uses the organisation default from the task-pane URL when the user has none', async () => {
    const { page } = await openPage(
      pane.browser,
      pane.url,
      `/taskpane.html?admin=${encodeURIComponent('it@contoso.example')}`,
      readHost(SAMPLE),
    );
    await page.getByText('it@contoso.example (set by your organisation)').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Send to my admin' }).click();
    await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
    expect((await pageState<NewMessage>(page, '__NEW_MESSAGE__')).toRecipients).toEqual([
      'it@contoso.example',
    ]);
  });

  it('fills the Forward draft in compose mode: admin as To and the summary on top', async () => {
    const forwarded = fixture('forwarded/forwarded-5.4.1-relay-access-denied-inline-nl.eml').toString(
      'latin1',
    );
    const body = forwarded
      .slice(forwarded.search(/\r?\n\r?\n/))
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', {
      mode: 'compose',
      displayLanguage: 'nl-NL',
      roaming: { adminAddress: ADMIN },
      item: { body, to: [] },
    });
    const button = page.getByRole('button', { name: /^Toevoegen aan dit concept/ });
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    await page
      .getByText('De samenvatting voor uw beheerder staat nu bovenaan dit concept.')
      .waitFor({ timeout: 10_000 });
    const draft = await pageState<{ to: string[]; prepended: { data: string; coercionType: string }[] }>(
      page,
      '__DRAFT__',
    );
    expect(draft.to).toEqual([ADMIN]);
    expect(draft.prepended).toHaveLength(1);
    expect(draft.prepended[0]?.coercionType).toBe('html');
    expect(draft.prepended[0]?.data).toContain('5.4.1');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('escapes hostile bounce content in the admin mail and never runs it in the pane', async () => {
    const hostile = fixture('hostile/hostile-5.1.1-script-in-diagnostic-and-display-name.eml');
    // The alert trap must be in place before the pane's first script runs, or it proves nothing.
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(hostile, { roaming: { adminAddress: ADMIN } }),
      {
        initScript: () => {
          const trap = window as unknown as { __ALERTED__: boolean; __TRAPPED__: boolean };
          trap.__TRAPPED__ = true;
          window.alert = () => {
            trap.__ALERTED__ = true;
          };
        },
      },
    );
    await page.getByRole('button', { name: 'Send to my admin' }).click();
    await page.getByText('A new message to your admin is open').waitFor({ timeout: 10_000 });
    const message = await pageState<NewMessage>(page, '__NEW_MESSAGE__');
    // Parse the body as the admin's mail client would: only our own markup, no handlers, no foreign links.
    const structure = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const elements = [...doc.body.querySelectorAll('*')];
      return {
        tags: [...new Set(elements.map((e) => e.tagName.toLowerCase()))].sort(),
        handlers: elements.flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
        links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    }, message.htmlBody);
    expect(structure.tags.every((tag) => ADMIN_MAIL_TAGS.includes(tag))).toBe(true);
    expect(structure.handlers).toEqual([]);
    expect(
      structure.links.every((href) =>
        /^https:\/\/(?:learn\.microsoft\.com|www\.rfc-editor\.org)\//.test(href ?? ''),
      ),
    ).toBe(true);
    expect(message.htmlBody).toContain('&lt;script&gt;');
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(
      await page.locator('main script, main iframe, main img:not([src="assets/icon-32.png"])').count(),
    ).toBe(0);
    expect(await pageState(page, '__TRAPPED__')).toBe(true);
    expect(await pageState(page, '__ALERTED__')).toBeUndefined();
    expect(watched.foreignRequests).toEqual([]);
  });

  it('offers copy instead of sending where Outlook cannot open a new message (Mailbox 1.5)', async () => {
    const { page } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(SAMPLE, { mailboxVersion: '1.5', item: { subject: 'x', body: SAMPLE.toString('utf8') } }),
    );
    await page.getByRole('button', { name: 'Copy details' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Send to my admin' }).count()).toBe(0);
  });
});

describe('reading doors', () => {
  it('explains an NDR attached to the current message', async () => {
    const attached = fixture('exchange-online/exchange-online-5.4.1-dbeb-as201806281-legacy-en.eml').toString(
      'utf8',
    );
    const plain = Buffer.from(
      'From: a@contoso.example\r\nTo: b@contoso.example\r\nSubject: FW: see attached\r\n\r\nSee the attachment.\r\n',
    );
    const { page } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(plain, {
        item: {
          subject: 'FW: see attached',
          fileBase64: plain.toString('base64'),
          attachments: [
            {
              id: 'att1',
              name: 'Undeliverable: Quote',
              attachmentType: 'item',
              format: 'eml',
              content: attached,
            },
          ],
        },
      }),
    );
    await page.getByRole('heading', { level: 2, name: /was not delivered/ }).waitFor({ timeout: 20_000 });
    await page.getByText('does not exist', { exact: false }).first().waitFor();
  });

  it('shows the paste option and the diagnostics when every reading API fails', async () => {
    const { page, watched } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(SAMPLE, {
        fail: {
          file: { code: 9041, message: 'Permission denied' },
          body: { code: 9020, message: 'Internal error' },
        },
      }),
    );
    await page.getByText('Outlook did not let the add-in read this message').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Explain' }).count()).toBe(1);
    await page.getByText('Diagnostics (for support)').click();
    await page.getByText(/Whole message \(getAsFileAsync\): failed: 9041 Permission denied/).waitFor();
    expect(watched.consoleErrors).toEqual([]);
  });

  it('explains a dropped .eml and a chosen .msg file', async () => {
    const { page } = await openPage(pane.browser, pane.url, '/standalone.html?sample=none', {});
    const eml = fixture('exchange-online/exchange-online-5.4.1-dbeb-legacy-nl.eml').toString('latin1');
    const zone = page.getByTestId('drop-zone');
    await zone.waitFor({ timeout: 20_000 });
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      const bytes = Uint8Array.from(content, (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], 'bounce.eml', { type: 'message/rfc822' }));
      return data;
    }, eml);
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('heading', { level: 2, name: /was not delivered/ }).waitFor({ timeout: 20_000 });

    await page
      .locator('input[type=file]')
      .setInputFiles(
        path.join(ROOT, 'test', 'fixtures', 'msg', 'exchange-online-5.4.1-relay-access-denied.msg'),
      );
    await page.getByRole('heading', { level: 2, name: /jan@fabrikam\.example/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Technical details' }).click();
    await page.locator('main pre', { hasText: 'Relay Access Denied' }).first().waitFor();
  });
});

describe('the admin view (round trip)', () => {
  const USER = 'anna@contoso.example';

  /** The user sends the bounce to their admin from the pane, in `displayLanguage`; returns the new message. */
  async function userSends(displayLanguage: string): Promise<NewMessage> {
    const { page } = await openPage(
      pane.browser,
      pane.url,
      '/taskpane.html',
      readHost(SAMPLE, { displayLanguage, roaming: { adminAddress: ADMIN }, user: { emailAddress: USER } }),
    );
    await page.getByRole('button', { name: /^(Send to my admin|Stuur naar mijn beheerder)$/ }).click();
    await page.waitForFunction(() => '__NEW_MESSAGE__' in window, undefined, { timeout: 10_000 });
    const message = await pageState<NewMessage>(page, '__NEW_MESSAGE__');
    await page.context().close();
    return message;
  }

  /** The admin opens that mail in Outlook: its text as Outlook gives it, the bounce attached as an item. */
  const adminHost = (message: NewMessage) => ({
    displayLanguage: 'en-US',
    mailboxVersion: '1.14',
    user: { emailAddress: ADMIN },
    roaming: { adminAddress: 'security@contoso.example' },
    item: {
      id: 'AAMkAdminReport=',
      from: USER,
      subject: message.subject,
      body: htmlToText(message.htmlBody),
      attachments: [
        {
          id: 'att-1',
          name: message.attachments[0]?.name ?? 'bounce',
          attachmentType: 'item',
          format: 'eml',
          content: SAMPLE.toString('utf8'),
        },
      ],
    },
  });

  it('opens the admin’s pane on the user’s mail with the admin steps, real values and a reply', async () => {
    const message = await userSends('nl-NL');
    const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', adminHost(message));
    await page.setViewportSize({ width: 320, height: 900 });
    await page
      .getByTestId('admin-view')
      .getByText(`Admin view: ${USER} sent you this bounce with Bounce Explainer.`)
      .waitFor({ timeout: 20_000 });
    await page.getByText(/^The recipient's mail admin must act/).waitFor();
    // The admin steps are open, with the bounce's own domain and the original's Message-ID.
    await page.getByText('Resolve-DnsName -Name fabrikam.example -Type MX').waitFor();
    await page
      .getByText(
        /^Get-MessageTraceV2 -MessageId '<AM0PR04MB6420A1B2C3D4E5F6@AM0PR04MB6420\.eurprd04\.prod\.outlook\.com>' -StartDate \d{4}-\d\d-\d\d -EndDate \d{4}-\d\d-\d\d$/,
      )
      .waitFor();
    expect(
      await page.getByRole('link', { name: 'Connectors (Exchange admin center)' }).getAttribute('href'),
    ).toBe('https://admin.exchange.microsoft.com/#/connectors');
    await page.getByRole('button', { name: /Check fabrikam\.example/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'admin-view-320.png');

    // The user wrote in Dutch: the reply is in Dutch, to the user's mail.
    await page.getByText(/The reply is written in Dutch/).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Reply to the user' }).click();
    await page.getByText('A reply to the user is open in Outlook. Read it through and send it.').waitFor();
    const reply = await pageState<{ htmlBody: string }>(page, '__REPLY__');
    expect(reply.htmlBody).toContain('Het probleem ligt bij de ontvanger');
    expect(reply.htmlBody).toContain('jan.jansen@fabrikam.example');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('is the ordinary pane for a forward of the same bounce that we did not make', async () => {
    const message = await userSends('en-US');
    const host = adminHost({ ...message, htmlBody: '<p>FW: Undeliverable, can you help?</p>' });
    const { page } = await openPage(pane.browser, pane.url, '/taskpane.html', host);
    await page.getByRole('heading', { level: 2, name: /was not delivered/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('admin-view').count()).toBe(0);
  });
});

describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in the ${theme} theme`, async () => {
      const background = theme === 'dark' ? '#1f1f1f' : '#ffffff';
      const { page } = await openPage(
        pane.browser,
        pane.url,
        '/taskpane.html',
        readHost(SAMPLE, { theme: { bodyBackgroundColor: background }, roaming: { adminAddress: ADMIN } }),
      );
      await page.getByRole('heading', { level: 2, name: /was not delivered/ }).waitFor({ timeout: 20_000 });
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      await screenshot(page, `taskpane-${theme}.png`);
      expect(violations).toEqual([]);
    });
  }
});
