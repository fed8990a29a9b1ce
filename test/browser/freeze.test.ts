/**
 * Inputs that froze or blanked the pane (issue 12), driven through the built task pane with the fake
 * host: an ordinary 60-message reply thread, a .msg whose directory chain loops, and a bounce cut
 * in the middle of an emoji (a lone UTF-16 surrogate). Each must be explained or refused with a
 * message within a few seconds, and the pane must still work afterwards: the paste box explains
 * the next bounce.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, useServedPane } from './harness';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const pane = useServedPane();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An ordinary reply thread: 60 Outlook reply headers, each over a paragraph of plain words. */
function replyThread(messages: number): string {
  const blocks: string[] = ['Thanks, see my answers below.', ''];
  for (let i = messages; i >= 1; i--) {
    blocks.push(
      '________________________________',
      `From: Person ${i} <person${i}@contoso.example>`,
      `Sent: Monday, 2 November 2026 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      `To: Team <team@contoso.example>`,
      'Subject: RE: Planning for the spring order',
      '',
      `Point ${i}: ${'we agreed to move the delivery to the next week and keep the price as quoted. '.repeat(12)}`,
      '',
    );
  }
  return blocks.join('\n');
}

function eml(subject: string, body: string, extraHeaders = ''): Buffer {
  return Buffer.from(
    [
      'From: Person 1 <person1@contoso.example>',
      'To: Alex Wilber <alex@contoso.example>',
      `Subject: ${subject}`,
      'Date: Mon, 2 Nov 2026 10:00:00 +0000',
      'Message-ID: <thread@contoso.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="utf-8"',
      extraHeaders,
      '',
      body,
    ]
      .filter((line, i) => line !== '' || i > 6)
      .join('\r\n'),
    'utf8',
  );
}

/** Reads the item through the fake host and returns the time to the first answer and the page. */
async function open(item: Record<string, unknown>): Promise<{ page: Page; ms: number; errors: string[] }> {
  const started = Date.now();
  const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', {
    displayLanguage: 'en-US',
    mailboxVersion: '1.14',
    item,
  });
  // The pane has answered when it is no longer busy (starting, reading, explaining); the fallback
  // of a failed render has no busy state at all.
  await page.locator('main[aria-busy="false"], main:not([aria-busy])').first().waitFor({ timeout: 30_000 });
  return { page, ms: Date.now() - started, errors: watched.consoleErrors };
}

/** The pane still explains a pasted bounce after what came before. */
async function stillUsable(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: /bounce text or file/i }).fill('550 5.4.1 Relay Access Denied');
  await page.getByRole('button', { name: /^Explain$/ }).click();
  await page
    .getByText(/does not accept mail|Relay Access Denied/)
    .first()
    .waitFor({ timeout: 10_000 });
}

describe('inputs that used to freeze or blank the pane', () => {
  it('answers an ordinary 60-message reply thread quickly and stays usable', async () => {
    const thread = replyThread(60);
    expect(thread.length).toBeGreaterThan(50_000);
    const { page, ms, errors } = await open({
      subject: 'RE: Planning for the spring order',
      fileBase64: eml('RE: Planning for the spring order', thread).toString('base64'),
    });
    try {
      await page.getByText('This message is not a bounce').waitFor({ timeout: 1000 });
      // A generous bound for a loaded CI machine; the freeze this guards against took 20 s.
      expect(ms).toBeLessThan(8000);
      await stillUsable(page);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('refuses a .msg whose directory chain loops, with a message, and stays usable', async () => {
    const msg = readFileSync(path.join(FIXTURES, 'hostile', 'hostile-none-msg-directory-loop.msg'));
    const { page, ms, errors } = await open({
      subject: 'FW: Undeliverable',
      body: 'See the attached bounce.',
      attachments: [
        {
          id: 'att-1',
          name: 'Undeliverable.msg',
          attachmentType: 'file',
          contentType: 'application/vnd.ms-outlook',
          format: 'base64',
          content: msg.toString('base64'),
        },
      ],
    });
    try {
      expect(ms).toBeLessThan(8000);
      expect(await page.locator('main').textContent()).toMatch(/not a bounce|could not be read/i);
      await stillUsable(page);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('explains a bounce whose diagnostic ends in half an emoji, and sends it to the admin', async () => {
    // An Amazon SES notification whose JSON escapes cut an emoji in half: JSON.parse-style
    // decoding leaves a lone high surrogate in the diagnostic and so in the admin mail's subject.
    const json = JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        reportingMTA: 'dns; a8-12.smtp-out.amazonses.com',
        bouncedRecipients: [
          {
            emailAddress: 'jan@fabrikam.example',
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown PLACEHOLDER',
          },
        ],
      },
    }).replace('PLACEHOLDER', '\\ud83d');
    const ses = eml('AWS Notification Message', json).toString('base64');
    const { page, errors } = await open({ subject: 'AWS Notification Message', fileBase64: ses });
    try {
      await page
        .locator('main[aria-busy="false"]')
        .getByRole('heading', { level: 2 })
        .first()
        .waitFor({ timeout: 10_000 });
      await page
        .getByRole('button', { name: /Send to my admin/ })
        .first()
        .click();
      await page.getByRole('textbox', { name: /admin's address/i }).fill('helpdesk@contoso.example');
      await page.getByRole('button', { name: 'Save address' }).click();
      await page.waitForFunction(() => '__NEW_MESSAGE__' in window, undefined, { timeout: 10_000 });
      const message = (await page.evaluate(
        () =>
          (window as unknown as { __NEW_MESSAGE__: { subject: string; htmlBody: string } }).__NEW_MESSAGE__,
      )) as { subject: string; htmlBody: string };
      expect(message.subject).not.toMatch(LONE_SURROGATE);
      expect(message.htmlBody).not.toMatch(LONE_SURROGATE);
      await stillUsable(page);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
