/**
 * Regenerates the README screenshot (docs/screenshot-taskpane.png, the task pane at 350 px) and the
 * gallery in docs/gallery/ (English and Dutch, light and dark; German and French) from the built pane in dist/, with
 * the fake Outlook host of the browser tests. Run with `npm run screenshots` (it builds first).
 * Each image is the first screen a user sees: 350 × 700 px, as in a real task pane.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, serveDist } from '../test/browser/harness';
import { doorHost, samplePath, type Lang, type Theme } from '../test/browser/readingDoors';

const ROOT = path.resolve(__dirname, '..');
const DOCS = path.join(ROOT, 'docs');
const GALLERY = path.join(DOCS, 'gallery');
const WIDTH = 350;
const HEIGHT = 700;
const ADMIN = { roaming: { adminAddress: 'helpdesk@contoso.example' } };

interface Shot {
  readonly file: string;
  readonly caption: string;
  readonly path: string;
  readonly host: unknown;
  readonly theme: Theme;
}

/** "German" for de: the gallery's captions are in English. */
const languageName = (lang: Lang): string =>
  new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;

const pane = (lang: Lang, theme: Theme): Shot => ({
  file: path.join(GALLERY, `taskpane-relay-access-denied-${lang}-${theme}.png`),
  caption: `Task pane, 550 5.4.1 Relay Access Denied, ${languageName(lang)}, ${theme}`,
  path: '/taskpane.html',
  host: doorHost('file', lang, theme, ADMIN),
  theme,
});

const sample = (id: string, lang: Lang, theme: Theme, what: string): Shot => ({
  file: path.join(GALLERY, `standalone-${id}-${lang}-${theme}.png`),
  caption: `Standalone page, ${what}, ${languageName(lang)}, ${theme}`,
  path: samplePath(id, lang, theme),
  host: {},
  theme,
});

const shots: Shot[] = [
  { ...pane('en', 'light'), file: path.join(DOCS, 'screenshot-taskpane.png') },
  pane('en', 'light'),
  pane('en', 'dark'),
  pane('nl', 'light'),
  pane('nl', 'dark'),
  pane('de', 'light'),
  pane('fr', 'light'),
  sample('delayed', 'nl', 'light', 'a delayed message (4.4.7)'),
  sample('dbeb', 'en', 'dark', 'an address that does not exist (5.4.1, DBEB)'),
];

async function main(): Promise<void> {
  mkdirSync(GALLERY, { recursive: true });
  const server = await serveDist();
  const browser = await launch();
  try {
    for (const shot of shots) {
      const { page } = await openPage(browser, server.url, shot.path, shot.host, { colorScheme: shot.theme });
      try {
        await page.setViewportSize({ width: WIDTH, height: HEIGHT });
        await page.locator('h2[data-result-focus]').waitFor({ timeout: 30_000 });
        await page.locator('[data-primary-action]').waitFor({ timeout: 10_000 });
        // Fonts and the last layout settle before the picture is taken.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot.file });
        console.log(path.relative(ROOT, shot.file));
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const index = [
    '# Gallery',
    '',
    'The first screen of the pane at 350 × 700 px, made by `npm run screenshots` (see CONTRIBUTING.md).',
    '',
    ...shots
      .filter((shot) => path.dirname(shot.file) === GALLERY)
      .map((shot) => `![${shot.caption}](${path.basename(shot.file)})`),
    '',
  ].join('\n');
  writeFileSync(path.join(GALLERY, 'README.md'), index);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
