import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The only tags the admin mail's HTML may hold: our own markup, nothing from the bounce. */
export const ADMIN_MAIL_TAGS: readonly string[] = [
  'a',
  'b',
  'div',
  'h3',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'span',
  'table',
  'tbody',
  'td',
  'th',
  'tr',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** Builds the production bundle when the caller did not (npm test builds first). */
export function ensureBuilt(): void {
  if (existsSync(path.join(DIST, 'taskpane.html')) && existsSync(path.join(DIST, 'standalone.html'))) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/**
 * Serves `root` (dist/ unless told otherwise, e.g. the bench's BENCH_DIST) on a free localhost port;
 * `mounts` serve other folders under a path prefix (the bench's baseline page at /baseline/).
 * A folder's index.html answers its bare prefix.
 */
export async function serveDist(
  mounts: Readonly<Record<string, string>> = {},
  root: string = DIST,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
    const base = prefix ? (mounts[prefix] ?? root) : root;
    const rest = prefix ? pathname.slice(prefix.length) : pathname;
    const file = path.join(base, path.normalize(rest || 'index.html').replace(/^([/\\])+/, ''));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter(Boolean) as string[];
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Watched {
  readonly consoleErrors: string[];
  readonly foreignRequests: string[];
}

/**
 * Opens a page with office.js routed to the fake host, records console errors and every request
 * that goes anywhere but our server and the office.js URL (the pane must make none).
 * `initScript` runs in the page after the fake host's config is set and before any page script
 * (the hostile test's traps). The page has a context of its own; close it with page.context().close().
 */
export async function openPage(
  browser: Browser,
  base: string,
  pathAndQuery: string,
  fakeOffice: unknown,
  options: {
    colorScheme?: 'light' | 'dark';
    initScript?: () => void;
    /**
     * A phone: touch input (so `(pointer: coarse)` matches in Chromium), the mobile viewport that
     * honours the page's `<meta name="viewport">`, and overlay scrollbars. Like Outlook's web view
     * on iOS and Android.
     */
    touch?: boolean;
    viewport?: { width: number; height: number };
  } = {},
): Promise<{ page: Page; watched: Watched }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 420, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  try {
    const page = await context.newPage();
    const watched: Watched = { consoleErrors: [], foreignRequests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') watched.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && url !== OFFICE_JS && !url.startsWith('data:'))
        watched.foreignRequests.push(url);
    });
    const fake = readFileSync(path.join(__dirname, 'fakeOffice.js'), 'utf8');
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }),
    );
    await page.addInitScript((config) => {
      (window as unknown as { __FAKE_OFFICE__: unknown }).__FAKE_OFFICE__ = config;
    }, fakeOffice);
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.goto(`${base}${pathAndQuery}`);
    return { page, watched };
  } catch (error) {
    // The caller never sees the page, so nobody else can close its context.
    await context.close();
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A built pane served on localhost and one Chromium, shared by every test in a file. */
export interface ServedPane {
  browser: Browser;
  url: string;
}

/** Registers beforeAll/afterAll that build (if needed), serve dist/ and launch Chromium once per file. */
export function useServedPane(): ServedPane {
  const pane = {} as ServedPane;
  let close: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    ensureBuilt();
    const server = await serveDist();
    close = server.close;
    pane.url = server.url;
    pane.browser = await launch();
  });
  afterAll(async () => {
    await pane.browser?.close();
    await close?.();
  });
  return pane;
}
