/**
 * The pane in every UI language (#18) at 320 px, in the built pane with a fake Outlook whose display
 * language is that language. One page per language shows in turn, as a pinned pane does, a refused
 * relay with the admin flow, a delay, a lure, a message that is no bounce and no message, each with
 * every section and the admin address form opened: nothing may scroll sideways or be clipped.
 *
 * The English page finds which UI strings these screens show; in every other language all of them
 * must be there in that language (a missing translation shows English instead), the longest of them
 * (German and Portuguese being the longest) among them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LOCALES, type Locale } from '../../src/i18n';
import { readLocaleFile } from '../support/localeCheck';
import { ROOT, openPage, screenshot, useServedPane } from './harness';
import { doorHost } from './readingDoors';

jest.setTimeout(120_000);

const WIDTH = 320;
const HEIGHT = 700;
const LONGEST = 8;
const bytes = (...parts: string[]): string => readFileSync(path.join(ROOT, ...parts)).toString('base64');
const PLAIN = Buffer.from(
  'From: a@contoso.example\r\nTo: b@contoso.example\r\nSubject: Lunch\r\n\r\nSee you at noon.\r\n',
).toString('base64');
/** What the pane shows in turn: the admin flow, a delay, a lure, a message that is no bounce, no message. */
const ITEMS = [
  {
    subject: 'Undeliverable: Quote',
    fileBase64: bytes('src', 'standalone', 'samples', 'relay-access-denied.eml'),
  },
  { subject: 'Delivery delayed: Quote', fileBase64: bytes('src', 'standalone', 'samples', 'delayed.eml') },
  {
    subject: 'Undeliverable: Quarterly report',
    fileBase64: bytes('test', 'fixtures', 'lure', 'lure-link-text-mismatch-en.eml'),
  },
  { subject: 'Lunch', fileBase64: PLAIN },
  null,
];

interface Seen {
  /** What is wrong on the page: sideways scroll, clipped text, console errors. */
  readonly problems: string[];
  /** The page's text, whitespace made single spaces, over every screen. */
  readonly text: string;
  /** The language the pane says it is in. */
  readonly lang: string | null;
}

/** Runs in the page: what sticks out sideways or is cut off. */
function measure(): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) problems.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
  const describe = (e: Element): string =>
    `${e.tagName.toLowerCase()} "${(e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60)}"`;
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest('[role=status]')) continue;
    if (box.right > doc.clientWidth + 1)
      problems.push(`${describe(element)} ends at ${Math.round(box.right)}`);
    const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
    if (!ownText && element.tagName !== 'BUTTON') continue;
    const style = getComputedStyle(element);
    // Sideways, a box may neither cut its text nor scroll it; downwards it may scroll (the quoted
    // bounce text in a box of its own) but not cut.
    const clipsX = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if (clipsX && element.scrollWidth > element.clientWidth + 1)
      problems.push(`${describe(element)} clipped: ${element.scrollWidth} > ${element.clientWidth} wide`);
    if (clipsY && element.scrollHeight > element.clientHeight + 1 && element.tagName !== 'TEXTAREA')
      problems.push(`${describe(element)} clipped: ${element.scrollHeight} > ${element.clientHeight} high`);
  }
  return problems;
}

/** Opens every closed section and the admin address form, then measures. */
async function openEverything(page: Page, ui: Readonly<Record<string, unknown>>): Promise<string[]> {
  const closed = page.locator('.fui-AccordionHeader__button[aria-expanded=false]');
  for (let opened = 0; opened < 20 && (await closed.count()) > 0; opened++) await closed.first().click();
  const problems = await page.evaluate(measure);
  const change = page.getByRole('button', {
    name: new RegExp(
      `^(?:${[ui['admin.address.change'], ui['admin.address.set']].map((s) => String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
    ),
  });
  if ((await change.count()) > 0) {
    await change.first().click();
    await page.waitForTimeout(200);
    problems.push(...(await page.evaluate(measure)).map((p) => `address form: ${p}`));
  }
  return problems;
}

/** The page's words on screen, without quoted text: the bounce's blocks, and “quotes” in a line. */
const pageText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('pre, script, style') || parent.getClientRects().length === 0) continue;
      parts.push(node.textContent ?? '');
    }
    // German quotes „so“: its closing mark opens an English quote, so its pairs go first.
    return parts
      .join(' ')
      .replace(/„[^“”]*[“”]/g, ' ')
      .replace(/“[^”]*”/g, ' ')
      .replace(/\s+/g, ' ');
  });

/** True when the text has the string as a whole, not as part of a longer word. */
const hasString = (text: string, s: string): boolean =>
  new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text);

async function visit(pane: { browser: import('playwright-core').Browser; url: string }, locale: Locale) {
  const ui = readLocaleFile(locale, 'ui') ?? {};
  const host = {
    ...doorHost('file', locale, 'light', { roaming: { adminAddress: 'helpdesk@contoso.example' } }),
    item: ITEMS[0],
  };
  const { page, watched } = await openPage(pane.browser, pane.url, '/taskpane.html', host);
  const problems: string[] = [];
  const texts: string[] = [];
  try {
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    for (const [i, item] of ITEMS.entries()) {
      const before = await page.evaluate(() => document.body.innerText);
      if (i === 0) await page.locator('h2[data-result-focus]').waitFor({ timeout: 30_000 });
      else {
        await page.evaluate((next) => {
          (
            window as unknown as { __FAKE_OUTLOOK__: { selectItem: (item: unknown) => void } }
          ).__FAKE_OUTLOOK__.selectItem(next);
        }, item);
        await page.waitForFunction((text) => document.body.innerText !== text, before, { timeout: 30_000 });
        // What the pane says while it reads comes and goes: let the answer settle.
        await page.waitForTimeout(500);
      }
      const name = item?.subject ?? 'no message';
      problems.push(...(await openEverything(page, ui)).map((p) => `${name}: ${p}`));
      texts.push(await pageText(page));
      if (i === 0) await screenshot(page, `locale-${locale}-320.png`);
    }
    const lang = await page.evaluate(
      () => document.querySelector('.fui-FluentProvider')?.getAttribute('lang') ?? null,
    );
    return { problems: [...problems, ...watched.consoleErrors], text: texts.join(' '), lang };
  } finally {
    await page.context().close();
  }
}

/**
 * The UI strings a page shows, as keys: those whose text is on it, of the strings without
 * placeholders or commands that no other string holds ("read" is in many sentences).
 */
function shownKeys(ui: Readonly<Record<string, unknown>>, text: string): string[] {
  const strings = Object.entries(ui).filter((e): e is [string, string] => typeof e[1] === 'string');
  return strings
    .filter(([, v]) => !/[{`]/.test(v) && v.trim().length > 0)
    .filter(([key, v]) => !strings.some(([other, w]) => other !== key && hasString(w, v)))
    .filter(([, v]) => hasString(text, v.replace(/\s+/g, ' ').trim()))
    .map(([k]) => k);
}

const pane = useServedPane();
const seen = new Map<Locale, Seen | Error>();

beforeAll(async () => {
  // One page at a time: the machine is shared, and the eight pages take about as long either way.
  for (const locale of LOCALES) {
    try {
      seen.set(locale, await visit(pane, locale));
    } catch (error) {
      seen.set(locale, error instanceof Error ? error : new Error(String(error)));
    }
  }
}, 10 * 60_000);

describe('the pane in each UI language at 320 px', () => {
  it.each(LOCALES)(
    '%s: in that language, nothing sideways, nothing clipped, the longest strings on screen',
    (locale) => {
      const result = seen.get(locale);
      if (!result || result instanceof Error) throw result ?? new Error('not visited');
      expect(result.lang).toBe(locale);
      expect(result.problems).toEqual([]);
      const english = seen.get('en');
      if (!english || english instanceof Error) throw new Error('the English page failed');
      const keys = shownKeys(readLocaleFile('en', 'ui') ?? {}, english.text);
      expect(keys.length).toBeGreaterThan(40);
      const ui = readLocaleFile(locale, 'ui') ?? {};
      const texts = keys.map(
        (k) =>
          [
            k,
            String(ui[k] ?? '')
              .replace(/\s+/g, ' ')
              .trim(),
          ] as const,
      );
      // Every string the English screens show is shown in this language too.
      expect(texts.filter(([, t]) => !hasString(result.text, t)).map(([k]) => k)).toEqual([]);
      const longest = [...texts].sort((a, b) => b[1].length - a[1].length).slice(0, LONGEST);
      // For the record: the language's longest strings these screens do not show (a DNS check's
      // result, Office starting slowly, a backscatter bounce: other tests open those).
      const elsewhere = Object.entries(ui)
        .filter((e): e is [string, string] => typeof e[1] === 'string' && !keys.includes(e[0]))
        .sort((a, b) => b[1].length - a[1].length)
        .slice(0, 3);
      console.log(
        `${locale}: ${keys.length} strings on screen, the longest ${longest.map(([k, t]) => `${k} (${t.length})`).join(', ')}; ` +
          `longest elsewhere ${elsewhere.map(([k, t]) => `${k} (${t.length})`).join(', ')}`,
      );
    },
  );
});
