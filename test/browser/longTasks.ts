/**
 * Drops an input on the standalone page and records the page's long tasks (PerformanceObserver,
 * 'longtask': every main-thread task over 50 ms) from the drop until the answer has been on screen
 * for half a second. Shared by test/browser/longTasks.test.ts and `npm run bench`.
 *
 * The input is served by the test server and fetched by the page before the clock starts, then
 * handed to the drop zone in a DataTransfer: as a File (a dropped .eml or .msg) or as text (what a
 * paste or a dropped selection gives the pane).
 */
import type { Browser, Page } from 'playwright-core';

export interface LongTaskRun {
  /** Durations of the long tasks, in milliseconds, in the order they ran. */
  readonly longTasks: number[];
  /** From the drop to the answer (the pane no longer busy), in milliseconds. */
  readonly answerMs: number;
  /** The page's main text once answered (to check what was shown). */
  readonly text: string;
}

interface Dropped {
  readonly url: string;
  readonly as: 'file' | 'text';
  readonly fileName: string;
}

/** Opens the standalone page with no sample; the caller closes page.context(). */
export async function openEmptyPane(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/standalone.html?sample=none&lang=en`);
  await page.getByTestId('drop-zone').waitFor({ timeout: 30_000 });
  // The engine's worker and chunks load at start: let that finish before the clock starts.
  await page.waitForLoadState('networkidle');
  return page;
}

/** Fetches the input into the page, then starts observing long tasks and drops it. */
export async function dropWatchingLongTasks(page: Page, dropped: Dropped): Promise<void> {
  await page.evaluate(async ({ url, as, fileName }) => {
    const blob = await (await fetch(url)).blob();
    const data = new DataTransfer();
    if (as === 'file') data.items.add(new File([blob], fileName));
    else data.setData('text/plain', await blob.text());
    const w = window as unknown as { __longTasks: number[]; __droppedAt: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no drop zone');
    w.__droppedAt = performance.now();
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
}

/** The long tasks so far, and how long since the drop. */
export async function longTasksSoFar(page: Page): Promise<{ longTasks: number[]; sinceDropMs: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __droppedAt: number };
    return { longTasks: [...w.__longTasks], sinceDropMs: performance.now() - w.__droppedAt };
  });
}

/** Drops the input, waits for the answer and half a second of rendering after it. */
export async function explainWatchingLongTasks(
  page: Page,
  dropped: Dropped,
  timeoutMs = 120_000,
): Promise<LongTaskRun> {
  await dropWatchingLongTasks(page, dropped);
  const main = page.locator('main[aria-busy]').first();
  // Busy first (the drop was taken), then no longer busy (answered).
  await page.locator('main[aria-busy="true"]').first().waitFor({ timeout: 10_000 });
  await page.locator('main[aria-busy="false"]').first().waitFor({ timeout: timeoutMs });
  const answerMs = (await longTasksSoFar(page)).sinceDropMs;
  await page.waitForTimeout(500);
  const { longTasks } = await longTasksSoFar(page);
  return { longTasks, answerMs, text: (await main.textContent()) ?? '' };
}
