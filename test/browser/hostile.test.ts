/**
 * Every hostile NDR (test/fixtures/hostile-generated, written by scripts/makeHostile.ts, and
 * test/fixtures/hostile) loaded in the built task pane through the fake host: nothing from the
 * bounce runs, renders as markup, links out or fetches anything, the pane stays usable, and the
 * admin mail built from it carries only our own markup within 32 KB.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_MAIL_TAGS, openPage, useServedPane } from './harness';

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const ADMIN = 'helpdesk@contoso.example';
const TRUSTED_LINK = /^https:\/\/(?:learn\.microsoft\.com|support\.microsoft\.com|www\.rfc-editor\.org)\//;

const files = ['hostile-generated', 'hostile'].flatMap((dir) =>
  readdirSync(path.join(FIXTURES, dir))
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => `${dir}/${name}`),
);

const served = useServedPane();

/** Traps every way a payload could announce itself, before any page script runs. */
function instrument(): void {
  const w = window as unknown as Record<string, unknown>;
  const calls: string[] = [];
  w['__TRAPPED__'] = calls;
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const)
    w[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(',')})`);
      return null;
    };
  let pwned: unknown;
  Object.defineProperty(window, '__PWNED__', {
    configurable: false,
    get: () => pwned,
    set: (value) => {
      pwned = value;
      calls.push('__PWNED__ set');
    },
  });
}

interface PaneState {
  readonly trapped: string[];
  readonly foreignElements: string[];
  readonly handlers: string[];
  readonly links: string[];
  readonly headings: number;
  readonly canary: unknown;
}

async function paneState(page: Page): Promise<PaneState> {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const main = document.querySelector('main') ?? document.body;
    const foreignElements = [
      ...main.querySelectorAll(
        'img, iframe, script, style, object, embed, link, frame, frameset, video, audio, source, form, input[type=password], base, meta, math, template, noscript',
      ),
    ]
      .filter((e) => !(e.tagName === 'IMG' && e.getAttribute('src') === 'assets/icon-32.png'))
      .map((e) => e.outerHTML.slice(0, 120));
    // Fluent's own icons are inline <svg> with its class, the route picture's with data-route-icon;
    // an svg from the input would have neither.
    for (const svg of main.querySelectorAll('svg'))
      if (
        !(/fui-/.test(svg.getAttribute('class') ?? '') || svg.hasAttribute('data-route-icon')) ||
        svg.querySelector('circle, script, foreignObject')
      )
        foreignElements.push(svg.outerHTML.slice(0, 120));
    const handlers = [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*(?:javascript|data|vbscript):/i.test(a.value))
        .map((a) => `${e.tagName.toLowerCase()}[${a.name}]`),
    );
    const links = [...main.querySelectorAll('a[href], [role=link][href]')].map(
      (a) => a.getAttribute('href') ?? '',
    );
    return {
      trapped: w['__TRAPPED__'] as string[],
      foreignElements,
      handlers,
      links,
      headings: main.querySelectorAll('h1, h2, h3').length,
      canary: w['__PWNED__'],
    };
  });
}

interface NewMessage {
  readonly toRecipients: string[];
  readonly subject: string;
  readonly htmlBody: string;
}

interface MailState {
  readonly tags: string[];
  readonly handlers: string[];
  readonly links: string[];
}

interface Outcome {
  readonly pane: PaneState;
  readonly after: PaneState;
  readonly message: NewMessage;
  readonly mail: MailState;
  readonly consoleErrors: string[];
  readonly foreignRequests: string[];
}

/** Loads the bounce in the pane with the traps installed before the first navigation (one load per case). */
async function explainInPane(eml: Buffer): Promise<Outcome> {
  const { page, watched } = await openPage(
    served.browser,
    served.url,
    '/taskpane.html',
    {
      displayLanguage: 'en-US',
      mailboxVersion: '1.14',
      roaming: { adminAddress: ADMIN },
      item: { subject: 'FW: Undeliverable', fileBase64: eml.toString('base64') },
    },
    { initScript: instrument },
  );
  try {
    await page
      .locator('main[aria-busy="false"]')
      .getByRole('heading', { level: 2 })
      .first()
      .waitFor({ timeout: 30_000 });
    const pane = await paneState(page);
    // A bounce that looks like a lure is reported as one: the same action, named for what it does.
    await page
      .getByRole('button', { name: /^(?:Send to my admin|Tell my admin this looks like phishing)$/ })
      .click();
    await page.getByText('A new message to your admin is open').waitFor({ timeout: 15_000 });
    const message = (await page.evaluate(
      () => (window as unknown as { __NEW_MESSAGE__: unknown }).__NEW_MESSAGE__,
    )) as NewMessage;
    const mail = await page.evaluate((html): MailState => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const elements = [...doc.body.querySelectorAll('*')];
      return {
        tags: [...new Set(elements.map((e) => e.tagName.toLowerCase()))].sort(),
        handlers: elements.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
        ),
        links: [...doc.querySelectorAll('[href], [src]')].map(
          (a) => a.getAttribute('href') ?? a.getAttribute('src') ?? '',
        ),
      };
    }, message.htmlBody);
    const after = await paneState(page);
    return {
      pane,
      after,
      message,
      mail,
      consoleErrors: watched.consoleErrors,
      foreignRequests: watched.foreignRequests,
    };
  } finally {
    await page.context().close();
  }
}

// Cases run three at a time (each in its own context); the tests below then judge each one.
const outcomes = new Map<string, Outcome | Error>();

beforeAll(async () => {
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const relative = next;
      try {
        outcomes.set(relative, await explainInPane(readFileSync(path.join(FIXTURES, relative))));
      } catch (error) {
        outcomes.set(relative, error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
});

it('has at least 40 generated hostile bounces to try', () => {
  expect(files.filter((f) => f.startsWith('hostile-generated/')).length).toBeGreaterThanOrEqual(40);
});

describe.each(files)('%s', (relative) => {
  const outcome = (): Outcome => {
    const result = outcomes.get(relative);
    if (!result) throw new Error('not run');
    if (result instanceof Error) throw result;
    return result;
  };

  it('runs no script from the bounce: canary unset, no alert/confirm/prompt, no console errors', () => {
    const { pane, after, consoleErrors } = outcome();
    for (const state of [pane, after]) {
      expect(state.canary).toBeUndefined();
      expect(state.trapped).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('renders no element, handler or outside link from the bounce and stays usable', () => {
    const { pane, foreignRequests } = outcome();
    expect(pane.foreignElements).toEqual([]);
    expect(pane.handlers).toEqual([]);
    expect(pane.links.filter((href) => !TRUSTED_LINK.test(href) && !href.startsWith('mailto:'))).toEqual([]);
    // Our only mailto: goes to the admin; none comes from the bounce.
    expect(
      pane.links.filter(
        (href) => href.startsWith('mailto:') && !href.startsWith(`mailto:${encodeURIComponent(ADMIN)}?`),
      ),
    ).toEqual([]);
    expect(pane.headings).toBeGreaterThan(1);
    expect(foreignRequests).toEqual([]);
  });

  it('mails the admin only our own markup, trusted links and a one-line subject, within 32 KB', () => {
    const { message, mail } = outcome();
    expect(message.toRecipients).toEqual([ADMIN]);
    expect(new TextEncoder().encode(message.htmlBody).length).toBeLessThanOrEqual(32_000);
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject.includes(String.fromCharCode(0))).toBe(false);
    expect(mail.tags.filter((tag) => !ADMIN_MAIL_TAGS.includes(tag))).toEqual([]);
    expect(mail.handlers).toEqual([]);
    expect(mail.links.filter((href) => !TRUSTED_LINK.test(href))).toEqual([]);
  });
});
