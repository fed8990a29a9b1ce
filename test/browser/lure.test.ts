/**
 * Is this bounce real (#16), in the built pane at 320 px: a lure leads with the warning on the first
 * screen, no link from it is an active link, and the admin action reports it as phishing; a
 * backscatter bounce says the reader did not send the message. English and Dutch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openPage, screenshot, useServedPane } from './harness';
import { doorHost, type Lang } from './readingDoors';

jest.setTimeout(120_000);

const pane = useServedPane();
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function hostFor(fixture: string, lang: Lang, subject: string) {
  const bytes = readFileSync(path.join(FIXTURES, fixture));
  return { ...doorHost('file', lang, 'light'), item: { subject, fileBase64: bytes.toString('base64') } };
}

async function open(fixture: string, lang: Lang, subject: string): Promise<Page> {
  const { page, watched } = await openPage(
    pane.browser,
    pane.url,
    '/taskpane.html',
    hostFor(fixture, lang, subject),
  );
  await page.setViewportSize({ width: 320, height: 700 });
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  expect(watched.foreignRequests).toEqual([]);
  return page;
}

/** Every link on the page that goes somewhere other than our own documentation hosts. */
async function foreignLinks(page: Page): Promise<string[]> {
  return page.$$eval('a[href]', (links) =>
    links
      .map((a) => (a as HTMLAnchorElement).href)
      .filter(
        (href) =>
          !/^https:\/\/(?:learn|support)\.microsoft\.com\/|^https:\/\/(?:www\.rfc-editor\.org|datatracker\.ietf\.org)\//.test(
            href,
          ),
      ),
  );
}

it.each([
  [
    'lure/lure-link-text-mismatch-en.eml',
    'en',
    'Undeliverable: Quarterly report',
    'Tell my admin this looks like phishing',
    'owa-message-center.example',
  ],
  [
    'lure/lure-onbestelbaar-ip-link-nl.eml',
    'nl',
    'Onbestelbaar: Factuur 2026-118',
    'Meld bij mijn beheerder dat dit op phishing lijkt',
    '198.51.100.7',
  ],
] as const)(
  '%s: the warning first, no live link, the admin action reports phishing',
  async (fixture, lang, subject, action, host) => {
    const page = await open(fixture, lang, subject);
    try {
      const warning = page.locator('[data-suspicion="suspicious"]');
      await warning.waitFor();
      const box = await warning.boundingBox();
      expect(box && box.y).toBeLessThan(300);
      // The action comes on the first screen, before anything is expanded.
      const button = page.getByRole('button', { name: action });
      await button.waitFor();
      const buttonBox = await button.boundingBox();
      expect(buttonBox && buttonBox.y + buttonBox.height).toBeLessThan(700);
      // What raised it is there on request, quoted, never as a link.
      await page.getByText(lang === 'en' ? 'Why we think so' : 'Waarom we dat denken').click();
      await expect(warning.textContent()).resolves.toContain(host);
      expect(await foreignLinks(page)).toEqual([]);
      // The fix steps of the lure's claimed cause are not offered.
      await expect(
        page.getByText(lang === 'en' ? 'What you can do' : 'Wat u kunt doen').count(),
      ).resolves.toBe(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow).toBe(false);
      await screenshot(page, `lure-${lang}-320.png`);
    } finally {
      await page.context().close();
    }
  },
);

it('says plainly that the reader did not send a backscatter bounce', async () => {
  const page = await open(
    'backscatter/backscatter-exim-dynamic-origin-en.eml',
    'en',
    'Mail delivery failed: returning message to sender',
  );
  try {
    await page.locator('[data-suspicion="backscatter"]').waitFor();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'You did not send this message',
    );
    await expect(page.locator('[data-suspicion="backscatter"]').textContent()).resolves.toMatch(
      /You did nothing wrong/,
    );
    await screenshot(page, 'backscatter-en-320.png');
  } finally {
    await page.context().close();
  }
});
