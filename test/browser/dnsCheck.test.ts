/**
 * The DNS check in the built pane (#17): nothing is asked before the click; after it, the checklist
 * marks the step the records prove wrong, with the record; a correct domain is fine on every step
 * and the pane says what is left to suspect; an unreachable resolver gives a clear message. The
 * build's resolvers (Cloudflare, then Google as second opinion) are routed to loopback stub
 * resolvers: no test touches a real resolver.
 */
import type { Page, Route } from 'playwright-core';
import { openPage, screenshot, useServedPane } from './harness';
import { doorHost } from './readingDoors';
import { startDohStub, type DohStub, type StubZone } from '../support/dohStub';

jest.setTimeout(120_000);

const PRIMARY = 'https://cloudflare-dns.com/dns-query';
const SECOND = 'https://dns.google/dns-query';
const EXO = { preference: 0, exchange: 'fabrikam-example.mail.protection.outlook.com' };

const pane = useServedPane();
const stubs: DohStub[] = [];

afterAll(async () => {
  await Promise.all(stubs.map((s) => s.close()));
});

async function stub(zone: StubZone): Promise<DohStub> {
  const started = await startDohStub(zone);
  stubs.push(started);
  return started;
}

/** Sends the page's DoH requests for `resolver` to a loopback stub (or fails them like a blocked network). */
async function routeResolver(page: Page, resolver: string, to: DohStub | 'unreachable'): Promise<void> {
  await page.route(`${resolver}?*`, async (route: Route) => {
    if (to === 'unreachable') return route.abort('connectionrefused');
    const query = new URL(route.request().url()).search;
    const answer = await fetch(`${to.url}${query}`);
    return route.fulfill({
      status: answer.status,
      headers: {
        'content-type': answer.headers.get('content-type') ?? 'application/dns-message',
        'access-control-allow-origin': '*',
      },
      body: Buffer.from(await answer.arrayBuffer()),
    });
  });
}

/** Opens the 5.4.1 relay bounce for jan@fabrikam.example, 320 px wide, and the admin steps. */
async function openRelayBounce(primary: DohStub | 'unreachable', second: DohStub | 'unreachable') {
  const { page, watched } = await openPage(
    pane.browser,
    pane.url,
    '/taskpane.html',
    doorHost('file', 'en', 'light'),
  );
  await page.setViewportSize({ width: 320, height: 800 });
  await routeResolver(page, PRIMARY, primary);
  await routeResolver(page, SECOND, second);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // The admin steps are the first disclosure of the explanation.
  await page.locator('.fui-AccordionHeader button').first().click();
  return { page, watched };
}

/**
 * Asks for the check from the keyboard: a pointer click was now and then lost to a layout shift
 * under load (the button stayed enabled and connected, its handler never ran).
 */
async function ask(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check fabrikam.example now' }).press('Enter');
}

async function runCheck(page: Page) {
  await ask(page);
  const list = page.getByRole('list', { name: 'DNS checks for fabrikam.example' });
  const failure = page.locator('.fui-MessageBar', { hasText: /resolver|DNS/ });
  await Promise.race([list.waitFor(), failure.waitFor()]).catch(async (error: unknown) => {
    await screenshot(page, 'dns-check-stuck.png');
    const text = await page.locator('.fui-AccordionPanel').first().textContent();
    throw new Error(`${String(error)}\nPanel: ${text}`);
  });
  if (await failure.isVisible()) throw new Error(`the check failed: ${await failure.textContent()}`);
  return list;
}

function step(page: Page, id: string) {
  return page.locator(`li[data-check="${id}"]`);
}

it('asks nothing before the click, and only the configured resolvers after it', async () => {
  const zone = { 'fabrikam.example': { MX: [{ preference: 10, exchange: 'mx.old-host.example' }] } };
  const { page, watched } = await openRelayBounce(await stub(zone), await stub(zone));
  try {
    await page.getByRole('button', { name: 'Check fabrikam.example now' }).waitFor();
    await page.getByText(/Only the domain name is sent, and only to cloudflare-dns\.com/).waitFor();
    expect(watched.foreignRequests).toEqual([]);
    await runCheck(page);
    expect(watched.foreignRequests.length).toBeGreaterThan(0);
    for (const url of watched.foreignRequests)
      expect(url.startsWith(`${PRIMARY}?dns=`) || url.startsWith(`${SECOND}?dns=`)).toBe(true);
    expect(watched.consoleErrors).toEqual([]);
  } finally {
    await page.context().close();
  }
});

it('marks the Exchange Online step failing, with the record, when the MX points elsewhere', async () => {
  const zone = { 'fabrikam.example': { MX: [{ preference: 10, exchange: 'mx.old-host.example' }] } };
  const { page } = await openRelayBounce(await stub(zone), await stub(zone));
  try {
    await runCheck(page);
    const exo = step(page, 'mx.exchangeOnline');
    await expect(exo.getAttribute('data-state')).resolves.toBe('problem');
    await expect(exo.textContent()).resolves.toContain('10 mx.old-host.example');
    await expect(step(page, 'mx.single').getAttribute('data-state')).resolves.toBe('ok');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    await screenshot(page, 'dns-check-elsewhere-320.png');
  } finally {
    await page.context().close();
  }
});

it('marks the single-MX step when the domain has two MX records', async () => {
  const zone = {
    'fabrikam.example': { MX: [EXO, { preference: 20, exchange: 'mx.old-host.example' }] },
  };
  const { page } = await openRelayBounce(await stub(zone), await stub(zone));
  try {
    await runCheck(page);
    await expect(step(page, 'mx.single').getAttribute('data-state')).resolves.toBe('problem');
    await expect(step(page, 'mx.single').textContent()).resolves.toContain('20 mx.old-host.example');
  } finally {
    await page.context().close();
  }
});

it('marks every step fine for a correct domain and names the accepted-domain settings as what is left', async () => {
  const zone = { 'fabrikam.example': { MX: [EXO] } };
  const { page } = await openRelayBounce(await stub(zone), await stub(zone));
  try {
    await runCheck(page);
    const states = await page
      .locator('li[data-check]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(new Set(states)).toEqual(new Set(['ok']));
    await expect(page.locator('[data-dns-summary]').textContent()).resolves.toMatch(/accepted domain/);
  } finally {
    await page.context().close();
  }
});

it('says DNS is still propagating when the two resolvers disagree', async () => {
  const { page } = await openRelayBounce(
    await stub({ 'fabrikam.example': { MX: [EXO] } }),
    await stub({ 'fabrikam.example': { MX: [{ preference: 10, exchange: 'mx.old-host.example' }] } }),
  );
  try {
    await runCheck(page);
    await expect(step(page, 'mx.agree').getAttribute('data-state')).resolves.toBe('problem');
    await expect(step(page, 'mx.agree').textContent()).resolves.toMatch(/72 hours/);
  } finally {
    await page.context().close();
  }
});

it('gives a clear message, and keeps the explanation, when the resolver cannot be reached', async () => {
  const { page } = await openRelayBounce('unreachable', 'unreachable');
  try {
    await ask(page);
    await page.getByText(/could not reach the DNS resolver/).waitFor();
    await expect(page.getByRole('heading', { level: 2 }).first().isVisible()).resolves.toBe(true);
  } finally {
    await page.context().close();
  }
});
