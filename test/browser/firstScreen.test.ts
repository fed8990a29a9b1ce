/**
 * The first screen (#13) at real task-pane sizes: every built-in sample and every reading door, at
 * 320, 350 and 500 px wide (700 px tall), light and dark, English and Dutch. Nothing scrolls
 * sideways, the headline takes at most three lines and is not clipped, the primary action ends
 * inside the first 600 px, and axe-core finds nothing.
 *
 * One Chromium serves every page; each page is loaded once per language and theme and resized to
 * the three widths, a few pages at a time.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, openPage, useServedPane } from './harness';
import { DOORS, doorHost, sampleIds, samplePath, type Lang, type Theme } from './readingDoors';

jest.setTimeout(120_000);

const WIDTHS = [500, 350, 320] as const;
const HEIGHT = 700;
const FIRST_SCREEN = 600;
const AT_ONCE = 3;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(RESULTS, 'first-screen');

interface Case {
  readonly name: string;
  /** The page and the fake host for one language and theme. */
  readonly open: (lang: Lang, theme: Theme) => { path: string; host: unknown };
}

const cases: Case[] = [
  ...sampleIds().map((id): Case => ({
    name: `sample ${id}`,
    open: (lang, theme) => ({ path: samplePath(id, lang, theme), host: {} }),
  })),
  ...DOORS.map((door): Case => ({
    name: `door ${door}`,
    open: (lang, theme) => ({ path: '/taskpane.html', host: doorHost(door, lang, theme) }),
  })),
];

interface Measure {
  readonly overflow: string[];
  readonly headlineLines: number;
  readonly headlineClipped: boolean;
  readonly primaryBottom: number | null;
}

/** Runs in the page: what sticks out sideways, the headline's lines, where the primary action ends. */
function measure(): Measure {
  const overflow: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) overflow.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
  const describe = (e: Element): string =>
    `${e.tagName.toLowerCase()}${e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label')}]` : ''}${
      e.id ? `#${e.id}` : ''
    } "${(e.textContent ?? '').slice(0, 40)}"`;
  // Every region of the page: landmarks, sections, the figure, lists, quoted blocks and panels.
  const regions = document.querySelectorAll(
    'main, header, section, article, figure, [role=region], [role=status], form, dl, ol, ul, pre, .fui-AccordionPanel, .fui-MessageBar',
  );
  for (const region of regions) {
    const style = getComputedStyle(region);
    if (style.display === 'none' || region.getAttribute('role') === 'status') continue;
    if (region.scrollWidth > region.clientWidth + 1)
      overflow.push(`${describe(region)} ${region.scrollWidth} > ${region.clientWidth}`);
  }
  // And nothing visible past the right edge, whatever its container.
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest('[role=status]')) continue;
    if (box.right > doc.clientWidth + 1)
      overflow.push(`${describe(element)} ends at ${Math.round(box.right)}`);
  }
  const headline = document.querySelector<HTMLElement>('h2[data-result-focus]');
  const primary = document.querySelector('[data-primary-action]');
  const lineHeight = headline ? parseFloat(getComputedStyle(headline).lineHeight) : 0;
  return {
    overflow: overflow.slice(0, 10),
    headlineLines:
      headline && lineHeight > 0 ? Math.round(headline.getBoundingClientRect().height / lineHeight) : -1,
    headlineClipped: headline
      ? headline.scrollWidth > headline.clientWidth || headline.scrollHeight > headline.clientHeight + 1
      : true,
    primaryBottom: primary ? primary.getBoundingClientRect().bottom + window.scrollY : null,
  };
}

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target[0])).join(', ')}`);
  });
}

interface Row {
  readonly lang: Lang;
  readonly theme: Theme;
  readonly width: number;
  readonly problems: readonly string[];
  readonly headlineLines: number;
  readonly primaryBottom: number | null;
}

async function check(
  pane: { browser: import('playwright-core').Browser; url: string },
  c: Case,
  lang: Lang,
  theme: Theme,
): Promise<Row[]> {
  const { path: pagePath, host } = c.open(lang, theme);
  const { page, watched } = await openPage(pane.browser, pane.url, pagePath, host, { colorScheme: theme });
  const rows: Row[] = [];
  try {
    await page.locator('h2[data-result-focus]').waitFor({ timeout: 30_000 });
    await page.locator('[data-primary-action]').waitFor({ timeout: 10_000 });
    await page.evaluate(AXE);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.evaluate(() => window.scrollTo(0, 0));
      const m = await page.evaluate(measure);
      const problems = [
        ...m.overflow.map((o) => `sideways: ${o}`),
        ...(m.headlineLines > 3 ? [`headline takes ${m.headlineLines} lines`] : []),
        ...(m.headlineClipped ? ['headline clipped'] : []),
        ...(m.primaryBottom === null
          ? ['no primary action']
          : m.primaryBottom > FIRST_SCREEN
            ? [`primary action ends at ${Math.round(m.primaryBottom)} px`]
            : []),
        ...(await axeViolations(page)).map((v) => `axe ${v}`),
      ];
      if (width === 320) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({
          path: path.join(SHOTS, `${c.name.replace(/\W+/g, '-')}-${lang}-${theme}.png`),
        });
        // Opened up, nothing inside may push the page sideways either.
        const closed = page.locator('.fui-AccordionHeader__button[aria-expanded=false]');
        for (let opened = 0; opened < 20 && (await closed.count()) > 0; opened++)
          await closed.first().click();
        // Let the panels finish opening: axe reads colours mid-animation otherwise.
        await page.waitForTimeout(500);
        const opened = await page.evaluate(measure);
        problems.push(...opened.overflow.map((o) => `sideways when opened: ${o}`));
        problems.push(...(await axeViolations(page)).map((v) => `axe when opened ${v}`));
      }
      rows.push({
        lang,
        theme,
        width,
        problems,
        headlineLines: m.headlineLines,
        primaryBottom: m.primaryBottom,
      });
    }
    if (watched.consoleErrors.length > 0)
      rows.push({
        lang,
        theme,
        width: 0,
        problems: watched.consoleErrors,
        headlineLines: 0,
        primaryBottom: null,
      });
  } finally {
    await page.context().close();
  }
  return rows;
}

const pane = useServedPane();
const results = new Map<string, Row[]>();

beforeAll(async () => {
  const jobs = cases
    .filter((c) => !process.env['FIRST_SCREEN_ONLY'] || c.name.includes(process.env['FIRST_SCREEN_ONLY']))
    .flatMap((c) =>
      (['en', 'nl'] as const).flatMap((lang) =>
        (['light', 'dark'] as const).map((theme) => ({ c, lang, theme })),
      ),
    );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) return;
      let rows: Row[];
      try {
        rows = await check(pane, job.c, job.lang, job.theme);
      } catch (error) {
        rows = [
          {
            lang: job.lang,
            theme: job.theme,
            width: 0,
            problems: [String(error)],
            headlineLines: 0,
            primaryBottom: null,
          },
        ];
      }
      results.set(job.c.name, [...(results.get(job.c.name) ?? []), ...rows]);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}, 15 * 60_000);

describe('the first screen at 320, 350 and 500 px, light and dark, English and Dutch', () => {
  it.each(cases.map((c) => c.name))(
    '%s: no sideways scroll, a short headline, the action on screen, axe clean',
    (name) => {
      const rows = results.get(name) ?? [];
      const problems = rows.flatMap((r) => r.problems.map((p) => `${r.lang} ${r.theme} ${r.width}px: ${p}`));
      expect(problems).toEqual([]);
      expect(rows.length).toBe(2 * 2 * WIDTHS.length);
    },
  );

  afterAll(() => {
    // The figures for the record: the primary action's lowest bottom edge and the longest headline per width.
    const all = [...results.values()].flat().filter((r) => r.width > 0);
    for (const width of WIDTHS) {
      const at = all.filter((r) => r.width === width);
      const bottoms = at.map((r) => r.primaryBottom ?? Infinity);
      console.log(
        `first screen at ${width} px: primary action bottom ${Math.round(Math.min(...bottoms))}–${Math.round(
          Math.max(...bottoms),
        )} px, headline ${Math.min(...at.map((r) => r.headlineLines))}–${Math.max(...at.map((r) => r.headlineLines))} lines`,
      );
    }
  });
});
